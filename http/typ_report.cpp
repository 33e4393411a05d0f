#include "http/typ_report.h"

#include <boost/json.hpp>

#include <map>

#include "projections/typ.h"

namespace istihdam::http {

namespace {

std::string Str(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string DottedDate(const std::string& iso) {  // 2026-11-03 -> 03.11.2026
  return iso.size() == 10 ? iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4)
                          : iso;
}

}  // namespace

std::string TurkishMonth(const std::string& ym) {
  static const char* kNames[] = {"Ocak",   "Şubat",   "Mart",  "Nisan", "Mayıs", "Haziran",
                                 "Temmuz", "Ağustos", "Eylül", "Ekim",  "Kasım", "Aralık"};
  const int m = std::stoi(ym.substr(5, 2));
  return std::string(kNames[m - 1]) + " " + ym.substr(0, 4);
}

TypAttendanceReport BuildTypAttendanceReport(const ReadView& view, const ReferenceData& ref,
                                             const boost::json::object& program,
                                             const std::string& month, const std::string& today) {
  const std::string typ_no = Str(program, "typNo");
  const std::string host_title = Str(program, "hostEmployerTitle");
  std::map<std::string, boost::json::object> people;
  for (auto& p : TypParticipants(view, typ_no)) people[Str(p, "participantId")] = std::move(p);

  TypAttendanceReport out;
  auto& t = out.table;
  t.title = "TYP Aylık Devam Raporu";
  const auto* province = ref.FindProvince(Str(program, "province"));
  t.fields = {{"TYP Numarası", typ_no},
              {"Dönem", TurkishMonth(month)},
              {"İşveren", host_title},
              {"İl", province ? province->name : Str(program, "province")},
              {"İş Tanımı", Str(program, "description")}};
  t.columns = {"Katılımcı No", "T.C. Kimlik No", "Adı", "Soyadı", "Tarih", "Devam Türü"};
  t.empty_message = "Girdiğiniz kriterlere uygun kayıt bulunamadı";
  t.footer = "Oluşturulma tarihi: " + DottedDate(today);
  t.sheet_name = "Devam";

  boost::json::array rows;
  std::map<std::pair<std::string, std::string>, std::int64_t>
      totals;  // (participant, type) -> days
  std::vector<std::pair<std::string, std::string>> order;
  for (const auto& a : TypAbsences(view, typ_no, month)) {
    const auto& p = people[a.participant_id];
    const auto* type = ref.FindAttendanceType(a.attendance_type);
    const std::string type_name = type ? type->name_tr : a.attendance_type;
    rows.push_back(boost::json::object{{"participantId", a.participant_id},
                                       {"tckn", Str(p, "tckn")},
                                       {"firstName", Str(p, "firstName")},
                                       {"lastName", Str(p, "lastName")},
                                       {"date", a.date},
                                       {"attendanceType", a.attendance_type},
                                       {"attendanceTypeName", type_name}});
    t.rows.push_back({a.participant_id, Str(p, "tckn"), Str(p, "firstName"), Str(p, "lastName"),
                      DottedDate(a.date), type_name});
    const auto key = std::make_pair(a.participant_id, a.attendance_type);
    if (totals[key]++ == 0) order.push_back(key);
  }
  boost::json::array total_rows;
  for (const auto& key : order) {
    total_rows.push_back(boost::json::object{
        {"participantId", key.first}, {"attendanceType", key.second}, {"days", totals[key]}});
  }
  out.empty = rows.empty();
  out.json = {{"typNo", typ_no},
              {"month", month},
              {"hostEmployerId", Str(program, "hostEmployerId")},
              {"hostEmployerTitle", host_title},
              {"province", Str(program, "province")},
              {"rows", std::move(rows)},
              {"totals", std::move(total_rows)}};
  return out;
}

}  // namespace istihdam::http

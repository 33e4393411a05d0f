#include "http/candidate_report.h"

#include <boost/json.hpp>

#include "aggregates/job_codes.h"

namespace istihdam::http {

namespace {

// The row fields in column order, with the header each has in the printed forms.
constexpr std::pair<const char*, const char*> kColumns[] = {
    {"demandNo", "İstem No"},        {"workplaceTitle", "İşyeri"},  {"occupation", "Meslek Kodu"},
    {"occupationName", "Meslek"},    {"position", "Pozisyon"},      {"jobSeekerId", "İş Arayan No"},
    {"firstName", "Adı"},            {"lastName", "Soyadı"},        {"origin", "Kaynak"},
    {"date", "Tarih"},               {"interviewDate", "Görüşme Tarihi"}, {"interviewResult", "Görüşme Sonucu"}};

std::string Cell(const boost::json::value& v) { return v.is_string() ? std::string(v.as_string()) : std::string(); }

std::string DottedDate(const std::string& iso) {  // 2026-11-03 -> 03.11.2026
  return iso.size() >= 10 ? iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4) : iso;
}

std::string CodeName(std::string_view set, const std::string& code) {
  const auto name = job_codes::NameTr(set, code);
  return name.empty() ? code : std::string(name);
}

// The printed row: İstem No, İşyeri, Pozisyon (occupation), Adı Soyadı, Kaynak, Tarih, Görüşme.
std::vector<std::string> PrintedCells(const boost::json::object& r) {
  const std::string interview = Cell(r.at("interviewDate"));
  const std::string result = Cell(r.at("interviewResult"));
  std::string meeting = interview.empty() ? "" : DottedDate(interview) + " " + interview.substr(11, 5);
  if (!result.empty()) meeting += (meeting.empty() ? "" : " ") + CodeName(job_codes::kInterviewResult, result);
  return {Cell(r.at("demandNo")),
          Cell(r.at("workplaceTitle")),
          Cell(r.at("position")) + " (" + Cell(r.at("occupationName")) + ")",
          Cell(r.at("firstName")) + " " + Cell(r.at("lastName")),
          CodeName(job_codes::kCandidateOrigin, Cell(r.at("origin"))),
          DottedDate(Cell(r.at("date"))),
          meeting};
}

boost::json::value OrNull(const std::string& s) {
  return s.empty() ? boost::json::value(nullptr) : boost::json::value(s);
}

}  // namespace

std::string CandidateReportTitle(const std::string& report_type) {
  if (report_type == "selection") return "İşgücü İstemi Seçim Listesi";
  if (report_type == "referral") return "İşgücü İstemi Gönderme Listesi";
  if (report_type == "interview") return "İşgücü İstemi Görüşme Listesi";
  if (report_type == "result") return "İşgücü İstemi Sonuç Listesi";
  return "";
}

CandidateReport BuildCandidateReport(const CandidateReportCriteria& c, boost::json::array rows,
                                     const std::string& generated_at) {
  CandidateReport out;
  auto& t = out.table;
  t.title = CandidateReportTitle(c.report_type);
  for (const auto& [label, value] : {std::pair{"İşgücü İstem No", &c.demand_no}, std::pair{"İşyeri No", &c.workplace_id},
                                     std::pair{"Meslek", &c.occupation}, std::pair{"Başlangıç Tarihi", &c.date_from},
                                     std::pair{"Bitiş Tarihi", &c.date_to}}) {
    if (!value->empty()) t.fields.emplace_back(label, *value);
  }
  for (const auto& [field, header] : kColumns) t.columns.emplace_back(header);
  t.empty_message = "Girdiğiniz kriterlere uygun kayıt bulunamadı";
  t.footer = "Oluşturulma: " + generated_at;
  t.sheet_name = "Rapor";
  out.print = t;
  out.print.columns = {"İstem No", "İşyeri", "Pozisyon (Meslek)", "Adı Soyadı", "Kaynak", "Tarih", "Görüşme"};
  for (const auto& r : rows) {
    std::vector<std::string> cells;
    for (const auto& [field, header] : kColumns) cells.push_back(Cell(r.as_object().at(field)));
    t.rows.push_back(std::move(cells));
    out.print.rows.push_back(PrintedCells(r.as_object()));
  }
  out.empty = rows.empty();
  out.json = {{"reportType", c.report_type},
              {"title", t.title},
              {"criteria",
               {{"demandNo", OrNull(c.demand_no)},
                {"workplaceId", OrNull(c.workplace_id)},
                {"occupation", OrNull(c.occupation)},
                {"dateFrom", OrNull(c.date_from)},
                {"dateTo", OrNull(c.date_to)}}},
              {"generatedAt", generated_at},
              {"rows", std::move(rows)}};
  return out;
}

}  // namespace istihdam::http

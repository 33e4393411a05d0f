#include "infra/reference_data.h"

#include <fstream>
#include <sstream>

namespace istihdam {

std::vector<CsvRow> ParseCsvRows(const std::string& text) {
  std::vector<CsvRow> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  std::size_t line = 1, row_line = 1;  // the current line, and the one the row started on
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
      if (c == '\n') ++line;
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      row.push_back(std::move(field)), field.clear(), any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) row.push_back(std::move(field)), rows.push_back({row_line, std::move(row)});
      field.clear(), row.clear(), any = false;
      row_line = ++line;
    } else {
      field += c, any = true;
    }
  }
  if (any || !field.empty()) row.push_back(std::move(field)), rows.push_back({row_line, std::move(row)});
  return rows;
}

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  for (auto& r : ParseCsvRows(text)) rows.push_back(std::move(r.fields));
  return rows;
}

namespace {

Result<std::vector<std::vector<std::string>>> ReadCsv(const std::string& path, std::size_t min_cols) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Of(errc::kReferenceDataMissing, path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto rows = ParseCsv(ss.str());
  if (rows.empty()) return Error::Of(errc::kReferenceDataInvalid, path + ": empty");
  rows.erase(rows.begin());  // header
  for (auto& r : rows) {
    if (r.size() < min_cols) return Error::Of(errc::kReferenceDataInvalid, path + ": short row");
  }
  return rows;
}

}  // namespace

Result<ReferenceData> ReferenceData::Load(const std::string& dir) {
  ReferenceData ref;
  auto provinces = ReadCsv(dir + "/provinces.csv", 2);
  if (!provinces.ok()) return provinces.error();
  for (auto& r : *provinces) ref.provinces_.push_back({r[0], r[1]});
  auto districts = ReadCsv(dir + "/districts.csv", 3);
  if (!districts.ok()) return districts.error();
  for (auto& r : *districts) ref.districts_[r[0]].push_back(r[2]);
  auto occupations = ReadCsv(dir + "/isco08.csv", 4);
  if (!occupations.ok()) return occupations.error();
  for (auto& r : *occupations) {
    Occupation o{r[0], std::atoi(r[1].c_str()), r[2], r.size() > 4 ? r[4] : "", r[3]};
    ref.occupation_index_[o.code] = ref.occupations_.size();
    ref.occupations_.push_back(std::move(o));
  }
  auto countries = ReadCsv(dir + "/countries.csv", 5);
  if (!countries.ok()) return countries.error();
  for (auto& r : *countries) {
    ref.country_index_[r[0]] = ref.countries_.size();
    ref.countries_.push_back({r[0], r[3], r[4]});
  }
  if (auto st = ref.LoadAttendanceTypes(dir + "/typ_attendance_types.csv"); !st.ok()) return st.error();
  if (auto st = ref.LoadImpactSurveyQuestions(dir + "/impact_survey_questions.json"); !st.ok()) return st.error();
  return ref;
}

Status ReferenceData::LoadImpactSurveyQuestions(const std::string& path) {
  auto all = LoadQuestionnaires(path);
  if (!all.ok()) return all.error();
  impact_questionnaires_ = std::move(all).value();
  return Status::Ok();
}

Status ReferenceData::LoadAttendanceTypes(const std::string& path) {
  auto rows = ReadCsv(path, 3);
  if (!rows.ok()) return rows.error();
  std::vector<AttendanceType> types;
  for (auto& r : *rows) types.push_back({r[0], r[1], r[2]});
  attendance_types_ = std::move(types);
  return Status::Ok();
}

const AttendanceType* ReferenceData::FindAttendanceType(const std::string& code) const {
  for (const auto& t : attendance_types_) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

const Country* ReferenceData::FindCountry(const std::string& code) const {
  auto it = country_index_.find(code);
  return it == country_index_.end() ? nullptr : &countries_[it->second];
}

const Province* ReferenceData::FindProvince(const std::string& code) const {
  for (const auto& p : provinces_) {
    if (p.code == code) return &p;
  }
  return nullptr;
}

const std::vector<std::string>& ReferenceData::Districts(const std::string& province) const {
  static const std::vector<std::string> kNone;
  auto it = districts_.find(province);
  return it == districts_.end() ? kNone : it->second;
}

bool ReferenceData::HasDistrict(const std::string& province, const std::string& district) const {
  for (const auto& d : Districts(province)) {
    if (d == district) return true;
  }
  return false;
}

const Occupation* ReferenceData::FindOccupation(const std::string& code) const {
  auto it = occupation_index_.find(code);
  return it == occupation_index_.end() ? nullptr : &occupations_[it->second];
}

}  // namespace istihdam

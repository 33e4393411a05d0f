#pragma once
// Reference data shipped in data/ (provinces, districts, ISCO-08 occupations; provenance in
// data/SOURCES.md). Loaded once at start-up, immutable afterwards, so safe to share between
// threads and to pass to aggregates as plain input.
#include <map>
#include <string>
#include <vector>

#include "infra/impact_questionnaire.h"
#include "infra/result.h"

namespace istihdam {

struct Province {
  std::string code;  // plate code "01".."81"
  std::string name;
};

struct Occupation {
  std::string code;  // ISCO-08, 1 to 4 digits
  int level = 0;
  std::string title_en;
  std::string title_tr;
  std::string parent_code;
};

// An ISO 3166-1 country (data/countries.csv): alpha-2 code and names.
struct Country {
  std::string code;  // alpha-2, upper case: "DE"
  std::string name_tr;
  std::string name_en;
};

// A TYP attendance type ("devam türü", OP-12): a stable code and its names.
struct AttendanceType {
  std::string code;  // "unexcusedAbsence"
  std::string name_tr;
  std::string name_en;
};

class ReferenceData {
 public:
  // Reads provinces.csv, districts.csv, isco08.csv, countries.csv, typ_attendance_types.csv
  // and impact_survey_questions.json from `dir`.
  static Result<ReferenceData> Load(const std::string& dir);

  const std::vector<Province>& provinces() const { return provinces_; }
  const Province* FindProvince(const std::string& code) const;
  // District names of a province in file order; empty for an unknown province.
  const std::vector<std::string>& Districts(const std::string& province) const;
  bool HasDistrict(const std::string& province, const std::string& district) const;
  const std::vector<Occupation>& occupations() const { return occupations_; }
  const Occupation* FindOccupation(const std::string& code) const;
  // ISO 3166-1 countries ordered by code; nullptr for an unknown code (codes are upper case).
  const std::vector<Country>& countries() const { return countries_; }
  const Country* FindCountry(const std::string& code) const;
  // TYP attendance types in file order; nullptr for an unknown code.
  const std::vector<AttendanceType>& attendance_types() const { return attendance_types_; }
  const AttendanceType* FindAttendanceType(const std::string& code) const;
  // Replaces the attendance types with those of a CSV file (code,name_tr,name_en, header row);
  // config key typAttendanceTypesFile.
  Status LoadAttendanceTypes(const std::string& path);
  // The impact-survey questionnaires (infra/impact_questionnaire.h), never empty after Load;
  // the one in force for a year.
  const std::vector<Questionnaire>& impact_questionnaires() const { return impact_questionnaires_; }
  const Questionnaire& ImpactQuestionnaire(std::int64_t year) const {
    return QuestionnaireFor(impact_questionnaires_, year);
  }
  // Replaces the questionnaires with those of a JSON file; config key impactSurveyQuestionsFile.
  Status LoadImpactSurveyQuestions(const std::string& path);

 private:
  std::vector<Province> provinces_;
  std::map<std::string, std::vector<std::string>> districts_;
  std::vector<Occupation> occupations_;
  std::map<std::string, std::size_t> occupation_index_;
  std::vector<Country> countries_;
  std::map<std::string, std::size_t> country_index_;
  std::vector<AttendanceType> attendance_types_;
  std::vector<Questionnaire> impact_questionnaires_;
};

// RFC 4180 CSV: rows of fields; quoted fields may hold commas, quotes ("") and newlines.
// Blank lines are skipped.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

// A CSV row and the line of the text it starts on (1-based), for messages that name it.
struct CsvRow {
  std::size_t line = 0;
  std::vector<std::string> fields;
};
// ParseCsv, keeping each row's line number.
std::vector<CsvRow> ParseCsvRows(const std::string& text);

}  // namespace istihdam

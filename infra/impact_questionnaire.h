#pragma once
// The questionnaire of the impact-analysis survey (DOMAIN.md §2.1.4.5, OP-35: the guide gives
// no questions). A JSON file (data/impact_survey_questions.json, or the config key
// impactSurveyQuestionsFile) holds one or more versions, each in force from a year on:
//
//   { "questionnaires": [ { "fromYear": 2020, "version": "2026.1",
//       "questions": [ { "id": "employeesEndOfYear", "textTr": "…", "textEn": "…",
//                        "type": "integer", "required": true, "min": 0, "max": 10000000 },
//                      { "id": "hiringPlan", "type": "choice", "options": [
//                          { "value": "increase", "textTr": "…", "textEn": "…" } ], … } ] } ] }
//
// Types: integer (min/max optional), boolean, text (maxLength, default 2000 characters),
// choice (options, at least one). Docs: docs/impact-surveys.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "infra/result.h"

namespace istihdam {

inline constexpr std::int64_t kDefaultSurveyTextMaxLength = 2000;

struct SurveyOption {
  std::string value, text_tr, text_en;
};

struct SurveyQuestion {
  std::string id, text_tr, text_en;
  std::string type;  // integer | boolean | text | choice
  bool required = false;
  std::vector<SurveyOption> options;       // choice only
  std::optional<std::int64_t> min, max;    // integer only
  std::int64_t max_length = kDefaultSurveyTextMaxLength;  // text only
};

struct Questionnaire {
  std::int64_t from_year = 0;
  std::string version;
  std::vector<SurveyQuestion> questions;

  const SurveyQuestion* Find(const std::string& question_id) const;
};

// The questionnaires of a file's JSON text, ordered by fromYear. reference_data_invalid (with
// what is wrong) for: no questionnaire, one without questions, a question id used twice in one
// questionnaire or not made of A-Z a-z 0-9 _ -, an unknown type, a choice without options,
// an option value twice, min above max, maxLength below 1, two questionnaires from one year.
Result<std::vector<Questionnaire>> ParseQuestionnaires(const std::string& json_text);

// The same from a file (reference_data_missing when it cannot be read).
Result<std::vector<Questionnaire>> LoadQuestionnaires(const std::string& path);

// The questionnaire in force for `year`: the one with the highest fromYear <= year, else the
// earliest. `all` must not be empty.
const Questionnaire& QuestionnaireFor(const std::vector<Questionnaire>& all, std::int64_t year);

}  // namespace istihdam

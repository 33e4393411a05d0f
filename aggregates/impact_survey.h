#pragma once
// The ImpactSurvey aggregate — "Etki Analizi Anketi" (DOMAIN.md §2.1.4.5, SURV-1..3,
// docs/impact-surveys.md): a headquarters answers the general survey once per year (SURV-R1),
// for itself and its branches in the province (SURV-R2); branches cannot (SURV-R3). The
// answers are checked against the configured questionnaire (OP-35). Pure: "today", the
// workplace, whether the year is taken and the questionnaire come in with the command.
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregates/validation.h"
#include "events/impact_surveys.h"
#include "infra/reference_data.h"
#include "infra/result.h"

namespace istihdam {

inline constexpr std::int64_t kFirstSurveyYear = 2000;

std::string ImpactSurveyStream(const std::string& survey_id);  // "impact-survey-<id>"

struct ImpactSurveyState {
  bool exists = false;
  std::string survey_id, hq_workplace_id, kind, employer_id, questionnaire_version;
  std::int64_t year = 0;
  std::vector<events::SurveyAnswer> answers;
};

ImpactSurveyState Apply(ImpactSurveyState s, const events::ImpactSurveyEvent& e);

// What the handler looked up about the named workplace.
struct SurveyWorkplace {
  std::string employer_id;
  std::string role;  // headquarters | branch
  std::string hq_workplace_id;  // the province headquarters (itself for a headquarters)
};

struct SubmitImpactSurvey {
  std::string employer_id;  // the acting employer
  std::string survey_id;    // assigned by the handler
  std::string today;        // local date, YYYY-MM-DD
  std::string workplace_id;
  std::optional<std::int64_t> year;
  std::string kind;  // "" = general
  std::optional<boost::json::object> answers;  // questionId -> value; nullopt: not sent
  std::optional<SurveyWorkplace> workplace;   // nullopt: no such workplace
  bool year_taken = false;  // the headquarters already has a general survey of that year
};

// Checks `answers` against `q`, naming each failing answer "answers.<questionId>": required
// (a required question unanswered or null), unknown_question, invalid_type, unknown_value (not
// an option of a choice), out_of_range (integer outside min..max), too_long (text over
// maxLength characters), invalid_text. Returns the answers in questionnaire order as events
// store them (JSON text; unanswered optional questions left out).
std::vector<events::SurveyAnswer> CheckAnswers(Validator& v, const Questionnaire& q,
                                               const std::optional<boost::json::object>& answers);

// SubmitImpactSurvey. Order: 422 validation_failed naming every failing field (workplaceId
// required / unknown_workplace, year required / out_of_range (before kFirstSurveyYear) /
// in_future (after today's year), kind unknown_value, answers as CheckAnswers); then 409
// branch_cannot_fill_survey, 409 survey_exists_for_year.
Result<events::ImpactSurveySubmitted> DecideSubmitImpactSurvey(const SubmitImpactSurvey& c, const ReferenceData& ref);

struct UpdateImpactSurvey {
  std::string employer_id;  // another employer's survey is not found
  std::optional<boost::json::object> answers;
};

// UpdateImpactSurvey: the whole set of answers, checked against the questionnaire in force for
// the survey's year; no time limit (OP-35). Errors: impact_survey_not_found, validation_failed.
// Unchanged answers (and questionnaire version) yield no event.
Result<std::vector<events::ImpactSurveyEvent>> DecideUpdateImpactSurvey(const ImpactSurveyState& s,
                                                                        const UpdateImpactSurvey& c,
                                                                        const ReferenceData& ref);

}  // namespace istihdam

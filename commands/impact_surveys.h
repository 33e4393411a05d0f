#pragma once
// Impact-analysis survey commands (DOMAIN.md §2.1.4.5, docs/impact-surveys.md):
// SubmitImpactSurvey and UpdateImpactSurvey, by the employer.
#include <cstdint>
#include <optional>
#include <string>

#include "aggregates/impact_survey.h"
#include "commands/services.h"

namespace istihdam {

// The reservation stream of (headquarters, year): appended with "no stream" in the same atomic
// batch as the survey, so two submissions racing for one year cannot both win (SURV-R1).
std::string SurveyYearReservation(Services& s, const std::string& hq_workplace_id, std::int64_t year);

// 201 {"id" = surveyId, "version", "hqWorkplaceId", "year", "kind", "questionnaireVersion"}.
// The handler sets today and the survey id and looks up the workplace and the year's
// reservation. Errors: see DecideSubmitImpactSurvey.
Result<Outcome> HandleSubmitImpactSurvey(Services& s, const CommandEnv& env, SubmitImpactSurvey cmd);

// 200 {"id", "version"}. `if_match` pins the version (412 when stale). Errors: see
// DecideUpdateImpactSurvey.
Result<Outcome> HandleUpdateImpactSurvey(Services& s, const CommandEnv& env, const std::string& survey_id,
                                         std::optional<std::uint64_t> if_match, const UpdateImpactSurvey& cmd);

}  // namespace istihdam

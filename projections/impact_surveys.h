#pragma once
// Read model of the impact-analysis surveys (SURV-1, SURV-3, docs/impact-surveys.md): the
// employer's own surveys, newest year first, and one survey with its answers.
#include <boost/json/object.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "projections/paging.h"
#include "projections/projection_engine.h"

namespace istihdam {

std::unique_ptr<Projector> MakeImpactSurveysProjector();

// {"items", "page", …} of the employer's surveys, newest year first, optionally of one year
// and kind. Items: {"id", "hqWorkplaceId", "workplaceTitle", "year", "kind",
// "questionnaireVersion", "submittedAt", "updatedAt", "version"}.
boost::json::object ListImpactSurveys(const ReadView& view, const std::string& employer_id,
                                      std::optional<std::int64_t> year, const std::string& kind, const Page& page);

// The survey with "answers" ({questionId: value}) and "employerId"; nullopt when unknown or
// another employer's.
std::optional<boost::json::object> GetImpactSurvey(const ReadView& view, const std::string& employer_id,
                                                   const std::string& survey_id);

}  // namespace istihdam

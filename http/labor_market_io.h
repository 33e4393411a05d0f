#pragma once
// Small helpers shared by the labor-market routes (workforce schedules, quota, collective
// dismissals): the headquarters check of a path's workplace and the year filter.
#include <cstdint>
#include <optional>
#include <string>

#include "http/app.h"
#include "projections/workplaces.h"

namespace istihdam::http {

// nullopt when `workplace_id` is a headquarters of the session's employer; otherwise the
// answer: 404 workplace_not_found (unknown or another employer's), 409 not_headquarters.
inline std::optional<HttpResponse> RequireHeadquarters(RequestContext& ctx, const std::string& workplace_id) {
  const auto wp = GetWorkplace(ctx.app.projections().View("workplaces"), ctx.session->employer_id, workplace_id);
  if (!wp) return Problem("workplace_not_found", ctx.lang);
  if (!wp->at("headquarters").as_bool()) return Problem("not_headquarters", ctx.lang);
  return std::nullopt;
}

// A 4-digit year filter ("" allowed).
inline bool IsYearFilter(const std::string& y) {
  return y.empty() || (y.size() == 4 && y.find_first_not_of("0123456789") == std::string::npos);
}

}  // namespace istihdam::http

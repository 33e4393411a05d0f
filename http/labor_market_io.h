#pragma once
// Small helpers shared by the labor-market routes (workforce schedules, quota, collective
// dismissals): the headquarters check of a path's workplace and the year and month filters.
#include <cstdint>
#include <optional>
#include <string>

#include "aggregates/workforce_schedule.h"
#include "http/app.h"
#include "projections/workplaces.h"

namespace istihdam::http {

// Ok when `workplace_id` is a headquarters of the session's employer; otherwise 404
// workplace_not_found (unknown or another employer's) or 409 not_headquarters.
inline Status RequireHeadquarters(const RequestContext& ctx, const std::string& workplace_id) {
  const auto wp = GetWorkplace(ctx.app.projections().View("workplaces"), ctx.session->employer_id, workplace_id);
  if (!wp) return Error::Of(errc::kWorkplaceNotFound);
  if (!wp->at("headquarters").as_bool()) return Error::Of(errc::kNotHeadquarters);
  return Status::Ok();
}

// 400 invalid_parameter naming `name` as invalid_format.
inline Error InvalidParameter(const char* name) { return Error{errc::kInvalidParameter, {{name, "invalid_format"}}, {}}; }

// A 4-digit year filter ("" allowed).
inline bool IsYearFilter(const std::string& y) {
  return y.empty() || (y.size() == 4 && y.find_first_not_of("0123456789") == std::string::npos);
}

// The year filter of a list: ok, or 400 invalid_parameter naming `year`.
inline Status CheckYearFilter(const std::string& y) {
  if (!IsYearFilter(y)) return InvalidParameter("year");
  return Status::Ok();
}

// A "YYYY-MM" month (path or query): ok, or 400 invalid_parameter naming `month`.
inline Status CheckMonth(const std::string& m) {
  if (!IsYearMonth(m)) return InvalidParameter("month");
  return Status::Ok();
}

}  // namespace istihdam::http

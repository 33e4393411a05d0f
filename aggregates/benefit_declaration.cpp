#include "aggregates/benefit_declaration.h"

#include <algorithm>
#include <cstdio>

#include "aggregates/benefit_reference.h"
#include "aggregates/validation.h"
#include "infra/clock.h"

namespace istihdam {

std::string BenefitDeclarationStream(const std::string& declaration_no) {
  return "benefit-declaration-" + declaration_no;
}

std::string LastShortTimeDay(const std::string& start) {
  int y = std::stoi(start.substr(0, 4)), m = std::stoi(start.substr(5, 2)) + kMaxShortTimeMonths;
  const int d = std::stoi(start.substr(8, 2));
  while (m > 12) {
    m -= 12;
    ++y;
  }
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int last = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, std::min(d, last));
  std::int64_t days = 0;
  ParseDate(buf, &days);
  return FormatDate((days - 1) * 86'400'000'000LL);
}

namespace {

bool IsMonth(const std::string& s) {
  if (s.size() != 7 || s[4] != '-') return false;
  std::int64_t days = 0;
  return ParseDate(s + "-01", &days);
}

// İÖ/İKT: who left, when and why.
void CheckLeaver(Validator& v, const std::string& f, const events::DeclaredWorker& w, const SubmitBenefitDeclaration& c) {
  std::int64_t days = 0;
  if (v.Required(f + "exitDate", w.exit_date)) {
    if (!ParseDate(w.exit_date, &days)) v.Fail(f + "exitDate", "invalid_format");
    else if (w.exit_date > c.today) v.Fail(f + "exitDate", "in_future");
  }
  if (v.Required(f + "exitReasonCode", w.exit_reason_code)) {
    if (!IsExitReason(w.exit_reason_code)) v.Fail(f + "exitReasonCode", "unknown_value");
    else if (c.declaration_type == "IKT" && w.exit_reason_code != kPrivatisationExitReason) {
      v.Fail(f + "exitReasonCode", "privatisation_required");
    }
  }
  if (!w.monthly_hours.empty()) v.Fail(f + "monthlyHours", "not_applicable");
}

// KÇÖ: the short-time hours per month, inside a valid period.
void CheckShortTimeWorker(Validator& v, const std::string& f, const events::DeclaredWorker& w,
                          const SubmitBenefitDeclaration& c, bool period_ok) {
  if (!w.exit_date.empty()) v.Fail(f + "exitDate", "not_applicable");
  if (!w.exit_reason_code.empty()) v.Fail(f + "exitReasonCode", "not_applicable");
  if (w.monthly_hours.empty()) v.Fail(f + "monthlyHours", "required");
  if (w.monthly_hours.size() > static_cast<std::size_t>(kMaxShortTimeMonths)) v.Fail(f + "monthlyHours", "too_many");
  std::set<std::string> months;
  for (std::size_t j = 0; j < w.monthly_hours.size(); ++j) {
    const auto& h = w.monthly_hours[j];
    const std::string g = f + "monthlyHours[" + std::to_string(j) + "].";
    if (v.Required(g + "month", h.month)) {
      if (!IsMonth(h.month)) {
        v.Fail(g + "month", "invalid_format");
      } else if (!months.insert(h.month).second) {
        v.Fail(g + "month", "duplicate");
      } else if (h.month > c.today.substr(0, 7)) {
        v.Fail(g + "month", "in_future");
      } else if (period_ok && (h.month < c.period_start.substr(0, 7) || h.month > c.period_end.substr(0, 7))) {
        v.Fail(g + "month", "outside_period");
      }
    }
    if (h.hours < 1 || h.hours > kMaxShortTimeHoursPerMonth) v.Fail(g + "hours", "out_of_range");
  }
}

// KÇÖ period; true when both dates are valid and the period is admissible.
bool CheckPeriod(Validator& v, const SubmitBenefitDeclaration& c) {
  std::int64_t start = 0, end = 0;
  bool ok = false;
  if (v.Required("periodStart", c.period_start)) {
    if (!ParseDate(c.period_start, &start)) v.Fail("periodStart", "invalid_format");
    else if (c.period_start > c.today) v.Fail("periodStart", "in_future");
    else ok = true;
  }
  if (!v.Required("periodEnd", c.period_end)) return false;
  if (!ParseDate(c.period_end, &end)) {
    v.Fail("periodEnd", "invalid_format");
    return false;
  }
  if (!ok) return false;
  if (end < start) {
    v.Fail("periodEnd", "before_valid_from");
    return false;
  }
  if (end - start + 1 < kMinShortTimeDays) {
    v.Fail("periodEnd", "period_too_short");
    return false;
  }
  if (c.period_end > LastShortTimeDay(c.period_start)) {
    v.Fail("periodEnd", "period_too_long");
    return false;
  }
  return true;
}

}  // namespace

Result<events::BenefitDeclarationSubmitted> DecideSubmitBenefitDeclaration(const SubmitBenefitDeclaration& c,
                                                                           const ReferenceData& ref) {
  Validator v;
  const bool typed = v.OneOf("declarationType", c.declaration_type, {"IKT", "IO", "KCO"});
  std::optional<BenefitUnit> unit;
  if (v.Required("workplaceId", c.workplace_id)) {
    if (!c.workplace || c.workplace->employer_id != c.employer_id) v.Fail("workplaceId", "unknown_workplace");
    else if (!(unit = FindBenefitUnit(ref, c.workplace->province))) v.Fail("workplaceId", "unknown_workplace");
  }
  const bool short_time = c.declaration_type == "KCO";
  bool period_ok = false;
  if (short_time) {
    period_ok = CheckPeriod(v, c);
  } else {
    if (!c.period_start.empty()) v.Fail("periodStart", "not_applicable");
    if (!c.period_end.empty()) v.Fail("periodEnd", "not_applicable");
  }
  if (c.workers.empty()) v.Fail("workers", "required");
  if (c.workers.size() > kMaxDeclaredWorkers) v.Fail("workers", "too_many");
  std::set<std::string> tckns;
  for (std::size_t i = 0; i < c.workers.size() && i < kMaxDeclaredWorkers; ++i) {
    const auto& w = c.workers[i];
    const std::string f = "workers[" + std::to_string(i) + "].";
    if (v.Tckn(f + "tckn", w.tckn)) {
      if (!tckns.insert(w.tckn).second) v.Fail(f + "tckn", "duplicate");
      else if (c.identity_mismatches.count(i)) v.Fail(f + "tckn", "kps_mismatch");
    }
    if (v.Required(f + "firstName", w.first_name)) v.MaxLength(f + "firstName", w.first_name, 100);
    if (v.Required(f + "lastName", w.last_name)) v.MaxLength(f + "lastName", w.last_name, 100);
    if (!typed) continue;
    if (short_time) CheckShortTimeWorker(v, f, w, c, period_ok);
    else CheckLeaver(v, f, w, c);
  }
  if (!v.ok()) return v.ToError();
  events::BenefitDeclarationSubmitted e;
  e.declaration_no = c.declaration_no;
  e.declaration_type = c.declaration_type;
  e.employer_id = c.employer_id;
  e.employer_title = c.employer_title;
  e.workplace_id = c.workplace_id;
  e.unit_id = unit->id;
  e.declaration_date = c.today;
  e.period_start = c.period_start;
  e.period_end = c.period_end;
  e.workers = c.workers;
  return e;
}

}  // namespace istihdam

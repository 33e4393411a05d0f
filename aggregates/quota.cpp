#include "aggregates/quota.h"

#include <algorithm>

namespace istihdam {

std::int64_t RoundHalfUp(std::int64_t numerator, std::int64_t denominator) {
  return (2 * numerator + denominator) / (2 * denominator);
}

const QuotaRuleSet* RulesForMonth(const std::vector<QuotaRuleSet>& rules, const std::string& year_month) {
  const std::string first_day = year_month + "-01";
  const QuotaRuleSet* found = nullptr;
  for (const auto& r : rules) {
    if (r.effective_from <= first_day) found = &r;
  }
  return found;
}

std::int64_t QuotaBaseHeadcount(const events::WorkplaceDevelopment& d, const QuotaRuleSet& rules) {
  const std::int64_t full_time = d.month_end.total() - d.month_end.part_time.total();
  const std::int64_t above_ground = std::max<std::int64_t>(0, full_time - d.underground_underwater.total());
  const std::int64_t hours = std::max<std::int64_t>(0, d.part_time_monthly_hours);
  return above_ground + RoundHalfUp(hours, rules.part_time_divisor_hours);
}

std::int64_t EmployedIn(const std::string& category, const events::CategoryCounts& m) {
  if (category == "disabled") return m.disabled.total();
  if (category == "exConvict") return m.ex_convict.total();
  if (category == "terrorVictim") return m.terror_affected.total();
  if (category == "exConvictOrTerrorVictim") return m.ex_convict.total() + m.terror_affected.total();
  return 0;
}

QuotaStatus ComputeQuota(const std::string& year_month, const std::string& sector,
                         const events::WorkplaceDevelopment& d, const std::vector<QuotaRuleSet>& rules) {
  QuotaStatus q;
  q.month = year_month;
  q.sector = sector;
  const QuotaRuleSet* r = RulesForMonth(rules, year_month);
  if (!r) {
    q.base_headcount = d.month_end.total() - d.month_end.part_time.total();
    return q;
  }
  q.rules_effective_from = r->effective_from;
  q.base_headcount = QuotaBaseHeadcount(d, *r);
  q.subject = q.base_headcount >= r->employee_threshold;
  for (const auto& [category, basis_points] : sector == "public" ? r->public_rates : r->private_rates) {
    QuotaCategoryStatus c;
    c.category = category;
    c.employed = EmployedIn(category, d.month_end);
    if (q.subject) c.required = RoundHalfUp(q.base_headcount * basis_points, 10'000);
    c.deficit = std::max<std::int64_t>(0, c.required - c.employed);
    q.categories.push_back(c);
  }
  return q;
}

}  // namespace istihdam

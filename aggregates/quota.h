#pragma once
// The compulsory-employment quota of one province headquarters for one month (QUOTA-1..3,
// RULES.md §1a). Pure: the rules come in as configuration, the counts from a schedule.
#include <cstdint>
#include <string>
#include <vector>

#include "events/workforce_schedules.h"
#include "infra/config.h"

namespace istihdam {

struct QuotaCategoryStatus {
  std::string category;  // disabled | exConvict | terrorVictim | exConvictOrTerrorVictim
  std::int64_t required = 0;
  std::int64_t employed = 0;
  std::int64_t deficit = 0;
  bool operator==(const QuotaCategoryStatus&) const = default;
};

struct QuotaStatus {
  std::string month;  // YYYY-MM
  std::string sector;  // private | public
  std::int64_t base_headcount = 0;
  bool subject = false;
  std::vector<QuotaCategoryStatus> categories;
  std::string rules_effective_from;  // the rule set used; "" when none was in force
  bool operator==(const QuotaStatus&) const = default;
};

// floor(numerator / denominator + 1/2) for numerator >= 0, denominator > 0: fractions below
// one half are dropped, one half and above round up.
std::int64_t RoundHalfUp(std::int64_t numerator, std::int64_t denominator);

// The latest rule set in force on the first day of `year_month`; nullptr when none is.
// `rules` must be in increasing effective_from order.
const QuotaRuleSet* RulesForMonth(const std::vector<QuotaRuleSet>& rules, const std::string& year_month);

// Full-time month-end workers without the underground/underwater ones, plus the part-time
// hours converted with the rule set's divisor (rounded half up).
std::int64_t QuotaBaseHeadcount(const events::WorkplaceDevelopment& d, const QuotaRuleSet& rules);

// Workers of the schedule's month end that count towards a quota category.
std::int64_t EmployedIn(const std::string& category, const events::CategoryCounts& month_end);

// The quota position for `year_month`: subject from the threshold on, required = base × rate
// rounded half up, deficit = max(0, required − employed). Categories follow the configured
// rates of the sector; not subject: every category with required 0.
QuotaStatus ComputeQuota(const std::string& year_month, const std::string& sector,
                         const events::WorkplaceDevelopment& d,
                         const std::vector<QuotaRuleSet>& rules);

}  // namespace istihdam

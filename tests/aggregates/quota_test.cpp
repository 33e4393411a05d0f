// The quota computation (QUOTA-3, RULES.md §1a): threshold, half-up rounding, private and
// public rates, part-time conversion, the underground exclusion and effective-dated rule sets.
#include "aggregates/quota.h"

#include <gtest/gtest.h>

namespace istihdam {
namespace {

// A month end of `full_time` general workers (all male), nothing else.
events::WorkplaceDevelopment Staff(std::int64_t full_time) {
  events::WorkplaceDevelopment d;
  d.month_end.general.male = full_time;
  return d;
}

const QuotaCategoryStatus* Category(const QuotaStatus& q, const std::string& name) {
  for (const auto& c : q.categories) {
    if (c.category == name) return &c;
  }
  return nullptr;
}

std::int64_t RequiredDisabled(std::int64_t base, const std::string& sector = "private") {
  const auto q = ComputeQuota("2026-10", sector, Staff(base), DefaultQuotaRules());
  const auto* c = Category(q, "disabled");
  return c ? c->required : -1;
}

TEST(RoundHalfUpTest, DropsBelowHalfAndRoundsHalfAndAboveUp) {
  EXPECT_EQ(RoundHalfUp(149, 100), 1);
  EXPECT_EQ(RoundHalfUp(150, 100), 2);
  EXPECT_EQ(RoundHalfUp(249, 100), 2);
  EXPECT_EQ(RoundHalfUp(252, 100), 3);
  EXPECT_EQ(RoundHalfUp(0, 195), 0);
}

// RULES.md §1a test vectors, private sector.
TEST(ComputeQuotaTest, RulesVectorsPrivateSector) {
  const auto q49 = ComputeQuota("2026-10", "private", Staff(49), DefaultQuotaRules());
  EXPECT_FALSE(q49.subject);
  EXPECT_EQ(q49.base_headcount, 49);
  EXPECT_EQ(Category(q49, "disabled")->required, 0);
  EXPECT_EQ(RequiredDisabled(50), 2);   // 1.5 -> 2
  EXPECT_EQ(RequiredDisabled(55), 2);   // 1.65 -> 2
  EXPECT_EQ(RequiredDisabled(83), 2);   // 2.49 -> 2
  EXPECT_EQ(RequiredDisabled(84), 3);   // 2.52 -> 3
  EXPECT_EQ(RequiredDisabled(100), 3);
  const auto q = ComputeQuota("2026-10", "private", Staff(84), DefaultQuotaRules());
  ASSERT_EQ(q.categories.size(), 1u) << "private employers have no ex-convict duty since 2008";
}

TEST(ComputeQuotaTest, RulesVectorPublicSectorHundredIsFourPlusTwo) {
  const auto q = ComputeQuota("2026-10", "public", Staff(100), DefaultQuotaRules());
  ASSERT_TRUE(q.subject);
  ASSERT_EQ(q.categories.size(), 2u);
  EXPECT_EQ(Category(q, "disabled")->required, 4);
  EXPECT_EQ(Category(q, "exConvictOrTerrorVictim")->required, 2);
}

TEST(ComputeQuotaTest, EmployedAndDeficitPerCategory) {
  auto d = Staff(80);
  d.month_end.disabled.female = 1;   // 81 full-time
  d.month_end.ex_convict.male = 1;   // 82
  d.month_end.terror_affected.male = 2;  // 84
  const auto priv = ComputeQuota("2026-10", "private", d, DefaultQuotaRules());
  EXPECT_EQ(priv.base_headcount, 84);
  EXPECT_EQ(*Category(priv, "disabled"), (QuotaCategoryStatus{"disabled", 3, 1, 2}));  // API.md example
  const auto pub = ComputeQuota("2026-10", "public", d, DefaultQuotaRules());
  EXPECT_EQ(*Category(pub, "exConvictOrTerrorVictim"), (QuotaCategoryStatus{"exConvictOrTerrorVictim", 2, 3, 0}))
      << "the public 2 % is filled by ex-convicts and terror-injured together";
}

TEST(ComputeQuotaTest, PartTimeHoursAreConvertedWithTheDivisorAndRoundedHalfUp) {
  // RULES.md §1a: 4 part-timers × 5 h × 26 days = 520 h; 520 / 195 = 2.67 -> 3.
  auto d = Staff(47);
  d.month_end.part_time.female = 4;
  d.part_time_monthly_hours = 520;
  const auto q = ComputeQuota("2026-10", "private", d, DefaultQuotaRules());
  EXPECT_EQ(q.base_headcount, 50) << "47 full-time + 3 converted; the 4 part-timers are not counted as heads";
  EXPECT_TRUE(q.subject);
  d.part_time_monthly_hours = 292;  // 1.497 -> 1
  EXPECT_EQ(ComputeQuota("2026-10", "private", d, DefaultQuotaRules()).base_headcount, 48);
  d.part_time_monthly_hours = 293;  // 1.503 -> 2
  EXPECT_EQ(ComputeQuota("2026-10", "private", d, DefaultQuotaRules()).base_headcount, 49);
}

TEST(ComputeQuotaTest, UndergroundAndUnderwaterWorkersAreLeftOutOfTheBase) {
  auto d = Staff(60);
  d.underground_underwater = {8, 2};
  const auto q = ComputeQuota("2026-10", "private", d, DefaultQuotaRules());
  EXPECT_EQ(q.base_headcount, 50);
  EXPECT_EQ(Category(q, "disabled")->required, 2);
}

TEST(ComputeQuotaTest, ARuleSetAppliesFromItsDateAndNeverToEarlierMonths) {
  auto rules = DefaultQuotaRules();
  rules.push_back(QuotaRuleSet{"2027-01-01", 40, 225, {{"disabled", 400}}, {{"disabled", 500}}});
  const auto dec = ComputeQuota("2026-12", "private", Staff(45), rules);
  EXPECT_FALSE(dec.subject) << "the old threshold of 50 still holds for December";
  EXPECT_EQ(dec.rules_effective_from, "2008-05-26");
  const auto jan = ComputeQuota("2027-01", "private", Staff(45), rules);
  EXPECT_TRUE(jan.subject);
  EXPECT_EQ(jan.rules_effective_from, "2027-01-01");
  EXPECT_EQ(Category(jan, "disabled")->required, 2);  // 45 × 4 % = 1.8 -> 2
  EXPECT_EQ(RulesForMonth(rules, "2008-05"), nullptr) << "26 May is after the first day of May 2008";
  EXPECT_EQ(ComputeQuota("2008-05", "private", Staff(100), rules).categories.size(), 0u);
}

}  // namespace
}  // namespace istihdam

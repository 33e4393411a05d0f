// Property test of schedules and the quota read model: random valid runs of monthly schedules
// (hires and leavers per category, amendments of the latest) always keep month end =
// previous + hired − left ≥ 0 with the previous month end carried, and the quota projection
// built incrementally equals both the pure computation and a rebuild from position 0.
#include "projections/quota_status.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <map>
#include <random>

#include "aggregates/quota.h"
#include "aggregates/workforce_schedule.h"
#include "events/employers.h"
#include "projections/workforce_schedules.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using testing::OneStream;
using testing::TestReferenceData;
using testing::TestStore;

std::map<std::string, std::string> Rows(const ReadView& view, const std::string& table) {
  std::map<std::string, std::string> out;
  view.Scan(table, "", [&](const std::string& k, const std::string& v) {
    out[k] = v;
    return true;
  });
  return out;
}

// Random hires and leavers that keep every row of `prev` non-negative.
void RandomMovements(std::mt19937& rng, const events::CategoryCounts& prev, events::CategoryCounts* hired,
                     events::CategoryCounts* left) {
  auto row = [&](const events::SexCount& p, events::SexCount& h, events::SexCount& l) {
    for (auto [have, hi, lo] : {std::tuple{p.male, &h.male, &l.male}, std::tuple{p.female, &h.female, &l.female}}) {
      *hi = std::uniform_int_distribution<std::int64_t>(0, 6)(rng);
      *lo = std::uniform_int_distribution<std::int64_t>(0, have + *hi)(rng) / 2;
    }
  };
  row(prev.general, hired->general, left->general);
  row(prev.disabled, hired->disabled, left->disabled);
  row(prev.ex_convict, hired->ex_convict, left->ex_convict);
  row(prev.terror_affected, hired->terror_affected, left->terror_affected);
  row(prev.part_time, hired->part_time, left->part_time);
  row(prev.anti_terror_law, hired->anti_terror_law, left->anti_terror_law);
}

void ExpectIdentity(const events::WorkplaceDevelopment& d) {
  auto row = [&](const char* name, const events::SexCount& p, const events::SexCount& h, const events::SexCount& l,
                 const events::SexCount& m) {
    EXPECT_EQ(m.male, p.male + h.male - l.male) << name;
    EXPECT_EQ(m.female, p.female + h.female - l.female) << name;
    EXPECT_GE(m.male, 0) << name;
    EXPECT_GE(m.female, 0) << name;
  };
  row("general", d.previous_month_end.general, d.hired.general, d.left.general, d.month_end.general);
  row("disabled", d.previous_month_end.disabled, d.hired.disabled, d.left.disabled, d.month_end.disabled);
  row("exConvict", d.previous_month_end.ex_convict, d.hired.ex_convict, d.left.ex_convict, d.month_end.ex_convict);
  row("terrorAffected", d.previous_month_end.terror_affected, d.hired.terror_affected, d.left.terror_affected,
      d.month_end.terror_affected);
  row("partTime", d.previous_month_end.part_time, d.hired.part_time, d.left.part_time, d.month_end.part_time);
  row("antiTerrorLaw", d.previous_month_end.anti_terror_law, d.hired.anti_terror_law, d.left.anti_terror_law,
      d.month_end.anti_terror_law);
}

TEST(QuotaStatusPropertyTest, RandomScheduleRunsKeepTheIdentityAndRebuildEqualsIncremental) {
  TestStore ts;
  ProjectionEngine engine(&ts.db(), &ts.store(), nullptr);
  auto rules = DefaultQuotaRules();
  rules.push_back(QuotaRuleSet{"2027-01-01", 45, 225, {{"disabled", 400}}, {{"disabled", 400}, {"exConvict", 100}}});
  engine.Add(MakeQuotaStatusProjector(rules));
  engine.Add(MakeWorkforceSchedulesProjector());

  std::mt19937 rng(20261127);
  const int kHqs = 12;
  std::map<std::string, WorkforceScheduleLedger> ledgers;
  std::map<std::string, std::string> sector_of;
  for (int h = 0; h < kHqs; ++h) {
    const std::string employer = std::to_string(2000000001 + h), hq_id = std::to_string(3000000001 + h);
    events::EmployerRegistered reg;
    reg.employer_id = employer;
    reg.sector = h % 3 == 0 ? "public" : "private";
    sector_of[hq_id] = reg.sector;
    ASSERT_TRUE(ts.store().Append(OneStream("employer-" + employer, ExpectedVersion::NoStream(), {events::Encode(reg)})).ok());
    WorkplaceState hq{true, hq_id, employer, "34", "headquarters", "", {}};
    std::string month = "2026-0" + std::to_string(1 + h % 6);
    const int months = std::uniform_int_distribution<int>(6, 24)(rng);
    auto& ledger = ledgers[hq_id];
    std::uint64_t version = 0;
    for (int m = 0; m < months;) {
      const bool amend = !ledger.schedules.empty() && std::uniform_int_distribution<int>(0, 4)(rng) == 0;
      SaveWorkforceSchedule c;
      c.employer_id = employer;
      c.today = "2030-01-01";
      c.rows_must_match_counts = false;
      c.year_month = amend ? ledger.Latest()->year_month : month;
      const bool first = ledger.schedules.empty() || (amend && ledger.schedules.size() == 1);
      events::CategoryCounts prev;
      if (first) {
        prev.general.male = std::uniform_int_distribution<std::int64_t>(0, 80)(rng);
        prev.disabled.female = std::uniform_int_distribution<std::int64_t>(0, 3)(rng);
        c.draft.previous_month_end = prev;
      } else {
        prev = ledger.schedules[ledger.schedules.size() - (amend ? 2 : 1)].content.development.month_end;
      }
      RandomMovements(rng, prev, &c.draft.hired, &c.draft.left);
      const auto part_timers = prev.part_time.total() + c.draft.hired.part_time.total() - c.draft.left.part_time.total();
      c.draft.part_time_monthly_hours = part_timers * std::uniform_int_distribution<std::int64_t>(0, 120)(rng);
      auto r = DecideSaveWorkforceSchedule(ledger, hq, c, TestReferenceData(), version);
      ASSERT_TRUE(r.ok()) << c.year_month << ": " << r.error().code
                          << (r.error().fields.empty() ? "" : " " + r.error().fields[0].field + " " + r.error().fields[0].code);
      if (r->empty()) continue;
      AppendRequest req;
      StreamAppend sa{WorkforceScheduleStream(hq_id), ExpectedVersion::Exactly(version), {}};
      for (const auto& e : *r) {
        std::visit(
            [&](const auto& ev) {
              if constexpr (requires { ev.content.development; }) ExpectIdentity(ev.content.development);
            },
            e);
        sa.events.push_back(events::EncodeVariant(e));
        ledger = Apply(std::move(ledger), e);
      }
      req.streams.push_back(std::move(sa));
      ASSERT_TRUE(ts.store().Append(std::move(req)).ok());
      ++version;
      engine.CatchUp();  // incremental
      if (!amend) {
        month = NextMonth(month);
        ++m;
      }
    }
    // The carried month ends chain without gaps.
    for (std::size_t i = 1; i < ledger.schedules.size(); ++i) {
      EXPECT_EQ(ledger.schedules[i].content.development.previous_month_end,
                ledger.schedules[i - 1].content.development.month_end);
      EXPECT_EQ(ledger.schedules[i].year_month, NextMonth(ledger.schedules[i - 1].year_month));
    }
  }

  // The read model equals the pure computation for every month of every headquarters.
  const auto view = engine.View("quota_status");
  std::size_t checked = 0;
  for (const auto& [hq_id, ledger] : ledgers) {
    for (const auto& s : ledger.schedules) {
      const auto doc = GetQuotaStatus(view, hq_id, s.year_month);
      ASSERT_TRUE(doc) << hq_id << " " << s.year_month;
      const auto q = ComputeQuota(s.year_month, sector_of[hq_id], s.content.development, rules);
      EXPECT_EQ((*doc).at("baseHeadcount").as_int64(), q.base_headcount);
      EXPECT_EQ((*doc).at("subject").as_bool(), q.subject);
      ASSERT_EQ((*doc).at("categories").as_array().size(), q.categories.size());
      for (std::size_t i = 0; i < q.categories.size(); ++i) {
        const auto& c = (*doc).at("categories").as_array()[i].as_object();
        EXPECT_EQ(c.at("required").as_int64(), q.categories[i].required);
        EXPECT_EQ(c.at("employed").as_int64(), q.categories[i].employed);
        EXPECT_EQ(c.at("deficit").as_int64(), q.categories[i].deficit);
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 12u * 6);

  // Rebuilt from zero: the same rows.
  const auto incremental = Rows(view, "by_month");
  const auto schedules_before = Rows(engine.View("workforce_schedules"), "by_month");
  ASSERT_TRUE(engine.Rebuild("quota_status").ok());
  ASSERT_TRUE(engine.Rebuild("workforce_schedules").ok());
  EXPECT_EQ(Rows(engine.View("quota_status"), "by_month"), incremental);
  EXPECT_EQ(Rows(engine.View("workforce_schedules"), "by_month"), schedules_before);
  EXPECT_EQ(incremental.size(), checked);
}

}  // namespace
}  // namespace istihdam

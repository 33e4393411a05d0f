// Given-when-then tests of the overseas quota arithmetic (DOMAIN.md §2.1.5, api/overseas-and-
// agencies.md, docs/overseas.md): which allocations a dispatch draws on, quota_exceeded and
// no_quota_for_date, approval and immutability, limit changes, overlaps; and a property test
// over random histories of allocations, dispatches, approvals and transfers (fixed seeds):
// used never exceeds limit, and folding the events from scratch equals the incremental state.
#include "aggregates/overseas.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace istihdam {
namespace {

constexpr const char* kEmployer = "2000000001";

AllocationState Allocation(const std::string& id, const std::string& occupation, std::int64_t limit,
                           const std::string& from = "2026-01-01", const std::string& to = "2026-12-31",
                           const std::string& project = "") {
  AllocationState a;
  a = Apply(a, events::OverseasQuotaEvent{
                   events::OverseasQuotaAllocated{id, kEmployer, "DE", occupation, project, from, to, limit, "ho"}});
  return a;
}

AllocationState Consume(AllocationState a, std::int64_t n) {
  const events::OverseasQuotaEvent e{events::OverseasQuotaConsumed{a.allocation_id, "d", "p", n}};
  return Apply(std::move(a), e);
}

std::vector<events::OverseasWorker> Workers(const std::vector<std::string>& occupations) {
  std::vector<events::OverseasWorker> out;
  for (std::size_t i = 0; i < occupations.size(); ++i)
    out.push_back({"w" + std::to_string(i), "1000000014" + std::to_string(i), "Ad", "Soyad", occupations[i]});
  return out;
}

DispatchState Pending(const std::vector<std::string>& occupations, const std::string& date = "2026-03-01") {
  DispatchState d;
  return Apply(d, events::DispatchEvent{events::DispatchCreated{"7", kEmployer, "1", "DE", date, "2026-12-31", "",
                                                                Workers(occupations)}});
}

TEST(OverseasQuota, AvailableIsLimitMinusUsedMinusTransferredOut) {
  // Given a limit of 10, 3 used and 2 transferred to a subcontractor
  auto a = Consume(Allocation("A-1", "", 10), 3);
  a = Apply(a, events::OverseasQuotaEvent{events::OverseasQuotaTransferredOut{"A-1", "t1", 2}});
  // Then 5 are available; returning the transfer makes 7
  EXPECT_EQ(a.available(), 5);
  a = Apply(a, events::OverseasQuotaEvent{events::OverseasQuotaTransferReturned{"A-1", "t1", 2}});
  EXPECT_EQ(a.available(), 7);
  EXPECT_EQ(a.transferred_out, 0);
}

TEST(OverseasQuota, ADispatchThatFitsDrawsOnTheCountryAndTheOccupationAllocations) {
  // Given a country quota of 5 and a cap of 2 for 7112
  const std::vector<AllocationState> all = {Allocation("A-1", "", 5), Allocation("A-2", "7112", 2)};
  // When two 7112 workers and one 7212 worker are checked
  auto draws = PlanDraws("1", "2026-03-01", Workers({"7112", "7112", "7212"}), all);
  // Then the country allocation gives 3 and the 7112 cap 2 (7212 has no cap)
  ASSERT_TRUE(draws.ok());
  ASSERT_EQ(draws->size(), 2u);
  EXPECT_EQ((*draws)[0].allocation_id, "A-1");
  EXPECT_EQ((*draws)[0].requested, 3);
  EXPECT_EQ((*draws)[1].allocation_id, "A-2");
  EXPECT_EQ((*draws)[1].quota, "occupation");
  EXPECT_EQ((*draws)[1].requested, 2);
}

TEST(OverseasQuota, MoreWorkersThanTheCountryAvailableIsQuotaExceededCountry) {
  // Given a country quota of 5 with 4 used
  const std::vector<AllocationState> all = {Consume(Allocation("A-1", "", 5), 4)};
  // When two workers are checked
  auto draws = PlanDraws("1", "2026-03-01", Workers({"7112", "7212"}), all);
  // Then quota_exceeded names the country allocation, 1 available, 2 requested
  ASSERT_FALSE(draws.ok());
  EXPECT_EQ(draws.error().code, errc::kQuotaExceeded);
  ASSERT_EQ(draws.error().quota.size(), 1u);
  EXPECT_EQ(draws.error().quota[0], (QuotaShortfall{"country", "A-1", 1, 2}));
  // And exactly the available count fits
  EXPECT_TRUE(PlanDraws("1", "2026-03-01", Workers({"7112"}), all).ok());
}

TEST(OverseasQuota, MoreWorkersOfAnOccupationThanItsCapIsQuotaExceededOccupation) {
  const std::vector<AllocationState> all = {Allocation("A-1", "", 50), Consume(Allocation("A-2", "7112", 3), 2)};
  auto draws = PlanDraws("1", "2026-03-01", Workers({"7112", "7112", "7212"}), all);
  ASSERT_FALSE(draws.ok());
  EXPECT_EQ(draws.error().quota[0], (QuotaShortfall{"occupation", "A-2", 1, 2}));
}

TEST(OverseasQuota, NoCountryAllocationCoveringTheDateIsNoQuotaForDate) {
  const std::vector<AllocationState> all = {Allocation("A-1", "", 5, "2026-01-01", "2026-06-30"),
                                            Allocation("A-2", "7112", 5, "2026-07-01", "2026-12-31")};
  // validity is inclusive at both ends
  EXPECT_TRUE(PlanDraws("1", "2026-06-30", Workers({"7112"}), all).ok());
  auto draws = PlanDraws("1", "2026-07-01", Workers({"7112"}), all);
  ASSERT_FALSE(draws.ok());
  EXPECT_EQ(draws.error().code, errc::kNoQuotaForDate);
}

TEST(OverseasQuota, AProjectScopedAllocationWinsOverTheEmployerWideOne) {
  const std::vector<AllocationState> all = {Allocation("A-1", "", 5),
                                            Allocation("A-2", "", 2, "2026-01-01", "2026-12-31", "9")};
  auto own = PlanDraws("9", "2026-03-01", Workers({"7112"}), all);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->front().allocation_id, "A-2");
  auto other = PlanDraws("1", "2026-03-01", Workers({"7112"}), all);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->front().allocation_id, "A-1");
}

TEST(OverseasQuota, ApprovalConsumesEveryDrawAndMakesTheDispatchReadOnly) {
  // Given a pending dispatch of two 7112 workers and allocations with room
  const auto d = Pending({"7112", "7112"});
  const std::vector<AllocationState> all = {Allocation("A-1", "", 5), Allocation("A-2", "7112", 2)};
  // When it is approved
  auto approval = DecideApproveDispatch(d, all, "ho");
  ASSERT_TRUE(approval.ok());
  EXPECT_EQ(approval->approved.allocation_id, "A-1");
  EXPECT_EQ(approval->approved.worker_count, 2);
  ASSERT_EQ(approval->consumed.size(), 2u);
  EXPECT_EQ(approval->consumed[0].count, 2);
  EXPECT_EQ(approval->consumed[1].allocation_id, "A-2");
  // Then the approved dispatch refuses any change and another approval
  const auto after = Apply(d, events::DispatchEvent{approval->approved});
  EXPECT_EQ(after.status, "approved");
  auto again = DecideApproveDispatch(after, all, "ho");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, errc::kDispatchApprovedReadonly);
  EXPECT_EQ(RequirePending(after).error().code, errc::kDispatchApprovedReadonly);
}

TEST(OverseasQuota, ADispatchWithoutWorkersCannotBeApproved) {
  const auto d = Apply(Pending({"7112"}), events::DispatchEvent{events::DispatchWorkerRemoved{"7", "w0"}});
  auto approval = DecideApproveDispatch(d, {Allocation("A-1", "", 5)}, "ho");
  ASSERT_FALSE(approval.ok());
  EXPECT_EQ(approval.error().code, errc::kDispatchHasNoWorkers);
}

TEST(OverseasQuota, TheLimitCannotGoBelowUsedPlusTransferredOut) {
  auto a = Consume(Allocation("A-1", "", 10), 4);
  a = Apply(a, events::OverseasQuotaEvent{events::OverseasQuotaTransferredOut{"A-1", "t1", 3}});
  auto below = DecideChangeAllocation(a, 6, a.valid_to, {a});
  ASSERT_FALSE(below.ok());
  EXPECT_EQ(below.error().code, errc::kLimitBelowUsed);
  auto exact = DecideChangeAllocation(a, 7, a.valid_to, {a});
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->limit, 7);
}

TEST(OverseasQuota, OverlappingValidityForTheSameKeyIsRefused) {
  const auto a = Allocation("A-1", "", 10, "2026-01-01", "2026-06-30");
  auto b = Allocation("A-2", "", 10, "2026-06-30", "2026-12-31");
  EXPECT_TRUE(Overlaps(b, {a}));
  b = Allocation("A-2", "", 10, "2026-07-01", "2026-12-31");
  EXPECT_FALSE(Overlaps(b, {a}));
  // another occupation is another key
  EXPECT_FALSE(Overlaps(Allocation("A-3", "7112", 10, "2026-01-01", "2026-06-30"), {a}));
  // extending A-1 into A-2's range overlaps
  auto longer = DecideChangeAllocation(a, 10, "2026-07-15", {a, b});
  ASSERT_FALSE(longer.ok());
  EXPECT_EQ(longer.error().code, errc::kAllocationOverlaps);
}

TEST(OverseasQuota, DraftChecksNameTheFields) {
  OverseasProjectState project;
  project.exists = true;
  project.fields = {"P", "", "2026-01-01", "2026-12-31", "", {"7112"}};
  DispatchDraft d{"2027-01-05", "2026-12-01", "", Workers({"7112", "9999"})};
  d.workers[1].tckn = d.workers[0].tckn;
  auto errors = ValidateDispatchDraft(d, DispatchContext{&project, {}}, true);
  auto has = [&](const std::string& field, const std::string& code) {
    for (const auto& e : errors)
      if (e.field == field && e.code == code) return true;
    return false;
  };
  EXPECT_TRUE(has("dispatchDate", "outside_contract"));
  EXPECT_TRUE(has("plannedEndDate", "before_valid_from"));
  EXPECT_TRUE(has("workers[1].occupation", "not_in_project"));
}

// ----- Property: random histories -----------------------------------------------------------

// A small model of one employer's quota in one country: every command goes through the pure
// decisions, every event is kept; at each step used <= limit, and a fold of the kept events
// equals the incrementally applied state.
TEST(OverseasQuotaProperty, UsedNeverExceedsLimitAndReplayEqualsIncrementalState) {
  const std::vector<std::string> occupations = {"7112", "7212", "9313"};
  for (std::uint32_t seed = 1; seed <= 200; ++seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint32_t>(n)); };
    std::map<std::string, AllocationState> allocations;
    std::map<std::string, std::vector<events::OverseasQuotaEvent>> allocation_log;
    std::map<std::string, DispatchState> dispatches;
    std::map<std::string, std::vector<events::DispatchEvent>> dispatch_log;
    auto record_allocation = [&](const events::OverseasQuotaEvent& e, const std::string& id) {
      allocations[id] = Apply(allocations[id], e);
      allocation_log[id].push_back(e);
    };
    auto record_dispatch = [&](const events::DispatchEvent& e, const std::string& id) {
      dispatches[id] = Apply(dispatches[id], e);
      dispatch_log[id].push_back(e);
    };
    auto all = [&] {
      std::vector<AllocationState> v;
      for (const auto& [id, a] : allocations) v.push_back(a);
      return v;
    };
    int next_alloc = 1, next_dispatch = 1, next_transfer = 1;
    for (int step = 0; step < 60; ++step) {
      const int action = pick(6);
      if (action == 0) {  // allocate a quarter (country or occupation), refused on overlap
        const std::string id = "A-" + std::to_string(next_alloc);
        const int quarter = pick(4);
        static const char* kFrom[] = {"2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"};
        static const char* kTo[] = {"2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"};
        const std::string from = kFrom[quarter], to = kTo[quarter];
        AllocationState candidate = Allocation(id, pick(3) == 0 ? occupations[pick(3)] : "", 1 + pick(6), from, to);
        if (Overlaps(candidate, all())) continue;
        ++next_alloc;
        record_allocation(events::OverseasQuotaAllocated{id, kEmployer, "DE", candidate.occupation, "", from, to,
                                                         candidate.limit, "ho"},
                          id);
      } else if (action == 1 || action == 2) {  // create a dispatch that passes the entry check
        std::vector<std::string> occ;
        for (int i = 0, n = 1 + pick(3); i < n; ++i) occ.push_back(occupations[pick(3)]);
        const std::string date = "2026-" + std::string("0") + std::to_string(1 + pick(9)) + "-15";
        const auto workers = Workers(occ);
        if (!PlanDraws("1", date, workers, all()).ok()) continue;
        const std::string id = std::to_string(next_dispatch++);
        record_dispatch(events::DispatchCreated{id, kEmployer, "1", "DE", date, "2026-12-31", "", workers}, id);
      } else if (action == 3 && !dispatches.empty()) {  // approve a random dispatch
        auto it = dispatches.begin();
        std::advance(it, pick(static_cast<int>(dispatches.size())));
        auto approval = DecideApproveDispatch(it->second, all(), "ho");
        if (!approval.ok()) continue;
        record_dispatch(approval->approved, it->first);
        for (const auto& c : approval->consumed) record_allocation(c, c.allocation_id);
      } else if (action == 4 && !allocations.empty()) {  // transfer some quota out, sometimes return it
        auto it = allocations.begin();
        std::advance(it, pick(static_cast<int>(allocations.size())));
        const std::int64_t n = 1 + pick(3);
        if (n > it->second.available()) continue;
        const std::string t = "t" + std::to_string(next_transfer++);
        record_allocation(events::OverseasQuotaTransferredOut{it->first, t, n}, it->first);
        if (pick(2) == 0) record_allocation(events::OverseasQuotaTransferReturned{it->first, t, n}, it->first);
      } else if (action == 5 && !allocations.empty()) {  // change a limit (refused below used)
        auto it = allocations.begin();
        std::advance(it, pick(static_cast<int>(allocations.size())));
        auto change = DecideChangeAllocation(it->second, 1 + pick(8), it->second.valid_to, all());
        if (change.ok()) record_allocation(*change, it->first);
      }
      for (const auto& [id, a] : allocations) {
        ASSERT_LE(a.used + a.transferred_out, a.limit) << "seed " << seed << " step " << step << " " << id;
        ASSERT_GE(a.available(), 0);
      }
    }
    // Replay: a fold of each stream's events from scratch equals the incremental state, and
    // used is the sum of the approved dispatches' draws on it.
    std::map<std::string, std::int64_t> approved_draws;
    for (const auto& [id, d] : dispatches) {
      DispatchState replayed;
      for (const auto& e : dispatch_log[id]) replayed = Apply(replayed, e);
      ASSERT_EQ(replayed, d) << "seed " << seed;
      if (d.status == "approved") approved_draws[d.allocation_id] += static_cast<std::int64_t>(d.workers.size());
    }
    for (const auto& [id, a] : allocations) {
      AllocationState replayed;
      for (const auto& e : allocation_log[id]) replayed = Apply(replayed, e);
      ASSERT_EQ(replayed, a) << "seed " << seed;
      if (a.occupation.empty()) EXPECT_EQ(a.used, approved_draws[id]) << "seed " << seed << " " << id;
    }
  }
}

}  // namespace
}  // namespace istihdam

// Given-when-then tests of collective dismissal notifications (CD-1..CD-4, RULES.md §1b).
#include "aggregates/collective_dismissal.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aggregates/validation.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::Contains;

// The employer 2000000001 has an İstanbul headquarters 3000000001 with a branch 3000000002
// (the province's schedule says 120 workers) and an Ankara headquarters 3000000003 without a
// schedule. 3000000009 belongs to another employer.
SaveCollectiveDismissal Draft(std::vector<events::DismissalDetail> details, const std::string& today = "2026-03-31") {
  SaveCollectiveDismissal c;
  c.employer_id = "2000000001";
  c.today = today;
  c.dismissal_id = "5000000001";
  c.dismissal_date = "2026-05-01";
  c.details = std::move(details);
  c.workplaces = {{"3000000001", {"2000000001", "3000000001"}},
                  {"3000000002", {"2000000001", "3000000001"}},
                  {"3000000003", {"2000000001", "3000000003"}},
                  {"3000000009", {"2000000099", "3000000009"}}};
  c.headcounts = {{"3000000001", {"2026-02", 120}}, {"3000000003", {"", 0}}};
  return c;
}

events::CollectiveDismissalNotified Notified(const SaveCollectiveDismissal& c) {
  auto r = DecideNotifyCollectiveDismissal(c);
  EXPECT_TRUE(r.ok());
  return *r;
}

CollectiveDismissalState Given(const events::CollectiveDismissalNotified& e) { return Apply({}, e); }

std::vector<FieldError> NotifyErrors(const SaveCollectiveDismissal& c) {
  auto r = DecideNotifyCollectiveDismissal(c);
  EXPECT_FALSE(r.ok());
  return r.ok() ? std::vector<FieldError>{} : r.error().fields;
}

TEST(NotifyCollectiveDismissalTest, TotalsAreSumsAndTheNotificationDateIsToday) {
  const auto e = Notified(Draft({{"3000000001", 3, 2}, {"3000000002", 4, 1}}));
  EXPECT_EQ(e.notification_date, "2026-03-31");  // CD-R3
  EXPECT_EQ(e.content.total_male, 7);             // CD-R1
  EXPECT_EQ(e.content.total_female, 3);
  EXPECT_EQ(e.employer_id, "2000000001");
  EXPECT_EQ(e.dismissal_id, "5000000001");
}

TEST(NotifyCollectiveDismissalTest, Article29ThresholdsFromConfiguration) {
  const CollectiveDismissalThresholds t;
  EXPECT_EQ(RequiredDismissals(19, t), 0);
  EXPECT_EQ(RequiredDismissals(20, t), 10);
  EXPECT_EQ(RequiredDismissals(100, t), 10);
  EXPECT_EQ(RequiredDismissals(101, t), 11);  // 10 % of 101 = 10.1, rounded up
  EXPECT_EQ(RequiredDismissals(300, t), 30);
  EXPECT_EQ(RequiredDismissals(301, t), 30);
  // 120 workers in İstanbul: 12 dismissals make it collective.
  EXPECT_FALSE(Notified(Draft({{"3000000001", 6, 5}})).content.meets_statutory_threshold);
  const auto e = Notified(Draft({{"3000000001", 6, 2}, {"3000000002", 3, 1}}));
  EXPECT_TRUE(e.content.meets_statutory_threshold);
  ASSERT_EQ(e.content.threshold_checks.size(), 1u) << "branches count with their headquarters";
  EXPECT_EQ(e.content.threshold_checks[0], (events::ThresholdCheck{"3000000001", "2026-02", 120, 12, 12, true}));
  EXPECT_FALSE(Notified(Draft({{"3000000003", 40, 40}})).content.meets_statutory_threshold)
      << "without a schedule the headcount is unknown (0)";
}

TEST(NotifyCollectiveDismissalTest, OwnWorkplacesOnceEachWithAtLeastOnePerson) {
  const auto f = NotifyErrors(Draft({{"3000000009", 1, 0}, {"3000000001", 0, 0}, {"3000000002", -1, 2},
                                     {"3000000002", 1, 0}, {"", 1, 0}}));
  EXPECT_THAT(f, Contains(FieldError{"details[0].workplaceId", "unknown_workplace"}));
  EXPECT_THAT(f, Contains(FieldError{"details[1].maleCount", "no_dismissals"}));
  EXPECT_THAT(f, Contains(FieldError{"details[2].maleCount", "negative"}));
  EXPECT_THAT(f, Contains(FieldError{"details[3].workplaceId", "duplicate"}));
  EXPECT_THAT(f, Contains(FieldError{"details[4].workplaceId", "required"}));
}

TEST(NotifyCollectiveDismissalTest, DismissalDateAndAtLeastOneRowAreRequired) {
  auto c = Draft({});
  c.dismissal_date = "";
  auto f = NotifyErrors(c);
  EXPECT_THAT(f, Contains(FieldError{"dismissalDate", "required"}));
  EXPECT_THAT(f, Contains(FieldError{"details", "required"}));
  c.dismissal_date = "2026-02-30";
  EXPECT_THAT(NotifyErrors(c), Contains(FieldError{"dismissalDate", "invalid_format"}));
}

TEST(EditWindowTest, OneCalendarMonthInclusiveClampedToMonthEnd) {
  EXPECT_EQ(EditableUntil("2026-03-31"), "2026-04-30");
  EXPECT_EQ(EditableUntil("2026-01-31"), "2026-02-28");
  EXPECT_EQ(EditableUntil("2028-01-31"), "2028-02-29");
  EXPECT_EQ(EditableUntil("2026-12-15"), "2027-01-15");
}

TEST(UpdateCollectiveDismissalTest, WithinTheWindowTheDraftReplacesTheDetailsAndTheDateStays) {
  const auto s = Given(Notified(Draft({{"3000000001", 3, 2}})));
  auto c = Draft({{"3000000001", 3, 2}, {"3000000003", 1, 1}}, "2026-04-30");  // the last day (CD-R6)
  auto r = DecideUpdateCollectiveDismissal(s, c);
  ASSERT_TRUE(r.ok()) << r.error().code;
  const auto& u = std::get<events::CollectiveDismissalUpdated>(r->front());
  EXPECT_EQ(u.content.total_male, 4);
  EXPECT_EQ(Apply(s, u).notification_date, "2026-03-31");  // never changes
}

TEST(UpdateCollectiveDismissalTest, TheDayAfterTheWindowIsRefused) {
  const auto s = Given(Notified(Draft({{"3000000001", 3, 2}})));
  auto r = DecideUpdateCollectiveDismissal(s, Draft({{"3000000001", 1, 2}}, "2026-05-01"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "edit_window_expired");
}

TEST(UpdateCollectiveDismissalTest, UnchangedYieldsNoEventAndOthersNotificationsAreNotFound) {
  const auto s = Given(Notified(Draft({{"3000000001", 3, 2}})));
  auto same = DecideUpdateCollectiveDismissal(s, Draft({{"3000000001", 3, 2}}, "2026-04-01"));
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->empty());
  auto other = Draft({{"3000000001", 3, 2}}, "2026-04-01");
  other.employer_id = "2000000099";
  auto r = DecideUpdateCollectiveDismissal(s, other);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "collective_dismissal_not_found");
  EXPECT_EQ(DecideUpdateCollectiveDismissal({}, Draft({{"3000000001", 1, 0}})).error().code,
            "collective_dismissal_not_found");
}

TEST(UpdateCollectiveDismissalTest, ValidationAppliesToUpdatesToo) {
  const auto s = Given(Notified(Draft({{"3000000001", 3, 2}})));
  auto r = DecideUpdateCollectiveDismissal(s, Draft({{"3000000009", 3, 2}}, "2026-04-01"));
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().fields, Contains(FieldError{"details[0].workplaceId", "unknown_workplace"}));
}

// Issue 10: two details of 2^63-1 men were accepted with totalMale -2. Counts above
// kMaxHeadcount are refused before anything is added up.
TEST(NotifyCollectiveDismissalTest, CountsAboveTheMaximumAreOutOfRangeAndNeverSummed) {
  EXPECT_THAT(NotifyErrors(Draft({{"3000000001", INT64_MAX, 0}, {"3000000002", INT64_MAX, 0}})),
              ::testing::UnorderedElementsAre(FieldError{"details[0].maleCount", "out_of_range"},
                                              FieldError{"details[1].maleCount", "out_of_range"}));
  EXPECT_THAT(NotifyErrors(Draft({{"3000000001", 1, kMaxHeadcount + 1}})),
              Contains(FieldError{"details[0].femaleCount", "out_of_range"}));
  const auto e = Notified(Draft({{"3000000001", kMaxHeadcount, kMaxHeadcount}, {"3000000002", kMaxHeadcount, 0}}));
  EXPECT_EQ(e.content.total_male, 2 * kMaxHeadcount);
  EXPECT_EQ(e.content.total_female, kMaxHeadcount);
  EXPECT_TRUE(e.content.meets_statutory_threshold);
}

}  // namespace
}  // namespace istihdam

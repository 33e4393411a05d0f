// Given-when-then tests of benefit declarations (DECL-1, RULES.md §1d): what an İKT, İÖ and
// KÇÖ declaration must contain, every failing field in one refusal.
#include "aggregates/benefit_declaration.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aggregates/benefit_reference.h"
#include "infra/identifiers.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using testing::TestReferenceData;

// Employer 2000000001 has the İstanbul workplace 3000000001; 3000000009 is another employer's.
// Today is 2026-03-20.
SubmitBenefitDeclaration Draft(const std::string& type) {
  SubmitBenefitDeclaration c;
  c.employer_id = "2000000001";
  c.employer_title = "Anadolu Tekstil A.Ş.";
  c.today = "2026-03-20";
  c.declaration_no = "2026000007";
  c.declaration_type = type;
  c.workplace_id = "3000000001";
  c.workplace = DeclarationWorkplace{"2000000001", "34"};
  if (type == "KCO") {
    c.period_start = "2026-02-01";
    c.period_end = "2026-04-30";
    c.workers = {{"10000000146", "Ayşe", "Yılmaz", "", "", {{"2026-02", 80}, {"2026-03", 40}}},
                 {"17291716060", "Mehmet", "Öztürk", "", "", {{"2026-02", 225}}}};
  } else {
    const std::string reason = type == "IKT" ? "32" : "04";
    c.workers = {{"10000000146", "Ayşe", "Yılmaz", "2026-03-01", reason, {}},
                 {"17291716060", "Mehmet", "Öztürk", "2026-03-20", reason, {}}};
  }
  return c;
}

events::BenefitDeclarationSubmitted Submitted(const SubmitBenefitDeclaration& c) {
  auto r = DecideSubmitBenefitDeclaration(c, TestReferenceData());
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().code + " " + (r.error().fields.empty() ? "" : r.error().fields[0].field + " " + r.error().fields[0].code));
  return r.ok() ? *r : events::BenefitDeclarationSubmitted{};
}

std::vector<FieldError> Errors(const SubmitBenefitDeclaration& c) {
  auto r = DecideSubmitBenefitDeclaration(c, TestReferenceData());
  EXPECT_FALSE(r.ok());
  if (r.ok()) return {};
  EXPECT_EQ(r.error().code, "validation_failed");
  return r.error().fields;
}

// ---- accepted declarations ----

TEST(SubmitBenefitDeclarationTest, UnemploymentBenefitGoesToTheUnitOfTheWorkplacesProvince) {
  const auto e = Submitted(Draft("IO"));
  EXPECT_EQ(e.declaration_no, "2026000007");
  EXPECT_EQ(e.declaration_type, "IO");
  EXPECT_EQ(e.unit_id, "34");
  EXPECT_EQ(e.employer_id, "2000000001");
  EXPECT_EQ(e.employer_title, "Anadolu Tekstil A.Ş.");
  EXPECT_EQ(e.workplace_id, "3000000001");
  EXPECT_EQ(e.declaration_date, "2026-03-20");
  ASSERT_EQ(e.workers.size(), 2u);
  EXPECT_EQ(e.workers[1].exit_date, "2026-03-20");  // today is allowed
  EXPECT_EQ(e.workers[1].exit_reason_code, "04");
  EXPECT_EQ(e.period_start, "");
}

TEST(SubmitBenefitDeclarationTest, JobLossCompensationWithPrivatisationExits) {
  const auto e = Submitted(Draft("IKT"));
  EXPECT_EQ(e.declaration_type, "IKT");
  EXPECT_EQ(e.workers[0].exit_reason_code, "32");
}

TEST(SubmitBenefitDeclarationTest, ShortTimeWorkCarriesPeriodAndMonthlyHours) {
  const auto e = Submitted(Draft("KCO"));
  EXPECT_EQ(e.period_start, "2026-02-01");
  EXPECT_EQ(e.period_end, "2026-04-30");
  ASSERT_EQ(e.workers[0].monthly_hours.size(), 2u);
  EXPECT_EQ(e.workers[0].monthly_hours[1], (events::ShortTimeHours{"2026-03", 40}));
  EXPECT_EQ(e.workers[1].monthly_hours[0].hours, 225);  // the upper bound is allowed
}

// ---- common rules ----

TEST(SubmitBenefitDeclarationTest, TypeWorkplaceAndWorkersAreRequired) {
  auto c = Draft("IO");
  c.declaration_type = "";
  c.workplace_id = "";
  c.workers.clear();
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"declarationType", "required"}, FieldError{"workplaceId", "required"},
                                     FieldError{"workers", "required"}));
}

TEST(SubmitBenefitDeclarationTest, UnknownDeclarationType) {
  auto c = Draft("IO");
  c.declaration_type = "XYZ";
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"declarationType", "unknown_value"}));
}

TEST(SubmitBenefitDeclarationTest, AnotherEmployersOrAnUnknownWorkplaceIsRefused) {
  auto c = Draft("IO");
  c.workplace_id = "3000000009";
  c.workplace = DeclarationWorkplace{"2000000099", "06"};
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"workplaceId", "unknown_workplace"}));
  c.workplace.reset();
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"workplaceId", "unknown_workplace"}));
}

TEST(SubmitBenefitDeclarationTest, EveryBadWorkerFieldIsNamedInOneRefusal) {
  auto c = Draft("IO");
  c.workers = {{"10000000145", "", "Yılmaz", "2026-03-01", "04", {}},       // checksum, first name
               {"1234", "Ali", "", "2026-03-01", "04", {}},                 // format, last name
               {"17291716060", "Mehmet", "Öztürk", "2026-13-01", "99", {}},  // date, reason
               {"23456789060", "Şule", "Çelik", "", "", {}}};               // both missing
  EXPECT_THAT(Errors(c),
              ElementsAre(FieldError{"workers[0].tckn", "invalid_checksum"}, FieldError{"workers[0].firstName", "required"},
                          FieldError{"workers[1].tckn", "invalid_format"}, FieldError{"workers[1].lastName", "required"},
                          FieldError{"workers[2].exitDate", "invalid_format"},
                          FieldError{"workers[2].exitReasonCode", "unknown_value"},
                          FieldError{"workers[3].exitDate", "required"}, FieldError{"workers[3].exitReasonCode", "required"}));
}

TEST(SubmitBenefitDeclarationTest, AWorkerAppearsOnlyOnce) {
  auto c = Draft("IO");
  c.workers.push_back(c.workers[0]);
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"workers[2].tckn", "duplicate"}));
}

TEST(SubmitBenefitDeclarationTest, NamesTheIdentityServiceDidNotConfirm) {
  auto c = Draft("IO");
  c.identity_mismatches = {1};
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"workers[1].tckn", "kps_mismatch"}));
}

TEST(SubmitBenefitDeclarationTest, AtMostAThousandWorkers) {
  auto c = Draft("IO");
  c.workers.clear();
  for (int i = 0; i < 1001; ++i) {
    char nine[10];
    std::snprintf(nine, sizeof nine, "%09d", 100000000 + i);
    c.workers.push_back({CompleteTckn(nine), "Ali", "Veli", "2026-03-01", "04", {}});
  }
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"workers", "too_many"}));
}

TEST(SubmitBenefitDeclarationTest, NamesLongerThanAHundredBytesAreRefused) {
  auto c = Draft("IO");
  c.workers[0].last_name = std::string(101, 'a');
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"workers[0].lastName", "too_long"}));
}

// ---- İÖ / İKT ----

TEST(SubmitBenefitDeclarationTest, ExitDateCannotBeInTheFuture) {
  auto c = Draft("IO");
  c.workers[0].exit_date = "2026-03-21";
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"workers[0].exitDate", "in_future"}));
}

TEST(SubmitBenefitDeclarationTest, JobLossCompensationOnlyForPrivatisation) {
  auto c = Draft("IKT");
  c.workers[1].exit_reason_code = "04";
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"workers[1].exitReasonCode", "privatisation_required"}));
}

TEST(SubmitBenefitDeclarationTest, LeaverDeclarationsTakeNoPeriodAndNoHours) {
  auto c = Draft("IO");
  c.period_start = "2026-02-01";
  c.period_end = "2026-03-01";
  c.workers[0].monthly_hours = {{"2026-02", 10}};
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"periodStart", "not_applicable"}, FieldError{"periodEnd", "not_applicable"},
                                     FieldError{"workers[0].monthlyHours", "not_applicable"}));
}

TEST(SubmitBenefitDeclarationTest, ExitReasonCodesAreTheSgkList) {
  EXPECT_TRUE(IsExitReason("01"));
  EXPECT_TRUE(IsExitReason("32"));
  EXPECT_TRUE(IsExitReason("34"));
  EXPECT_FALSE(IsExitReason("06"));  // not used by SGK
  EXPECT_FALSE(IsExitReason("1"));
  EXPECT_EQ(ExitReasons().size(), 32u);
}

// ---- KÇÖ ----

TEST(SubmitBenefitDeclarationTest, ShortTimePeriodIsRequiredAndNotInTheFuture) {
  auto c = Draft("KCO");
  c.period_start = "";
  c.period_end = "";
  EXPECT_THAT(Errors(c), Contains(FieldError{"periodStart", "required"}));
  c = Draft("KCO");
  c.period_start = "2026-03-21";
  c.period_end = "2026-05-01";
  EXPECT_THAT(Errors(c), Contains(FieldError{"periodStart", "in_future"}));
  c = Draft("KCO");
  c.period_end = "2026-02-30";
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"periodEnd", "invalid_format"}));
}

TEST(SubmitBenefitDeclarationTest, ShortTimeLastsAtLeastFourWeeks) {
  auto c = Draft("KCO");
  c.period_end = "2026-02-27";  // 27 days
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"periodEnd", "period_too_short"}));
  c.period_end = "2026-02-28";  // 28 days = 4 weeks
  c.workers = {{"10000000146", "Ayşe", "Yılmaz", "", "", {{"2026-02", 80}}}};
  Submitted(c);
  c.period_end = "2026-01-31";
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"periodEnd", "before_valid_from"}));
}

TEST(SubmitBenefitDeclarationTest, ShortTimeLastsAtMostThreeMonths) {
  EXPECT_EQ(LastShortTimeDay("2026-02-01"), "2026-04-30");
  EXPECT_EQ(LastShortTimeDay("2026-01-15"), "2026-04-14");
  EXPECT_EQ(LastShortTimeDay("2025-11-30"), "2026-02-27");  // Feb 28 is "three months later"
  EXPECT_EQ(LastShortTimeDay("2023-11-30"), "2024-02-28");  // leap year
  auto c = Draft("KCO");
  c.period_end = "2026-05-01";
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"periodEnd", "period_too_long"}));
}

TEST(SubmitBenefitDeclarationTest, MonthlyHoursWithinBoundsInsideThePeriodAndNotInTheFuture) {
  auto c = Draft("KCO");
  c.workers[0].monthly_hours = {{"2026-01", 10}, {"2026-04", 10}, {"2026-03", 0}};
  c.workers[1].monthly_hours = {{"2026-02", 226}, {"2026-2", 5}, {"2026-02", 5}};
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"workers[0].monthlyHours[0].month", "outside_period"},
                                     FieldError{"workers[0].monthlyHours[1].month", "in_future"},
                                     FieldError{"workers[0].monthlyHours[2].hours", "out_of_range"},
                                     FieldError{"workers[1].monthlyHours[0].hours", "out_of_range"},
                                     FieldError{"workers[1].monthlyHours[1].month", "invalid_format"},
                                     FieldError{"workers[1].monthlyHours[2].month", "duplicate"}));
}

TEST(SubmitBenefitDeclarationTest, ShortTimeWorkersNeedHoursAndNoExit) {
  auto c = Draft("KCO");
  c.workers[0].monthly_hours.clear();
  c.workers[1].exit_date = "2026-03-01";
  c.workers[1].exit_reason_code = "04";
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"workers[0].monthlyHours", "required"},
                                     FieldError{"workers[1].exitDate", "not_applicable"},
                                     FieldError{"workers[1].exitReasonCode", "not_applicable"}));
}

TEST(SubmitBenefitDeclarationTest, AtMostThreeMonthsOfHoursPerWorker) {
  auto c = Draft("KCO");
  c.period_start = "2026-01-01";
  c.period_end = "2026-03-31";
  c.workers[0].monthly_hours = {{"2026-01", 1}, {"2026-02", 1}, {"2026-03", 1}, {"2026-03", 1}};
  EXPECT_THAT(Errors(c), ElementsAre(FieldError{"workers[0].monthlyHours", "too_many"},
                                     FieldError{"workers[0].monthlyHours[3].month", "duplicate"}));
}

// ---- units ----

TEST(BenefitUnitsTest, OneUnitPerProvinceNamedAfterIt) {
  const auto units = BenefitUnits(TestReferenceData());
  EXPECT_EQ(units.size(), 81u);
  const auto istanbul = FindBenefitUnit(TestReferenceData(), "34");
  ASSERT_TRUE(istanbul);
  EXPECT_EQ(istanbul->name, "İstanbul Çalışma ve İş Kurumu İl Müdürlüğü");
  EXPECT_FALSE(FindBenefitUnit(TestReferenceData(), "82"));
  EXPECT_EQ(DeclarationTypeName("KCO"), "Kısa Çalışma Ödeneği");
  EXPECT_TRUE(IsDeclarationType("IKT"));
  EXPECT_FALSE(IsDeclarationType("ikt"));
}

}  // namespace
}  // namespace istihdam

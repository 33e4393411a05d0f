// Given-when-then tests of private employment agencies (DOMAIN.md §2.1.6, OEB-1..6,
// api/overseas-and-agencies.md): membership (apply with the own İŞKUR No, one open application
// or active bureau, head office approval/rejection only of applications) and period reports
// (counts, duplicate row keys, future periods, one report per period, drafts only editable).
// Also the one place naming confidential streams and the redaction of their events.
#include "aggregates/private_employment_bureau.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "infra/confidential_streams.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::Contains;
using ::testing::UnorderedElementsAre;

const ReferenceData& Ref() { return testing::TestReferenceData(); }

ApplyAsBureau GoodApplication() {
  ApplyAsBureau c;
  c.bureau_id = "8000000001";
  c.today = "2026-03-10";
  c.employer = {"2000000001", "2000000001", "Örnek İnsan Kaynakları A.Ş."};
  c.iskur_no = "2000000001";
  c.province = "34";
  c.district = "Kadıköy";
  c.office_address = "Moda Cad. No:10";
  c.phone = "02163334455";
  c.email = "info@ornek.com.tr";
  c.responsible_manager = {"10000000146", "Ayşe", "Yılmaz"};
  return c;
}

BureauState Active() {
  auto applied = DecideApplyAsBureau(GoodApplication(), Ref());
  BureauState s = Apply(BureauState{}, events::BureauEvent(*applied));
  return Apply(s, events::BureauEvent(*DecideApproveBureau(s, "OIB-2026-17", "staff-1", "2026-03-11")));
}

TEST(PrivateEmploymentBureau, AnApplicationIsAppliedWithTheFirmsTitle) {
  auto e = DecideApplyAsBureau(GoodApplication(), Ref());
  ASSERT_TRUE(e.ok()) << e.error().code;
  EXPECT_EQ(e->title, "Örnek İnsan Kaynakları A.Ş.");
  const auto s = Apply(BureauState{}, events::BureauEvent(*e));
  EXPECT_EQ(s.status, "applied");
  EXPECT_EQ(s.employer_id, "2000000001");
}

TEST(PrivateEmploymentBureau, AnotherFirmsIskurNoIsNotOwn) {
  auto c = GoodApplication();
  c.iskur_no = "2000000002";
  auto e = DecideApplyAsBureau(c, Ref());
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, errc::kValidationFailed);
  EXPECT_THAT(e.error().fields, Contains(FieldError{"iskurNo", "not_own"}));
}

TEST(PrivateEmploymentBureau, EveryMissingFieldIsNamed) {
  ApplyAsBureau c;
  c.employer = {"2000000001", "2000000001", "X"};
  auto e = DecideApplyAsBureau(c, Ref());
  ASSERT_FALSE(e.ok());
  std::vector<std::string> fields;
  for (const auto& f : e.error().fields) fields.push_back(f.field);
  EXPECT_THAT(fields, ::testing::IsSupersetOf({"iskurNo", "province", "officeAddress", "phone", "email",
                                              "responsibleManager.tckn", "responsibleManager.firstName"}));
}

TEST(PrivateEmploymentBureau, AnOpenApplicationOrActiveBureauBlocksAnother_ARejectedOneDoesNot) {
  auto c = GoodApplication();
  BureauState applied = Apply(BureauState{}, events::BureauEvent(*DecideApplyAsBureau(c, Ref())));
  c.current = applied;
  EXPECT_EQ(DecideApplyAsBureau(c, Ref()).error().code, errc::kBureauAlreadyExists);
  c.current = Active();
  EXPECT_EQ(DecideApplyAsBureau(c, Ref()).error().code, errc::kBureauAlreadyExists);
  c.current = Apply(applied, events::BureauEvent(*DecideRejectBureau(applied, "Eksik belge", "staff-1", "2026-03-12")));
  EXPECT_EQ(c.current->status, "rejected");
  EXPECT_TRUE(DecideApplyAsBureau(c, Ref()).ok());
}

TEST(PrivateEmploymentBureau, ApprovalRecordsTheLicenceAndAnAgencyAction) {
  const auto s = Active();
  EXPECT_EQ(s.status, "active");
  EXPECT_EQ(s.license_no, "OIB-2026-17");
  ASSERT_EQ(s.agency_actions.size(), 1u);
  EXPECT_EQ(s.agency_actions[0].action, "approved");
  EXPECT_EQ(s.agency_actions[0].date, "2026-03-11");
}

TEST(PrivateEmploymentBureau, OnlyAnApplicationCanBeApprovedOrRejected) {
  const auto s = Active();
  EXPECT_EQ(DecideApproveBureau(s, "X", "staff-1", "2026-03-12").error().code, errc::kBureauNotApplied);
  EXPECT_EQ(DecideRejectBureau(s, "X", "staff-1", "2026-03-12").error().code, errc::kBureauNotApplied);
  EXPECT_EQ(DecideApproveBureau(BureauState{}, "X", "s", "2026-03-12").error().code, errc::kBureauNotFound);
  auto applied = Apply(BureauState{}, events::BureauEvent(*DecideApplyAsBureau(GoodApplication(), Ref())));
  EXPECT_THAT(DecideApproveBureau(applied, "", "s", "2026-03-12").error().fields,
              UnorderedElementsAre(FieldError{"licenseNo", "required"}));
}

TEST(PrivateEmploymentBureau, AgencyActionsAreLogged) {
  auto s = Active();
  auto e = DecideAgencyAction(s, "Denetim", "Yerinde denetim yapıldı", "staff-1", "2026-05-02");
  ASSERT_TRUE(e.ok());
  s = Apply(s, events::BureauEvent(*e));
  ASSERT_EQ(s.agency_actions.size(), 2u);
  EXPECT_EQ(s.agency_actions[1].note, "Yerinde denetim yapıldı");
}

// ----- Period reports ------------------------------------------------------------------

CreatePeriodReport GoodReport() {
  CreatePeriodReport c;
  c.report_id = "8500000001";
  c.today = "2026-04-15";
  c.report_year = 2026;
  c.report_period = "Q1";
  c.record_date = "2026-04-10";
  c.sections.placements = {{"2512", "34", 3, 2}, {"2512", "06", 1, 0}};
  c.sections.job_seekers_registered = {40, 35};
  c.sections.vacancies_received = {{"2512", 6}};
  c.sections.overseas_placements = {{"DE", "7212", 1, 0}};
  return c;
}

TEST(PeriodReport, ADraftOfAnActiveBureau) {
  auto e = DecideCreatePeriodReport(Active(), GoodReport(), DefaultReportPeriods(), Ref());
  ASSERT_TRUE(e.ok()) << e.error().code;
  const auto s = Apply(PeriodReportState{}, events::PeriodReportEvent(*e));
  EXPECT_EQ(s.status, "draft");
  EXPECT_EQ(s.bureau_id, "8000000001");
  EXPECT_EQ(s.sections.placements.size(), 2u);
}

TEST(PeriodReport, NegativeCountsDuplicateKeysUnknownCodesAndFutureDatesAreNamed) {
  auto c = GoodReport();
  c.record_date = "2026-04-16";                       // after today
  c.sections.placements.push_back({"2512", "34", -1, 0});  // duplicate key and a negative count
  c.sections.vacancies_received.push_back({"2512", 1});    // duplicate occupation
  c.sections.overseas_placements.push_back({"XX", "7212", 0, 0});
  auto e = DecideCreatePeriodReport(Active(), c, DefaultReportPeriods(), Ref());
  ASSERT_FALSE(e.ok());
  EXPECT_THAT(e.error().fields,
              UnorderedElementsAre(FieldError{"recordDate", "in_future"},
                                   FieldError{"sections.placements[2].male", "negative"},
                                   FieldError{"sections.placements[2]", "duplicate"},
                                   FieldError{"sections.vacanciesReceived[1]", "duplicate"},
                                   FieldError{"sections.overseasPlacements[1].country", "unknown_value"}));
}

TEST(PeriodReport, APeriodNotBegunIsInTheFuture) {
  auto c = GoodReport();
  c.report_period = "Q3";  // begins 2026-07-01
  EXPECT_THAT(DecideCreatePeriodReport(Active(), c, DefaultReportPeriods(), Ref()).error().fields,
              UnorderedElementsAre(FieldError{"reportPeriod", "in_future"}));
  c.report_period = "Q2";  // begun on 2026-04-01
  EXPECT_TRUE(DecideCreatePeriodReport(Active(), c, DefaultReportPeriods(), Ref()).ok());
  c.report_period = "H1";
  EXPECT_THAT(DecideCreatePeriodReport(Active(), c, DefaultReportPeriods(), Ref()).error().fields,
              UnorderedElementsAre(FieldError{"reportPeriod", "unknown_value"}));
  // Configured halves instead of quarters.
  EXPECT_TRUE(DecideCreatePeriodReport(Active(), c, {{"H1", 1, 6}, {"H2", 7, 12}}, Ref()).ok());
}

TEST(PeriodReport, OnlyAnActiveBureauAndOncePerPeriod) {
  auto applied = Apply(BureauState{}, events::BureauEvent(*DecideApplyAsBureau(GoodApplication(), Ref())));
  EXPECT_EQ(DecideCreatePeriodReport(applied, GoodReport(), DefaultReportPeriods(), Ref()).error().code,
            errc::kBureauNotActive);
  auto c = GoodReport();
  c.period_taken = true;
  EXPECT_EQ(DecideCreatePeriodReport(Active(), c, DefaultReportPeriods(), Ref()).error().code,
            errc::kPeriodReportExists);
}

TEST(PeriodReport, DraftsChangeUntilSubmitted) {
  auto s = Apply(PeriodReportState{},
                 events::PeriodReportEvent(*DecideCreatePeriodReport(Active(), GoodReport(), DefaultReportPeriods(), Ref())));
  auto sections = s.sections;
  // Unchanged: no event.
  auto same = DecideSavePeriodReport(s, "8000000001", "2026-04-15", s.record_date, sections, Ref());
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->empty());
  sections.job_seekers_registered.male = 7319;
  auto saved = DecideSavePeriodReport(s, "8000000001", "2026-04-15", "2026-04-12", sections, Ref());
  ASSERT_TRUE(saved.ok());
  ASSERT_EQ(saved->size(), 1u);
  s = Apply(s, saved->front());
  EXPECT_EQ(s.sections.job_seekers_registered.male, 7319);
  EXPECT_EQ(s.record_date, "2026-04-12");
  // Another bureau's report is not found.
  EXPECT_EQ(DecideSubmitPeriodReport(s, "8000000002", "2026-04-15").error().code, errc::kPeriodReportNotFound);
  s = Apply(s, events::PeriodReportEvent(*DecideSubmitPeriodReport(s, "8000000001", "2026-04-15")));
  EXPECT_EQ(s.status, "submitted");
  EXPECT_EQ(DecideSubmitPeriodReport(s, "8000000001", "2026-04-15").error().code, errc::kPeriodReportSubmitted);
  EXPECT_EQ(DecideSavePeriodReport(s, "8000000001", "2026-04-15", "2026-04-12", sections, Ref()).error().code,
            errc::kPeriodReportSubmitted);
}

// ----- Confidential streams --------------------------------------------------------------

TEST(ConfidentialStreams, PeriodReportsAreConfidential_MembershipIsNot) {
  EXPECT_TRUE(IsConfidentialStream(PeriodReportStream("8500000001")));
  EXPECT_FALSE(IsConfidentialStream(BureauStream("8000000001")));
  EXPECT_FALSE(IsConfidentialStream("employer-2000000001"));
  EXPECT_FALSE(IsConfidentialStream("period-repor"));
}

TEST(ConfidentialStreams, RedactionEmptiesDataAndKeepsTheEnvelope) {
  const std::string full =
      R"({"position":7,"streamId":"period-report-1","version":1,"type":"PeriodReportCreated","data":{"sections":{"male":7319}},"hash":"ab","prevHash":"cd"})";
  const auto red = boost::json::parse(RedactEventJson(full)).as_object();
  EXPECT_EQ(red.at("data"), boost::json::object());
  EXPECT_EQ(red.at("redacted"), true);
  EXPECT_EQ(red.at("position"), 7);
  EXPECT_EQ(red.at("hash"), "ab");
  EXPECT_EQ(red.at("streamId"), "period-report-1");
  EXPECT_EQ(RedactEventJson(full).find("7319"), std::string::npos);
  EXPECT_THROW(RedactEventJson("[1]"), std::invalid_argument);
}

}  // namespace
}  // namespace istihdam

// The candidates read model (projections/candidates.h): the candidate list of a demand in the
// order added, its filters and actions; the four report rows and their dates; re-invitation
// reschedules, a corrected result replaces the earlier one, a deleted demand leaves; a
// rebuild produces the same rows.
#include "projections/candidates.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "aggregates/labor_demand.h"
#include "events/identity.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::ElementsAre;
using testing::OneStream;
using testing::TestReferenceData;
using testing::TestStore;

constexpr const char* kA = "2000000001";
constexpr const char* kB = "2000000002";
constexpr Micros kMinute = 60'000'000;

class CandidatesViewTest : public ::testing::Test {
 protected:
  CandidatesViewTest() : engine_(&ts_.db(), &ts_.store(), nullptr) { engine_.Add(MakeCandidatesProjector()); }

  void Append(const std::string& stream, NewEvent e) {
    ts_.clock().Advance(kMinute);
    ASSERT_TRUE(ts_.store().Append(OneStream(stream, ExpectedVersion::Any(), {std::move(e)})).ok());
  }
  void Person(const std::string& id, const std::string& first, const std::string& last) {
    events::UserAccountRegistered r;
    r.user_id = id;
    r.first_name = first;
    r.last_name = last;
    r.birth_date = "1990-01-01";
    Append("user-" + id, events::Encode(r));
  }
  void Demand(const std::string& no, const std::string& employer, const std::string& workplace,
              const std::string& occupation) {
    events::LaborDemandCreated c;
    c.demand_no = no;
    c.employer_id = employer;
    c.workplace_id = workplace;
    c.workplace_title = "Anadolu Yazılım A.Ş. Kadıköy Şubesi";
    c.created_via = "quick";
    c.created_on = "2026-01-15";
    c.draft.occupation = occupation;
    c.draft.position = "Yazılım Mühendisi";
    Append(LaborDemandStream(no), events::Encode(c));
  }
  template <class E>
  void On(const std::string& no, const E& e) {
    Append(LaborDemandStream(no), events::Encode(e));
  }
  void Invite(const std::string& no, const std::string& candidate, const std::string& when) {
    On(no, events::CandidateInvited{no, candidate, when, "Moda Cad. 1, Kadıköy", std::nullopt, "2026-01-16"});
  }
  void Record(const std::string& no, const std::string& candidate, const std::string& result,
              const std::string& on, std::optional<std::string> note = std::nullopt) {
    On(no, events::CandidateInterviewRecorded{no, candidate, result, std::move(note), on});
  }

  // Demand 1 of A (2512): Ayşe and Şule selected, Ömer applied, İlgin referred. Demand 2 of A
  // (7212): Can selected. Demand 3 of B (2512): Ayşe selected.
  void Seed() {
    Person("1001", "Ayşe", "Yılmaz");
    Person("1002", "Şule", "Çelik");
    Person("1003", "Ömer", "Şahin");
    Person("1004", "Ilgın", "Aslan");
    Person("1005", "Can", "Demir");
    Demand("2026-0000001", kA, "3000000001", "2512");
    Demand("2026-0000002", kA, "3000000002", "7212");
    Demand("2026-0000003", kB, "3000000003", "2512");
    On("2026-0000001", events::CandidatesSelected{"2026-0000001",
                                                  {{"2026-0000001-1", "1001"}, {"2026-0000001-2", "1002"}},
                                                  "2026-01-15"});
    On("2026-0000001", events::JobApplicationSubmitted{"2026-0000001", "2026-0000001-3", "1003", "2026-01-16"});
    On("2026-0000001", events::CandidateReferred{"2026-0000001", "2026-0000001-4", "1004", "2026-01-17", "9001"});
    On("2026-0000002", events::CandidatesSelected{"2026-0000002", {{"2026-0000002-1", "1005"}}, "2026-01-18"});
    On("2026-0000003", events::CandidatesSelected{"2026-0000003", {{"2026-0000003-1", "1001"}}, "2026-01-15"});
    engine_.CatchUp();
  }

  ReadView View() { return engine_.View(kCandidatesProjection); }

  boost::json::object List(const std::string& employer, const std::string& no, CandidateListCriteria c = {},
                           Page page = {}) {
    auto out = ListCandidates(View(), employer, no, c, page);
    EXPECT_TRUE(out.has_value()) << no;
    return out.value_or(boost::json::object{});
  }
  boost::json::array Report(const std::string& employer, CandidateReportCriteria c) {
    return CandidateReportRows(View(), TestReferenceData(), employer, c);
  }

  static std::vector<std::string> Col(const boost::json::array& rows, const char* key) {
    std::vector<std::string> out;
    for (const auto& r : rows) {
      const auto& v = r.at(key);
      out.push_back(v.is_string() ? std::string(v.as_string()) : "null");
    }
    return out;
  }
  static std::vector<std::string> Col(const boost::json::object& page, const char* key) {
    return Col(page.at("items").as_array(), key);
  }
  static std::vector<std::string> Actions(const boost::json::object& page) {
    std::vector<std::string> out;
    for (const auto& i : page.at("items").as_array()) {
      std::string joined;
      for (const auto& a : i.at("availableActions").as_array()) joined += (joined.empty() ? "" : "+") + std::string(a.as_string());
      out.push_back(joined);
    }
    return out;
  }

  TestStore ts_;
  ProjectionEngine engine_;
};

TEST_F(CandidatesViewTest, TheListIsInTheOrderAddedWithNamesAndActions) {
  Seed();
  const auto page = List(kA, "2026-0000001");
  EXPECT_EQ(page.at("total").to_number<std::int64_t>(), 4);
  EXPECT_THAT(Col(page, "candidateId"),
              ElementsAre("2026-0000001-1", "2026-0000001-2", "2026-0000001-3", "2026-0000001-4"));
  EXPECT_THAT(Col(page, "jobSeekerId"), ElementsAre("1001", "1002", "1003", "1004"));
  EXPECT_THAT(Col(page, "firstName"), ElementsAre("Ayşe", "Şule", "Ömer", "Ilgın"));
  EXPECT_THAT(Col(page, "lastName"), ElementsAre("Yılmaz", "Çelik", "Şahin", "Aslan"));
  EXPECT_THAT(Col(page, "origin"), ElementsAre("selected", "selected", "applied", "referred"));
  EXPECT_THAT(Col(page, "state"), ElementsAre("selected", "selected", "applied", "referred"));
  EXPECT_THAT(Col(page, "interviewDate"), ElementsAre("null", "null", "null", "null"));
  EXPECT_THAT(Actions(page), ElementsAre("invite", "invite", "invite", "invite"));
  // The instants their events were recorded (one a minute from 09:00, the selection the 9th).
  EXPECT_THAT(Col(page, "addedAt"), ElementsAre("2026-01-15T09:09:00.000000Z", "2026-01-15T09:09:00.000000Z",
                                                "2026-01-15T09:10:00.000000Z", "2026-01-15T09:11:00.000000Z"));
}

TEST_F(CandidatesViewTest, FiltersAndPages) {
  Seed();
  Invite("2026-0000001", "2026-0000001-3", "2026-02-01T10:00:00+03:00");
  engine_.CatchUp();
  EXPECT_THAT(Col(List(kA, "2026-0000001", {"selected", ""}), "jobSeekerId"), ElementsAre("1001", "1002"));
  EXPECT_THAT(Col(List(kA, "2026-0000001", {"", "invited"}), "jobSeekerId"), ElementsAre("1003"));
  EXPECT_THAT(Col(List(kA, "2026-0000001", {"applied", "applied"}), "jobSeekerId"), ElementsAre());
  const auto second = List(kA, "2026-0000001", {}, {2, 3});
  EXPECT_THAT(Col(second, "jobSeekerId"), ElementsAre("1004"));
  EXPECT_EQ(second.at("total").to_number<std::int64_t>(), 4);
  EXPECT_EQ(second.at("totalPages").to_number<std::int64_t>(), 2);
}

TEST_F(CandidatesViewTest, AnotherEmployersOrAnUnknownDemandIsNotFound) {
  Seed();
  EXPECT_FALSE(ListCandidates(View(), kB, "2026-0000001", {}, {}).has_value());
  EXPECT_FALSE(ListCandidates(View(), kA, "2026-0000003", {}, {}).has_value());
  EXPECT_FALSE(ListCandidates(View(), kA, "2026-0000099", {}, {}).has_value());
}

TEST_F(CandidatesViewTest, ReInvitationReschedulesAndACorrectedResultHolds) {
  Seed();
  Invite("2026-0000001", "2026-0000001-1", "2026-02-01T10:00:00+03:00");
  Invite("2026-0000001", "2026-0000001-1", "2026-02-03T14:30:00+03:00");  // rescheduled
  Record("2026-0000001", "2026-0000001-1", "didNotAttend", "2026-02-03");
  Record("2026-0000001", "2026-0000001-1", "hired", "2026-02-04", "Başladı");  // corrected
  Invite("2026-0000001", "2026-0000001-2", "2026-02-05T09:00:00+03:00");
  engine_.CatchUp();
  const auto page = List(kA, "2026-0000001");
  EXPECT_THAT(Col(page, "state"), ElementsAre("interviewed", "invited", "applied", "referred"));
  EXPECT_THAT(Col(page, "interviewDate"),
              ElementsAre("2026-02-03T14:30:00+03:00", "2026-02-05T09:00:00+03:00", "null", "null"));
  EXPECT_THAT(Col(page, "interviewAddress"), ElementsAre("Moda Cad. 1, Kadıköy", "Moda Cad. 1, Kadıköy", "null", "null"));
  EXPECT_THAT(Col(page, "interviewResult"), ElementsAre("hired", "null", "null", "null"));
  EXPECT_THAT(Col(page, "interviewNote"), ElementsAre("Başladı", "null", "null", "null"));
  EXPECT_THAT(Actions(page), ElementsAre("recordInterview", "invite+recordInterview", "invite", "invite"));

  // One interview row per candidate on the latest day; one result row on the latest recording.
  const auto interview = Report(kA, {"interview"});
  EXPECT_THAT(Col(interview, "jobSeekerId"), ElementsAre("1001", "1002"));
  EXPECT_THAT(Col(interview, "date"), ElementsAre("2026-02-03", "2026-02-05"));
  EXPECT_THAT(Col(interview, "interviewResult"), ElementsAre("hired", "null"));
  const auto result = Report(kA, {"result"});
  EXPECT_THAT(Col(result, "jobSeekerId"), ElementsAre("1001"));
  EXPECT_THAT(Col(result, "date"), ElementsAre("2026-02-04"));
  EXPECT_THAT(Col(result, "interviewResult"), ElementsAre("hired"));
  EXPECT_THAT(Col(result, "interviewDate"), ElementsAre("2026-02-03T14:30:00+03:00"));
}

TEST_F(CandidatesViewTest, ClosedAndCancelledDemandsListWithoutActions) {
  Seed();
  On("2026-0000001", events::LaborDemandClosed{"2026-0000001", "2026-01-20", "filled", 1, std::nullopt});
  On("2026-0000002", events::LaborDemandCancelled{"2026-0000002", "Vazgeçildi"});
  engine_.CatchUp();
  EXPECT_THAT(Actions(List(kA, "2026-0000001")), ElementsAre("", "", "", ""));
  EXPECT_THAT(Actions(List(kA, "2026-0000002")), ElementsAre(""));
  // Reports cover every status.
  EXPECT_THAT(Col(Report(kA, {"selection"}), "demandNo"), ElementsAre("2026-0000001", "2026-0000001", "2026-0000002"));
}

TEST_F(CandidatesViewTest, ReportRowsCarryTheirDatesAndTheDemand) {
  Seed();
  const auto selection = Report(kA, {"selection"});
  EXPECT_THAT(Col(selection, "jobSeekerId"), ElementsAre("1001", "1002", "1005"));
  EXPECT_THAT(Col(selection, "date"), ElementsAre("2026-01-15", "2026-01-15", "2026-01-18"));
  EXPECT_THAT(Col(selection, "firstName"), ElementsAre("Ayşe", "Şule", "Can"));
  EXPECT_THAT(Col(selection, "occupation"), ElementsAre("2512", "2512", "7212"));
  EXPECT_THAT(Col(selection, "origin"), ElementsAre("selected", "selected", "selected"));
  ASSERT_EQ(selection.size(), 3u);
  const auto& first = selection[0].as_object();
  EXPECT_EQ(first.at("workplaceTitle"), "Anadolu Yazılım A.Ş. Kadıköy Şubesi");
  EXPECT_EQ(first.at("position"), "Yazılım Mühendisi");
  EXPECT_EQ(std::string(first.at("occupationName").as_string()), TestReferenceData().FindOccupation("2512")->title_tr);
  EXPECT_TRUE(first.at("interviewDate").is_null());

  const auto referral = Report(kA, {"referral"});
  EXPECT_THAT(Col(referral, "jobSeekerId"), ElementsAre("1004"));
  EXPECT_THAT(Col(referral, "date"), ElementsAre("2026-01-17"));
  EXPECT_THAT(Col(Report(kB, {"selection"}), "demandNo"), ElementsAre("2026-0000003"));
  EXPECT_TRUE(Report(kA, {"interview"}).empty());
  EXPECT_TRUE(Report(kA, {"result"}).empty());
}

TEST_F(CandidatesViewTest, ReportCriteria) {
  Seed();
  auto nos = [&](CandidateReportCriteria c) { return Col(Report(kA, c), "jobSeekerId"); };
  EXPECT_THAT(nos({"selection", "2026-0000002"}), ElementsAre("1005"));
  EXPECT_THAT(nos({"selection", "", "3000000001"}), ElementsAre("1001", "1002"));
  EXPECT_THAT(nos({"selection", "", "", "72"}), ElementsAre("1005"));  // a sub-group code matches its codes
  EXPECT_THAT(nos({"selection", "", "", "2512"}), ElementsAre("1001", "1002"));
  EXPECT_THAT(nos({"selection", "", "", "", "2026-01-16"}), ElementsAre("1005"));
  EXPECT_THAT(nos({"selection", "", "", "", "", "2026-01-15"}), ElementsAre("1001", "1002"));
  EXPECT_THAT(nos({"selection", "", "", "", "2026-01-16", "2026-01-17"}), ElementsAre());
  // Another employer's demand or workplace: nothing.
  EXPECT_THAT(nos({"selection", "2026-0000003"}), ElementsAre());
  EXPECT_THAT(nos({"selection", "", "3000000003"}), ElementsAre());
  EXPECT_THAT(nos({"bogus"}), ElementsAre());
}

TEST_F(CandidatesViewTest, ADeletedDemandIsGone) {
  Person("1001", "Ayşe", "Yılmaz");
  Demand("2026-0000001", kA, "3000000001", "2512");
  On("2026-0000001", events::CandidatesSelected{"2026-0000001", {{"2026-0000001-1", "1001"}}, "2026-01-15"});
  Invite("2026-0000001", "2026-0000001-1", "2026-02-01T10:00:00+03:00");
  On("2026-0000001", events::LaborDemandDeleted{"2026-0000001"});
  engine_.CatchUp();
  EXPECT_FALSE(ListCandidates(View(), kA, "2026-0000001", {}, {}).has_value());
  EXPECT_TRUE(Report(kA, {"selection"}).empty());
  EXPECT_TRUE(Report(kA, {"interview"}).empty());
  // No row remains behind the marked demand.
  std::size_t rows = 0;
  for (const char* table : {"candidate_rows", "candidate_places", "report_rows"}) {
    View().Scan(table, "", [&](const std::string&, const std::string&) { return ++rows, true; });
  }
  EXPECT_EQ(rows, 0u);
}

TEST_F(CandidatesViewTest, RebuildEqualsIncremental) {
  Seed();
  Invite("2026-0000001", "2026-0000001-1", "2026-02-01T10:00:00+03:00");
  Record("2026-0000001", "2026-0000001-1", "notSuitable", "2026-02-01");
  engine_.CatchUp();
  const auto list = List(kA, "2026-0000001");
  const auto interview = Report(kA, {"interview"});
  const auto selection = Report(kA, {"selection"});
  ASSERT_TRUE(engine_.Rebuild(kCandidatesProjection).ok());
  EXPECT_EQ(List(kA, "2026-0000001"), list);
  EXPECT_EQ(Report(kA, {"interview"}), interview);
  EXPECT_EQ(Report(kA, {"selection"}), selection);
}

}  // namespace
}  // namespace istihdam

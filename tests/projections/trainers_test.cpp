// The trainers read model (projections/trainers.h): the trainer document, the list and its
// filters per owner, courseIds from the course streams' assignment events and
// TrainerOnRunningCourse from the course statuses; a rebuild produces the same rows.
#include "projections/trainers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "aggregates/trainer.h"
#include "events/courses.h"
#include "events/trainers.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::ElementsAre;
using testing::OneStream;
using testing::TestStore;

constexpr const char* kA = "2000000001";
constexpr const char* kB = "2000000002";

class TrainersViewTest : public ::testing::Test {
 protected:
  TrainersViewTest() : engine_(&ts_.db(), &ts_.store(), nullptr) { engine_.Add(MakeTrainersProjector()); }

  void Append(const std::string& stream, NewEvent e) {
    ASSERT_TRUE(ts_.store().Append(OneStream(stream, ExpectedVersion::Any(), {std::move(e)})).ok());
  }
  void Trainer(const std::string& id, const std::string& owner, const std::string& tckn, const std::string& first,
               const std::string& last, const std::string& occupation) {
    Append(TrainerStream(id), events::Encode(events::TrainerRegistered{id, owner, tckn, first, last, occupation,
                                                                       "bachelor", "", ""}));
  }
  template <class E>
  void Course(const std::string& course_id, const E& e) {
    Append("course-" + course_id, events::Encode(e));
  }

  // A: Ayşe Yılmaz (2512), İsmail Öğüt (7212); B: Şule Çelik (2512); agency: Ilgın Aslan (2512).
  void Seed() {
    Trainer("6000000001", kA, "10000000146", "Ayşe", "Yılmaz", "2512");
    Trainer("6000000002", kA, "23456789060", "İsmail", "Öğüt", "7212");
    Trainer("6000000003", kB, "10000000146", "Şule", "Çelik", "2512");
    Trainer("6000000004", kAgencyTrainerOwner, "48908386376", "Ilgın", "Aslan", "2512");
    engine_.CatchUp();
  }

  ReadView View() { return engine_.View(kTrainersProjection); }

  std::vector<std::string> Ids(const TrainerCriteria& c, Page page = {}) {
    std::vector<std::string> out;
    const auto list = ListTrainers(View(), c, page);
    for (const auto& i : list.at("items").as_array()) {
      out.emplace_back(i.at("id").as_string());
    }
    return out;
  }
  std::vector<std::string> CourseIds(const std::string& trainer_id) {
    std::vector<std::string> out;
    const auto doc = FindTrainer(View(), trainer_id);
    EXPECT_TRUE(doc.has_value()) << trainer_id;
    if (!doc) return out;
    for (const auto& c : doc->at("courseIds").as_array()) out.emplace_back(c.as_string());
    return out;
  }

  TestStore ts_;
  ProjectionEngine engine_;
};

TEST_F(TrainersViewTest, TheDocumentHasEveryFieldAndTheStreamVersion) {
  Seed();
  const auto doc = FindTrainer(View(), "6000000001");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->at("id"), "6000000001");
  EXPECT_EQ(doc->at("tckn"), "10000000146");
  EXPECT_EQ(doc->at("firstName"), "Ayşe");
  EXPECT_EQ(doc->at("lastName"), "Yılmaz");
  EXPECT_EQ(doc->at("occupation"), "2512");
  EXPECT_EQ(doc->at("educationLevel"), "bachelor");
  EXPECT_EQ(doc->at("ownerId"), kA);
  EXPECT_TRUE(doc->at("courseIds").as_array().empty());
  EXPECT_EQ(doc->at("version").to_number<std::int64_t>(), 1);
  EXPECT_FALSE(FindTrainer(View(), "6000000099").has_value());
}

TEST_F(TrainersViewTest, UpdatesReplaceTheFieldsAndDeletionRemovesTheTrainer) {
  Seed();
  Append(TrainerStream("6000000001"),
         events::Encode(events::TrainerUpdated{"6000000001", "Ayşe", "Kaya", "2511", "master", "0532 555 00 00", ""}));
  engine_.CatchUp();
  auto doc = FindTrainer(View(), "6000000001");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->at("lastName"), "Kaya");
  EXPECT_EQ(doc->at("occupation"), "2511");
  EXPECT_EQ(doc->at("educationLevel"), "master");
  EXPECT_EQ(doc->at("phone"), "0532 555 00 00");
  EXPECT_EQ(doc->at("version").to_number<std::int64_t>(), 2);
  Append(TrainerStream("6000000001"), events::Encode(events::TrainerDeleted{"6000000001"}));
  engine_.CatchUp();
  EXPECT_FALSE(FindTrainer(View(), "6000000001").has_value());
  EXPECT_THAT(Ids({.owner = kA}), ElementsAre("6000000002"));
  EXPECT_THAT(Ids({}), ElementsAre("6000000002", "6000000003", "6000000004"));
}

TEST_F(TrainersViewTest, ListsFilterByOwnerTcknNameAndOccupation) {
  Seed();
  EXPECT_THAT(Ids({}), ElementsAre("6000000001", "6000000002", "6000000003", "6000000004"));
  EXPECT_THAT(Ids({.owner = kA}), ElementsAre("6000000001", "6000000002"));
  EXPECT_THAT(Ids({.owner = kB}), ElementsAre("6000000003"));
  EXPECT_THAT(Ids({.owner = kAgencyTrainerOwner}), ElementsAre("6000000004"));
  EXPECT_THAT(Ids({.tckn = "10000000146"}), ElementsAre("6000000001", "6000000003"));
  EXPECT_THAT(Ids({.tckn = "10000000146", .owner = kB}), ElementsAre("6000000003"));
  EXPECT_THAT(Ids({.occupation = "2512"}), ElementsAre("6000000001", "6000000003", "6000000004"));
  // Turkish folding: case, dotted/dotless i and marks, across first and last name.
  EXPECT_THAT(Ids({.name = "ISMAIL OGUT"}), ElementsAre("6000000002"));
  EXPECT_THAT(Ids({.name = "şule"}), ElementsAre("6000000003"));
  EXPECT_THAT(Ids({.name = "ilgin"}), ElementsAre("6000000004"));
  EXPECT_THAT(Ids({.name = "yil"}), ElementsAre("6000000001"));
  EXPECT_TRUE(Ids({.name = "zeynep"}).empty());
  // Paging: 2 per page.
  const auto page2 = ListTrainers(View(), {}, {2, 2});
  EXPECT_EQ(page2.at("total").to_number<std::int64_t>(), 4);
  EXPECT_EQ(page2.at("totalPages").to_number<std::int64_t>(), 2);
  EXPECT_THAT(Ids({}, {2, 2}), ElementsAre("6000000003", "6000000004"));
}

TEST_F(TrainersViewTest, CourseAssignmentsMaintainCourseIds) {
  Seed();
  Course("KRS-2026-34-00001", events::TrainerAssignedToCourse{"KRS-2026-34-00001", "6000000001"});
  Course("KRS-2026-34-00002", events::TrainerAssignedToCourse{"KRS-2026-34-00002", "6000000001"});
  Course("KRS-2026-34-00002", events::TrainerAssignedToCourse{"KRS-2026-34-00002", "6000000002"});
  engine_.CatchUp();
  EXPECT_THAT(CourseIds("6000000001"), ElementsAre("KRS-2026-34-00001", "KRS-2026-34-00002"));
  EXPECT_THAT(CourseIds("6000000002"), ElementsAre("KRS-2026-34-00002"));
  EXPECT_TRUE(CourseIds("6000000003").empty());
  Course("KRS-2026-34-00001", events::TrainerUnassignedFromCourse{"KRS-2026-34-00001", "6000000001"});
  engine_.CatchUp();
  EXPECT_THAT(CourseIds("6000000001"), ElementsAre("KRS-2026-34-00002"));
  // The list shows them too.
  const auto page = ListTrainers(View(), {.owner = kA}, {});
  const auto& items = page.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("courseIds").as_array().size(), 1u);
  EXPECT_EQ(items[0].at("courseIds").as_array()[0], "KRS-2026-34-00002");
}

TEST_F(TrainersViewTest, OnlyAnOpenedOrInProgressCourseMakesATrainerRunning) {
  Seed();
  const std::string c1 = "KRS-2026-34-00001", c2 = "KRS-2026-34-00002";
  Course(c1, events::TrainerAssignedToCourse{c1, "6000000001"});
  engine_.CatchUp();
  EXPECT_FALSE(TrainerOnRunningCourse(View(), "6000000001")) << "planned course";
  Course(c1, events::CourseOpened{c1, "9000000001"});
  engine_.CatchUp();
  EXPECT_TRUE(TrainerOnRunningCourse(View(), "6000000001")) << "opened";
  EXPECT_FALSE(TrainerOnRunningCourse(View(), "6000000002")) << "not assigned";
  Course(c1, events::CourseStarted{c1});
  engine_.CatchUp();
  EXPECT_TRUE(TrainerOnRunningCourse(View(), "6000000001")) << "inProgress";
  Course(c1, events::CourseFinished{c1, {}, "2026-04-30"});
  engine_.CatchUp();
  EXPECT_FALSE(TrainerOnRunningCourse(View(), "6000000001")) << "finished";
  // Another running course counts; unassigning from it frees the trainer again.
  Course(c2, events::CourseOpened{c2, "9000000001"});
  Course(c2, events::TrainerAssignedToCourse{c2, "6000000001"});
  engine_.CatchUp();
  EXPECT_TRUE(TrainerOnRunningCourse(View(), "6000000001"));
  Course(c2, events::TrainerUnassignedFromCourse{c2, "6000000001"});
  engine_.CatchUp();
  EXPECT_FALSE(TrainerOnRunningCourse(View(), "6000000001"));
}

TEST_F(TrainersViewTest, ARebuildProducesTheSameRows) {
  Seed();
  const std::string c1 = "KRS-2026-34-00001";
  Course(c1, events::TrainerAssignedToCourse{c1, "6000000002"});
  Course(c1, events::CourseOpened{c1, "9000000001"});
  Append(TrainerStream("6000000003"), events::Encode(events::TrainerDeleted{"6000000003"}));
  engine_.CatchUp();
  const auto before = ListTrainers(View(), {}, {});
  ASSERT_TRUE(engine_.Rebuild(kTrainersProjection).ok());
  EXPECT_EQ(ListTrainers(View(), {}, {}), before);
  EXPECT_TRUE(TrainerOnRunningCourse(View(), "6000000002"));
}

}  // namespace
}  // namespace istihdam

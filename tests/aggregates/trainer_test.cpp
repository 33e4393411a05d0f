// Given-when-then tests of the Trainer aggregate (DOMAIN.md §2.1.4.2, docs/trainers.md):
// registration and its validation, the (owner, TCKN) reservation, updates, deletion and who
// may act on a trainer.
#include "aggregates/trainer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::UnorderedElementsAre;
using testing::TestReferenceData;

constexpr const char* kEmployer = "2000000001";
constexpr const char* kOther = "2000000002";

TrainerFields Fields() { return {"Ayşe", "Yılmaz", "2512", "bachelor", "0532 555 00 00", "ayse@example.com.tr"}; }

RegisterTrainer Registration(const std::string& owner = kEmployer, const std::string& tckn = "10000000146") {
  return {"6000000001", owner, tckn, Fields()};
}

TrainerState Given(const std::vector<events::TrainerEvent>& history) {
  TrainerState s;
  for (const auto& e : history) s = Apply(std::move(s), e);
  return s;
}

TrainerState Registered(const std::string& owner = kEmployer) {
  return Given({*DecideRegisterTrainer({}, Registration(owner), TestReferenceData())});
}

TEST(TrainerStreamTest, IsTrainerDashId) { EXPECT_EQ(TrainerStream("6000000001"), "trainer-6000000001"); }

TEST(RegisterTrainerTest, AValidTrainerIsRegisteredWithEveryField) {
  const auto ev = DecideRegisterTrainer({}, Registration(), TestReferenceData());
  ASSERT_TRUE(ev.ok()) << ev.error().code;
  EXPECT_EQ(ev->trainer_id, "6000000001");
  EXPECT_EQ(ev->owner_id, kEmployer);
  EXPECT_EQ(ev->tckn, "10000000146");
  EXPECT_EQ(ev->first_name, "Ayşe");
  EXPECT_EQ(ev->last_name, "Yılmaz");
  EXPECT_EQ(ev->occupation, "2512");
  EXPECT_EQ(ev->education_level, "bachelor");
  EXPECT_EQ(ev->phone, "0532 555 00 00");
  EXPECT_EQ(ev->email, "ayse@example.com.tr");
  const auto s = Given({*ev});
  EXPECT_TRUE(s.exists);
  EXPECT_FALSE(s.deleted);
  EXPECT_EQ(s.owner_id, kEmployer);
  EXPECT_EQ(s.first_name, "Ayşe");
}

TEST(RegisterTrainerTest, OptionalFieldsMayBeEmpty) {
  auto c = Registration(kAgencyTrainerOwner);
  c.fields.education_level = c.fields.phone = c.fields.email = "";
  const auto ev = DecideRegisterTrainer({}, c, TestReferenceData());
  ASSERT_TRUE(ev.ok()) << ev.error().code;
  EXPECT_EQ(ev->owner_id, "agency");
  EXPECT_EQ(ev->education_level, "");
}

TEST(RegisterTrainerTest, EveryFailingFieldIsNamed) {
  RegisterTrainer c{"6000000001", kEmployer, "10000000147", {"", std::string(101, 'a'), "9999", "phd", "12", "a@b"}};
  const auto ev = DecideRegisterTrainer({}, c, TestReferenceData());
  ASSERT_FALSE(ev.ok());
  EXPECT_EQ(ev.error().code, "validation_failed");
  EXPECT_THAT(ev.error().fields,
              UnorderedElementsAre(FieldError{"tckn", "invalid_checksum"}, FieldError{"firstName", "required"},
                                   FieldError{"lastName", "too_long"}, FieldError{"occupation", "unknown_value"},
                                   FieldError{"educationLevel", "unknown_value"}, FieldError{"phone", "invalid_format"},
                                   FieldError{"email", "invalid_format"}));
}

TEST(RegisterTrainerTest, MissingTcknAndOccupationAreRequired) {
  RegisterTrainer c{"6000000001", kEmployer, "", Fields()};
  c.fields.occupation = "";
  const auto ev = DecideRegisterTrainer({}, c, TestReferenceData());
  ASSERT_FALSE(ev.ok());
  EXPECT_THAT(ev.error().fields,
              UnorderedElementsAre(FieldError{"tckn", "required"}, FieldError{"occupation", "required"}));
}

TEST(RegisterTrainerTest, AnOccupationGroupIsNotAnOccupation) {
  auto c = Registration();
  c.fields.occupation = "25";  // a sub-major group, not a 4-digit unit group
  const auto ev = DecideRegisterTrainer({}, c, TestReferenceData());
  ASSERT_FALSE(ev.ok());
  EXPECT_THAT(ev.error().fields, UnorderedElementsAre(FieldError{"occupation", "unknown_value"}));
}

TEST(RegisterTrainerTest, AHeldReservationRefusesTheSameTcknForTheOwner) {
  TrainerReservation held;
  held = Apply(held, events::TrainerTcknReserved{"6000000001", kEmployer});
  const auto ev = DecideRegisterTrainer(held, Registration(), TestReferenceData());
  ASSERT_FALSE(ev.ok());
  EXPECT_EQ(ev.error().code, "trainer_already_registered");
  EXPECT_THAT(ev.error().fields, UnorderedElementsAre(FieldError{"tckn", "already_registered"}));
}

TEST(RegisterTrainerTest, AReleasedReservationAdmitsTheTcknAgain) {
  TrainerReservation r;
  r = Apply(r, events::TrainerTcknReserved{"6000000001", kEmployer});
  r = Apply(r, events::TrainerTcknReleased{"6000000001"});
  EXPECT_EQ(r.holder, "");
  auto c = Registration();
  c.trainer_id = "6000000002";
  const auto ev = DecideRegisterTrainer(r, c, TestReferenceData());
  ASSERT_TRUE(ev.ok()) << ev.error().code;
  r = Apply(r, events::TrainerTcknReserved{"6000000002", kEmployer});
  EXPECT_EQ(r.holder, "6000000002");
  // A stale release (of an earlier holder) does not free the new holder's reservation.
  r = Apply(r, events::TrainerTcknReleased{"6000000001"});
  EXPECT_EQ(r.holder, "6000000002");
}

TEST(UpdateTrainerTest, TheOwnerChangesTheEditableFields) {
  auto f = Fields();
  f.last_name = "Kaya";
  f.occupation = "2511";
  f.phone = "";
  const auto evs = DecideUpdateTrainer(Registered(), {kEmployer, f}, TestReferenceData());
  ASSERT_TRUE(evs.ok()) << evs.error().code;
  ASSERT_EQ(evs->size(), 1u);
  const auto s = Given({*DecideRegisterTrainer({}, Registration(), TestReferenceData()), evs->front()});
  EXPECT_EQ(s.last_name, "Kaya");
  EXPECT_EQ(s.occupation, "2511");
  EXPECT_EQ(s.phone, "");
  EXPECT_EQ(s.tckn, "10000000146");
  EXPECT_EQ(s.owner_id, kEmployer);
}

TEST(UpdateTrainerTest, NothingChangedAppendsNothing) {
  const auto evs = DecideUpdateTrainer(Registered(), {kEmployer, Fields()}, TestReferenceData());
  ASSERT_TRUE(evs.ok());
  EXPECT_TRUE(evs->empty());
}

TEST(UpdateTrainerTest, AnotherEmployerGetsNotFoundTheAgencyMayAct) {
  auto f = Fields();
  f.first_name = "Ayşegül";
  const auto other = DecideUpdateTrainer(Registered(), {kOther, f}, TestReferenceData());
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, "trainer_not_found");
  const auto agency = DecideUpdateTrainer(Registered(), {kAgencyTrainerOwner, f}, TestReferenceData());
  ASSERT_TRUE(agency.ok()) << agency.error().code;
  EXPECT_EQ(agency->size(), 1u);
  // The agency's own trainers are not the employer's.
  const auto employer = DecideUpdateTrainer(Registered(kAgencyTrainerOwner), {kEmployer, f}, TestReferenceData());
  ASSERT_FALSE(employer.ok());
  EXPECT_EQ(employer.error().code, "trainer_not_found");
}

TEST(UpdateTrainerTest, NotFoundComesBeforeValidation) {
  TrainerFields bad{"", "", "", "", "", ""};
  const auto unknown = DecideUpdateTrainer(TrainerState{}, {kEmployer, bad}, TestReferenceData());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "trainer_not_found");
  const auto invalid = DecideUpdateTrainer(Registered(), {kEmployer, bad}, TestReferenceData());
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, "validation_failed");
  EXPECT_THAT(invalid.error().fields,
              UnorderedElementsAre(FieldError{"firstName", "required"}, FieldError{"lastName", "required"},
                                   FieldError{"occupation", "required"}));
}

TEST(DeleteTrainerTest, DeletedTrainersAreGoneForEveryone) {
  const auto ev = DecideDeleteTrainer(Registered(), {kEmployer, false});
  ASSERT_TRUE(ev.ok()) << ev.error().code;
  EXPECT_EQ(ev->trainer_id, "6000000001");
  const auto s = Given({*DecideRegisterTrainer({}, Registration(), TestReferenceData()), *ev});
  EXPECT_TRUE(s.deleted);
  EXPECT_FALSE(TrainerVisibleTo(s, kEmployer));
  EXPECT_FALSE(TrainerVisibleTo(s, kAgencyTrainerOwner));
  const auto again = DecideDeleteTrainer(s, {kAgencyTrainerOwner, false});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "trainer_not_found");
}

TEST(DeleteTrainerTest, ATrainerOfARunningCourseStays) {
  const auto ev = DecideDeleteTrainer(Registered(), {kEmployer, true});
  ASSERT_FALSE(ev.ok());
  EXPECT_EQ(ev.error().code, "trainer_assigned");
  // Another employer learns nothing about it: 404 first.
  const auto other = DecideDeleteTrainer(Registered(), {kOther, true});
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, "trainer_not_found");
}

}  // namespace
}  // namespace istihdam

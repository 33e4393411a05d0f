// Given-when-then tests of the Workplace aggregate's update wizard (EMP-2).
#include "aggregates/workplace.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::TestReferenceData;

events::WorkplaceInfo RegisteredInfo() {
  events::WorkplaceInfo info;
  info.district = "Kadıköy";
  info.address = "Caferağa Mah. Moda Cad. No: 1";
  info.postal_code = "34710";
  info.phone = "0216 555 12 34";
  info.email = "info@ornek.com.tr";
  info.activity = "Yazılım geliştirme";
  info.contacts = {{"mobile", "0532 123 45 67"}, {"web", "https://ornek.com.tr"}};
  info.related_persons = {{"Ayşe Yılmaz", "İK Müdürü", "0216 555 12 35", "ayse@ornek.com.tr"}};
  info.other_info = "";
  return info;
}

// Given: a headquarters in İstanbul registered by employer-1.
WorkplaceState Given() {
  WorkplaceState s;
  s = Apply(s, events::WorkplaceRegistered{"workplace-1", "employer-1", "employer-1", "Örnek A.Ş.",
                                           "52064080866666660146574000", "4540536920", "34",
                                           "headquarters", "", RegisteredInfo()});
  return s;
}

Result<std::vector<events::WorkplaceEvent>> When(const WorkplaceState& s,
                                                 const std::string& employer_id,
                                                 const events::WorkplaceInfo& info) {
  return DecideUpdateWorkplace(s, UpdateWorkplaceInfo{employer_id, info}, TestReferenceData());
}

TEST(DecideUpdateWorkplaceTest, AnotherEmployersWorkplaceIsNotFound) {
  auto r = When(Given(), "employer-2", RegisteredInfo());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "workplace_not_found");
}

TEST(DecideUpdateWorkplaceTest, MissingWorkplaceIsNotFound) {
  auto r = When(WorkplaceState{}, "employer-1", RegisteredInfo());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "workplace_not_found");
}

TEST(DecideUpdateWorkplaceTest, UnchangedDraftYieldsNoEvent) {
  auto r = When(Given(), "employer-1", RegisteredInfo());
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_THAT(*r, IsEmpty());
}

TEST(DecideUpdateWorkplaceTest, ChangedAddressYieldsInfoUpdatedWithTheAddressSection) {
  auto info = RegisteredInfo();
  info.address = "Caferağa Mah. Moda Cad. No: 3";
  auto r = When(Given(), "employer-1", info);
  ASSERT_TRUE(r.ok()) << r.error().code;
  ASSERT_EQ(r->size(), 1u);
  const auto* u = std::get_if<events::WorkplaceInfoUpdated>(&r->front());
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->workplace_id, "workplace-1");
  EXPECT_EQ(u->info, info);
  EXPECT_THAT(u->changed_sections, ElementsAre("address"));
}

TEST(DecideUpdateWorkplaceTest, EachSectionIsNamedWhenItChanges) {
  auto info = RegisteredInfo();
  info.activity = "Danışmanlık";
  info.contacts.push_back({"fax", "0216 555 12 36"});
  info.related_persons.clear();
  info.other_info = "Cumartesi kapalı";
  auto r = When(Given(), "employer-1", info);
  ASSERT_TRUE(r.ok()) << r.error().code;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_THAT(std::get<events::WorkplaceInfoUpdated>(r->front()).changed_sections,
              ElementsAre("generalInfo", "contacts", "relatedPersons", "otherInfo"));
}

TEST(DecideUpdateWorkplaceTest, AppliedUpdateBecomesTheNewBaseline) {
  auto info = RegisteredInfo();
  info.postal_code = "34711";
  auto first = When(Given(), "employer-1", info);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  const WorkplaceState s = Apply(Given(), first->front());
  EXPECT_EQ(s.info, info);
  auto again = When(s, "employer-1", info);
  ASSERT_TRUE(again.ok());
  EXPECT_THAT(*again, IsEmpty());
}

TEST(DecideUpdateWorkplaceTest, InvalidContactEmailNamesTheContactValue) {
  auto info = RegisteredInfo();
  info.contacts = {{"email", "ornek.com.tr"}};
  auto r = When(Given(), "employer-1", info);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "validation_failed");
  EXPECT_THAT(r.error().fields, ElementsAre(FieldError{"contacts[0].value", "invalid_format"}));
}

TEST(DecideUpdateWorkplaceTest, UnknownDistrictNamesTheDistrict) {
  auto info = RegisteredInfo();
  info.district = "Çankaya";  // Ankara's, not İstanbul's
  auto r = When(Given(), "employer-1", info);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "validation_failed");
  EXPECT_THAT(r.error().fields, ElementsAre(FieldError{"district", "unknown_value"}));
}

TEST(DecideUpdateWorkplaceTest, RelatedPersonNeedsAName) {
  auto info = RegisteredInfo();
  info.related_persons[0].name = "";
  auto r = When(Given(), "employer-1", info);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().fields, ElementsAre(FieldError{"relatedPersons[0].name", "required"}));
}

}  // namespace
}  // namespace istihdam

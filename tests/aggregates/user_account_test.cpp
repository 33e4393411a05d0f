// The UserAccount aggregate as login uses it (AUTH-4): which firms a user may act for and
// which one a login opens.
#include "aggregates/user_account.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::IsEmpty;

UserAccountState AdminOf(const std::vector<std::string>& employers) {
  UserAccountState s;
  s = Apply(s, events::UserAccountRegistered{"user-1", "10000000146", "Ayşe", "Yılmaz",
                                             "ayse@ornek.com.tr", "", "email", "?"});
  for (const auto& e : employers) s = Apply(s, events::EmployerPrimaryAdminAssigned{"user-1", e});
  return s;
}

TEST(PermittedFirmsTest, PrimaryAdminOfEachAssignedEmployer) {
  const auto firms = PermittedFirms(AdminOf({"employer-1", "employer-2"}));
  ASSERT_EQ(firms.size(), 2u);
  EXPECT_EQ(firms[0].employer_id, "employer-1");
  EXPECT_EQ(firms[0].actor_type, "EmployerPrimaryAdmin");
  EXPECT_TRUE(firms[0].admin);
  EXPECT_EQ(firms[1].employer_id, "employer-2");
  EXPECT_EQ(firms[1].actor_type, "EmployerPrimaryAdmin");
  EXPECT_TRUE(firms[1].admin);
}

TEST(PermittedFirmsTest, NoneForAUserWithoutAssignments) {
  const auto s = AdminOf({});
  EXPECT_TRUE(s.exists);
  EXPECT_EQ(s.user_id, "user-1");
  EXPECT_THAT(PermittedFirms(s), IsEmpty());
}

TEST(ChooseFirmTest, TheOnlyFirmIsChosenWhenNoneIsRequested) {
  auto r = ChooseFirm(AdminOf({"employer-1"}), "");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ((*r)->employer_id, "employer-1");
  EXPECT_EQ((*r)->actor_type, "EmployerPrimaryAdmin");
}

TEST(ChooseFirmTest, RequestedPermittedFirmIsChosen) {
  auto r = ChooseFirm(AdminOf({"employer-1", "employer-2"}), "employer-2");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ((*r)->employer_id, "employer-2");
}

TEST(ChooseFirmTest, RequestedFirmNotPermittedIsRefused) {
  auto r = ChooseFirm(AdminOf({"employer-1"}), "employer-9");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "firm_not_permitted");

  auto none = ChooseFirm(AdminOf({}), "employer-1");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "firm_not_permitted");
}

TEST(ChooseFirmTest, TwoFirmsAndNoRequestLeaveTheChoiceToTheUser) {
  auto r = ChooseFirm(AdminOf({"employer-1", "employer-2"}), "");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

TEST(ChooseFirmTest, NoFirmAndNoRequestChoosesNothing) {
  auto r = ChooseFirm(AdminOf({}), "");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

}  // namespace
}  // namespace istihdam

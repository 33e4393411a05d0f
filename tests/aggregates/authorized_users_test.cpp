// Given-when-then tests of role management (ROLE-1..7, DOMAIN.md §2.1.7) on the Employer
// aggregate: creating and updating authorized users, the exact events of one "Kaydet", and who
// may act for the firm on a given day (MembershipOf, ROLE-E1/E2) and which firm a login opens.
#include "aggregates/authorized_users.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "aggregates/permissions.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;
using testing::kT0;
using testing::TestReferenceData;

template <class E>
std::string J(const E& e) {
  return boost::json::serialize(events::ToJson(e));
}
template <class Variant>
std::string AsJson(const Variant& v) {
  return std::visit([](const auto& e) { return J(e); }, v);
}
template <class Variant>
std::vector<std::string> AllJson(const std::vector<Variant>& vs) {
  std::vector<std::string> out;
  for (const auto& v : vs) out.push_back(AsJson(v));
  return out;
}

const std::string kEmp = "2000000001";
const std::string kPrimary = "4000000001";
const std::string kUser = "4000000002";

std::vector<std::string> AllPermissions() { return {permissions::kAll.begin(), permissions::kAll.end()}; }

// ---- given ----

events::EmployerRegistered Registered() {
  return events::EmployerRegistered{kEmp, kEmp, "legalEntity", "Örnek Yazılım A.Ş.", "Kadıköy", "4540536920",
                                    "private", "34", "Kadıköy", "Caferağa Mah.", "0216 555 12 34",
                                    "info@ornek.com.tr", kPrimary, "2026-01", "2026-01-15T09:00:00.000000Z"};
}
events::AuthorizedUserCreated Created(const std::string& user = kUser) {
  return events::AuthorizedUserCreated{kEmp, user, "17291716060", "Mehmet", "Öztürk"};
}

EmployerState Given(const std::vector<events::EmployerEvent>& evs) {
  EmployerState s;
  for (const auto& e : evs) s = Apply(std::move(s), e);
  return s;
}

// The employer with one authorized user (no roles yet).
std::vector<events::EmployerEvent> WithUser() { return {Registered(), Created()}; }

// The user with LABOR_DEMAND and QUOTA_STATUS, closing date 2026-06-30, unlocked.
std::vector<events::EmployerEvent> WithRoles() {
  auto evs = WithUser();
  evs.push_back(events::PermissionsChanged{kEmp, kUser, {"LABOR_DEMAND", "QUOTA_STATUS"}, {},
                                           {"LABOR_DEMAND", "QUOTA_STATUS"}});
  evs.push_back(events::AccountClosingDateSet{kEmp, kUser, "2026-06-30"});
  return evs;
}

UpdateAuthorizedUser Page(const EmployerState& s, const std::string& user = kUser) {
  const auto& u = s.users.at(user);
  return UpdateAuthorizedUser{user, u.admin, u.permissions, u.closing_date, u.locked};
}

std::vector<std::string> Update(const EmployerState& s, const UpdateAuthorizedUser& c) {
  auto r = DecideUpdateAuthorizedUser(s, c);
  EXPECT_TRUE(r.ok()) << r.error().code;
  return r.ok() ? AllJson(*r) : std::vector<std::string>{};
}

Error UpdateError(const EmployerState& s, const UpdateAuthorizedUser& c) {
  auto r = DecideUpdateAuthorizedUser(s, c);
  EXPECT_FALSE(r.ok()) << "expected a refusal";
  return r.ok() ? Error{} : r.error();
}

// ---- Apply of the role events ----

TEST(EmployerRolesApplyTest, TheRepresentativeIsThePrimaryAdmin) {
  const auto s = Given({Registered()});
  ASSERT_EQ(s.users.size(), 1u);
  const auto& u = s.users.at(kPrimary);
  EXPECT_EQ(u.user_id, kPrimary);
  EXPECT_TRUE(u.primary_admin);
  EXPECT_TRUE(u.admin);
  EXPECT_EQ(s.primary_admin_user_id, kPrimary);
}

TEST(EmployerRolesApplyTest, ANewAuthorizedUserHasNoRoles) {
  const auto s = Given(WithUser());
  ASSERT_EQ(s.users.count(kUser), 1u);
  AuthorizedUser expected;
  expected.user_id = kUser;
  expected.tckn = "17291716060";
  expected.first_name = "Mehmet";
  expected.last_name = "Öztürk";
  EXPECT_EQ(s.users.at(kUser), expected);
}

TEST(EmployerRolesApplyTest, RoleEventsChangeTheUser) {
  auto s = Given(WithRoles());
  EXPECT_THAT(s.users.at(kUser).permissions, ElementsAre("LABOR_DEMAND", "QUOTA_STATUS"));
  EXPECT_EQ(s.users.at(kUser).closing_date, "2026-06-30");
  s = Apply(std::move(s), events::AdminRoleGranted{kEmp, kUser});
  EXPECT_TRUE(s.users.at(kUser).admin);
  s = Apply(std::move(s), events::AdminRoleRevoked{kEmp, kUser});
  EXPECT_FALSE(s.users.at(kUser).admin);
  s = Apply(std::move(s), events::AuthorizedUserLocked{kEmp, kUser});
  EXPECT_TRUE(s.users.at(kUser).locked);
  s = Apply(std::move(s), events::AuthorizedUserUnlocked{kEmp, kUser});
  EXPECT_FALSE(s.users.at(kUser).locked);
  s = Apply(std::move(s), events::AccountClosingDateCleared{kEmp, kUser});
  EXPECT_EQ(s.users.at(kUser).closing_date, "");
  s = Apply(std::move(s), events::PermissionsChanged{kEmp, kUser, {}, {"LABOR_DEMAND"}, {"QUOTA_STATUS"}});
  EXPECT_THAT(s.users.at(kUser).permissions, ElementsAre("QUOTA_STATUS"));
  EXPECT_TRUE(s.users.at(kPrimary).primary_admin) << "the primary admin is untouched";
}

// ---- DecideCreateAuthorizedUser ----

TEST(DecideCreateAuthorizedUserTest, ARegisteredIndividualIsAddedWithoutRoles) {
  auto r = DecideCreateAuthorizedUser(Given({Registered()}), {kUser, "17291716060", "Mehmet", "Öztürk"});
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_THAT(AllJson(*r), ElementsAre(J(Created())));
}

TEST(DecideCreateAuthorizedUserTest, AnExistingUserIsAlreadyAuthorized) {
  auto r = DecideCreateAuthorizedUser(Given(WithUser()), {kUser, "17291716060", "Mehmet", "Öztürk"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "already_authorized");
  EXPECT_THAT(r.error().fields, ElementsAre(FieldError{"tckn", "already_registered"}));
  // The primary admin cannot be added as an authorized user of its own firm either.
  auto self = DecideCreateAuthorizedUser(Given({Registered()}), {kPrimary, "10000000146", "Ayşe", "Yılmaz"});
  ASSERT_FALSE(self.ok());
  EXPECT_EQ(self.error().code, "already_authorized");
}

TEST(DecideCreateAuthorizedUserTest, UnknownEmployerIsRefused) {
  auto r = DecideCreateAuthorizedUser(EmployerState{}, {kUser, "17291716060", "Mehmet", "Öztürk"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "employer_not_found");
}

// ---- DecideUpdateAuthorizedUser: refusals ----

TEST(DecideUpdateAuthorizedUserTest, ThePrimaryAdminsRolesAreImmutable) {
  const auto s = Given(WithUser());
  EXPECT_EQ(UpdateError(s, {kPrimary, false, {}, "", false}).code, "primary_admin_immutable");
  EXPECT_EQ(UpdateError(s, {kPrimary, true, {}, "", true}).code, "primary_admin_immutable");
  EXPECT_EQ(UpdateError(s, {kPrimary, true, {}, "2026-01-01", false}).code, "primary_admin_immutable");
  // Even a save that would change nothing.
  EXPECT_EQ(UpdateError(s, Page(s, kPrimary)).code, "primary_admin_immutable");
}

TEST(DecideUpdateAuthorizedUserTest, UnknownUserIsNotFound) {
  EXPECT_EQ(UpdateError(Given(WithUser()), {"4000000099", false, {}, "", false}).code, "user_not_found");
  EXPECT_EQ(UpdateError(EmployerState{}, {kUser, false, {}, "", false}).code, "user_not_found");
}

TEST(DecideUpdateAuthorizedUserTest, UnknownPermissionsAreNamedByIndex) {
  const auto s = Given(WithUser());
  const auto e = UpdateError(s, {kUser, false, {"LABOR_DEMAND", "COFFEE", "QUOTA_STATUS", "ADMIN"}, "", false});
  EXPECT_EQ(e.code, "validation_failed");
  EXPECT_THAT(e.fields, ElementsAre(FieldError{"permissions[1]", "unknown_value"},
                                    FieldError{"permissions[3]", "unknown_value"}))
      << "ADMIN is not a checkbox: it is the admin flag";
  EXPECT_EQ(UpdateError(s, {kUser, false, {"labor_demand"}, "", false}).fields,
            (std::vector<FieldError>{{"permissions[0]", "unknown_value"}}))
      << "names are exact";
}

TEST(DecideUpdateAuthorizedUserTest, MalformedClosingDateIsRefused) {
  const auto s = Given(WithUser());
  for (const char* bad : {"30.06.2026", "2026-02-30", "2026-6-30", "tomorrow"}) {
    const auto e = UpdateError(s, {kUser, false, {}, bad, false});
    EXPECT_EQ(e.code, "validation_failed") << bad;
    EXPECT_THAT(e.fields, ElementsAre(FieldError{"accountClosingDate", "invalid_format"})) << bad;
  }
  const auto both = UpdateError(s, {kUser, false, {"NOPE"}, "2026-13-01", false});
  EXPECT_THAT(both.fields, UnorderedElementsAre(FieldError{"permissions[0]", "unknown_value"},
                                                FieldError{"accountClosingDate", "invalid_format"}));
}

TEST(DecideUpdateAuthorizedUserTest, ARefusedSaveChangesNothing) {
  // One bad field and the whole page is refused: no partial events.
  const auto s = Given(WithUser());
  auto r = DecideUpdateAuthorizedUser(s, {kUser, true, {"LABOR_DEMAND", "NOPE"}, "2026-06-30", true});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "validation_failed");
}

// ---- DecideUpdateAuthorizedUser: the exact events ----

TEST(DecideUpdateAuthorizedUserTest, NothingChangedNothingEmitted) {
  const auto s = Given(WithRoles());
  EXPECT_THAT(Update(s, Page(s)), IsEmpty());
  // The same set in another order, or with a duplicate, is no change.
  EXPECT_THAT(Update(s, {kUser, false, {"QUOTA_STATUS", "LABOR_DEMAND", "QUOTA_STATUS"}, "2026-06-30", false}),
              IsEmpty());
  const auto fresh = Given(WithUser());
  EXPECT_THAT(Update(fresh, {kUser, false, {}, "", false}), IsEmpty());
}

TEST(DecideUpdateAuthorizedUserTest, GrantingAndRevokingAdmin) {
  auto s = Given(WithUser());
  EXPECT_THAT(Update(s, {kUser, true, {}, "", false}), ElementsAre(J(events::AdminRoleGranted{kEmp, kUser})));
  s = Apply(std::move(s), events::AdminRoleGranted{kEmp, kUser});
  EXPECT_THAT(Update(s, {kUser, false, {}, "", false}), ElementsAre(J(events::AdminRoleRevoked{kEmp, kUser})));
  EXPECT_THAT(Update(s, {kUser, true, {}, "", false}), IsEmpty());
}

TEST(DecideUpdateAuthorizedUserTest, PermissionsChangedListsAddedRemovedAndTheWholeSet) {
  const auto s = Given(WithRoles());  // LABOR_DEMAND, QUOTA_STATUS
  EXPECT_THAT(Update(s, {kUser, false, {"TYP", "QUOTA_STATUS", "COURSES"}, "2026-06-30", false}),
              ElementsAre(J(events::PermissionsChanged{kEmp, kUser, {"COURSES", "TYP"}, {"LABOR_DEMAND"},
                                                       {"COURSES", "QUOTA_STATUS", "TYP"}})));
  EXPECT_THAT(Update(s, {kUser, false, {}, "2026-06-30", false}),
              ElementsAre(J(events::PermissionsChanged{kEmp, kUser, {}, {"LABOR_DEMAND", "QUOTA_STATUS"}, {}})));
  const auto fresh = Given(WithUser());
  EXPECT_THAT(Update(fresh, {kUser, false, {"WORKFORCE_SCHEDULE"}, "", false}),
              ElementsAre(J(events::PermissionsChanged{kEmp, kUser, {"WORKFORCE_SCHEDULE"}, {},
                                                       {"WORKFORCE_SCHEDULE"}})));
}

TEST(DecideUpdateAuthorizedUserTest, EveryCataloguePermissionCanBeGranted) {
  const auto s = Given(WithUser());
  auto r = DecideUpdateAuthorizedUser(s, {kUser, false, AllPermissions(), "", false});
  ASSERT_TRUE(r.ok()) << r.error().code;
  ASSERT_EQ(r->size(), 1u);
  const auto& pc = std::get<events::PermissionsChanged>((*r)[0]);
  EXPECT_EQ(pc.permissions.size(), permissions::kAll.size());
  EXPECT_EQ(pc.added, pc.permissions);
  EXPECT_THAT(pc.removed, IsEmpty());
}

TEST(DecideUpdateAuthorizedUserTest, ClosingDateSetChangedAndCleared) {
  const auto fresh = Given(WithUser());
  EXPECT_THAT(Update(fresh, {kUser, false, {}, "2026-03-31", false}),
              ElementsAre(J(events::AccountClosingDateSet{kEmp, kUser, "2026-03-31"})));
  const auto s = Given(WithRoles());  // closing 2026-06-30
  EXPECT_THAT(Update(s, {kUser, false, {"LABOR_DEMAND", "QUOTA_STATUS"}, "2026-07-01", false}),
              ElementsAre(J(events::AccountClosingDateSet{kEmp, kUser, "2026-07-01"})));
  EXPECT_THAT(Update(s, {kUser, false, {"LABOR_DEMAND", "QUOTA_STATUS"}, "", false}),
              ElementsAre(J(events::AccountClosingDateCleared{kEmp, kUser})));
}

TEST(DecideUpdateAuthorizedUserTest, LockingAndUnlocking) {
  auto s = Given(WithUser());
  EXPECT_THAT(Update(s, {kUser, false, {}, "", true}), ElementsAre(J(events::AuthorizedUserLocked{kEmp, kUser})));
  s = Apply(std::move(s), events::AuthorizedUserLocked{kEmp, kUser});
  EXPECT_THAT(Update(s, {kUser, false, {}, "", false}), ElementsAre(J(events::AuthorizedUserUnlocked{kEmp, kUser})));
}

TEST(DecideUpdateAuthorizedUserTest, OneSaveEmitsEveryChangeInPageOrder) {
  const auto s = Given(WithRoles());
  EXPECT_THAT(Update(s, {kUser, true, {"LABOR_DEMAND"}, "", true}),
              ElementsAre(J(events::AdminRoleGranted{kEmp, kUser}),
                          J(events::PermissionsChanged{kEmp, kUser, {}, {"QUOTA_STATUS"}, {"LABOR_DEMAND"}}),
                          J(events::AccountClosingDateCleared{kEmp, kUser}),
                          J(events::AuthorizedUserLocked{kEmp, kUser})));
}

TEST(DecideUpdateAuthorizedUserTest, TheDecidedEventsApplyToThePageAsSaved) {
  auto s = Given(WithRoles());
  const UpdateAuthorizedUser page{kUser, true, {"TYP", "COURSES"}, "2027-01-31", true};
  auto r = DecideUpdateAuthorizedUser(s, page);
  ASSERT_TRUE(r.ok());
  for (const auto& e : *r) s = Apply(std::move(s), e);
  const auto& u = s.users.at(kUser);
  EXPECT_TRUE(u.admin);
  EXPECT_THAT(u.permissions, ElementsAre("COURSES", "TYP"));
  EXPECT_EQ(u.closing_date, "2027-01-31");
  EXPECT_TRUE(u.locked);
  EXPECT_THAT(Update(s, page), IsEmpty()) << "saving the same page again changes nothing";
}

// ---- MembershipOf ----

TEST(MembershipOfTest, NotAUserOfTheEmployerHasNone) {
  EXPECT_FALSE(MembershipOf(Given(WithUser()), "4000000099", "2026-01-15").has_value());
  EXPECT_FALSE(MembershipOf(EmployerState{}, kUser, "2026-01-15").has_value());
}

TEST(MembershipOfTest, AuthorizedUserHoldsOnlyTheCheckedPermissions) {
  const auto m = MembershipOf(Given(WithRoles()), kUser, "2026-01-15");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->employer_id, kEmp);
  EXPECT_EQ(m->actor_type, "EmployerAuthorizedUser");
  EXPECT_FALSE(m->admin);
  EXPECT_THAT(m->permissions, ElementsAre("LABOR_DEMAND", "QUOTA_STATUS"));
  const auto none = MembershipOf(Given(WithUser()), kUser, "2026-01-15");
  ASSERT_TRUE(none.has_value()) << "no permissions is still a member (it can log in)";
  EXPECT_THAT(none->permissions, IsEmpty());
}

TEST(MembershipOfTest, AdminHoldsEveryPermission) {
  auto evs = WithRoles();
  evs.push_back(events::AdminRoleGranted{kEmp, kUser});
  const auto m = MembershipOf(Given(evs), kUser, "2026-01-15");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->actor_type, "EmployerAdmin");
  EXPECT_TRUE(m->admin);
  EXPECT_THAT(m->permissions, ElementsAreArray(AllPermissions()));
}

TEST(MembershipOfTest, LockedUserHasNone) {
  auto evs = WithRoles();
  evs.push_back(events::AuthorizedUserLocked{kEmp, kUser});
  EXPECT_FALSE(MembershipOf(Given(evs), kUser, "2026-01-15").has_value());
  evs.push_back(events::AdminRoleGranted{kEmp, kUser});
  EXPECT_FALSE(MembershipOf(Given(evs), kUser, "2026-01-15").has_value()) << "a locked admin is locked too";
  evs.push_back(events::AuthorizedUserUnlocked{kEmp, kUser});
  EXPECT_TRUE(MembershipOf(Given(evs), kUser, "2026-01-15").has_value());
}

TEST(MembershipOfTest, TheClosingDateIsTheLastValidDay) {
  const auto s = Given(WithRoles());  // closing 2026-06-30
  EXPECT_TRUE(MembershipOf(s, kUser, "2026-06-29").has_value());
  EXPECT_TRUE(MembershipOf(s, kUser, "2026-06-30").has_value()) << "the date itself is still valid (OP-41)";
  EXPECT_FALSE(MembershipOf(s, kUser, "2026-07-01").has_value());
  EXPECT_FALSE(MembershipOf(s, kUser, "2027-01-01").has_value());
}

TEST(MembershipOfTest, ClosingDateAcrossAYearBoundary) {
  auto evs = WithUser();
  evs.push_back(events::AccountClosingDateSet{kEmp, kUser, "2025-12-31"});
  const auto s = Given(evs);
  EXPECT_TRUE(MembershipOf(s, kUser, "2025-12-31").has_value());
  EXPECT_FALSE(MembershipOf(s, kUser, "2026-01-01").has_value());
}

TEST(MembershipOfTest, ClearingTheClosingDateRestoresAccess) {
  auto evs = WithRoles();
  evs.push_back(events::AccountClosingDateCleared{kEmp, kUser});
  EXPECT_TRUE(MembershipOf(Given(evs), kUser, "2030-01-01").has_value());
}

TEST(MembershipOfTest, PrimaryAdminIsAlwaysActiveWithEveryPermission) {
  auto evs = WithUser();
  // Even if such events were in the stream (the decision refuses them), they do not apply.
  evs.push_back(events::AuthorizedUserLocked{kEmp, kPrimary});
  evs.push_back(events::AccountClosingDateSet{kEmp, kPrimary, "2020-01-01"});
  evs.push_back(events::AdminRoleRevoked{kEmp, kPrimary});
  for (const auto& s : {Given({Registered()}), Given(evs)}) {
    const auto m = MembershipOf(s, kPrimary, "2026-01-15");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->employer_id, kEmp);
    EXPECT_EQ(m->actor_type, "EmployerPrimaryAdmin");
    EXPECT_TRUE(m->admin);
    EXPECT_THAT(m->permissions, ElementsAreArray(AllPermissions()));
  }
}

// ---- ChooseFirm ----

FirmMembership Firm(const std::string& id) { return FirmMembership{id, "EmployerAuthorizedUser", false, {"TYP"}}; }

TEST(ChooseFirmTest, TheOnlyFirmIsChosenWhenNoneIsRequested) {
  auto r = ChooseFirm({Firm("2000000001")}, "");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ((*r)->employer_id, "2000000001");
  EXPECT_EQ((*r)->actor_type, "EmployerAuthorizedUser");
  EXPECT_THAT((*r)->permissions, ElementsAre("TYP"));
}

TEST(ChooseFirmTest, RequestedPermittedFirmIsChosen) {
  auto r = ChooseFirm({Firm("2000000001"), Firm("2000000002")}, "2000000002");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ((*r)->employer_id, "2000000002");
  auto only = ChooseFirm({Firm("2000000001")}, "2000000001");
  ASSERT_TRUE(only.ok());
  ASSERT_TRUE(only->has_value());
  EXPECT_EQ((*only)->employer_id, "2000000001");
}

TEST(ChooseFirmTest, RequestedFirmNotPermittedIsRefused) {
  auto r = ChooseFirm({Firm("2000000001")}, "2000000009");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "firm_not_permitted");
  auto none = ChooseFirm({}, "2000000001");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "firm_not_permitted");
}

TEST(ChooseFirmTest, TwoFirmsAndNoRequestLeaveTheChoiceToTheUser) {
  auto r = ChooseFirm({Firm("2000000001"), Firm("2000000002")}, "");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

TEST(ChooseFirmTest, NoFirmAndNoRequestChoosesNothing) {
  auto r = ChooseFirm({}, "");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

// ---- registration by a person who already has an account ----

RegisterEmployer ExistingUserRegistration() {
  RegisterEmployer c;
  c.terms_accepted = true;
  c.kind = "naturalPerson";
  c.title = "Mehmet Öztürk Ticaret";
  c.tax_no = "17291716060";
  c.sector = "private";
  c.province = "34";
  c.district = "Kadıköy";
  c.address = "Caferağa Mah. Moda Cad. No: 1";
  c.phone = "0216 555 12 34";
  c.representative.tckn = "17291716060";
  c.representative.first_name = "Mehmet";
  c.representative.last_name = "Öztürk";
  c.representative.password = "x";  // checked against the account by the handler, not the policy
  c.now = kT0;
  c.employer_id = c.iskur_no = "2000000002";
  c.workplace_id = "3000000002";
  c.user_id = kUser;
  c.existing_user = true;
  return c;
}

TEST(RegistrationWithExistingUserTest, NoNewAccountOnlyThePrimaryAdminLink) {
  auto r = DecideRegistration(ExistingUserRegistration(), TestReferenceData(), RegistrationPolicy{"2026-01", 8});
  ASSERT_TRUE(r.ok()) << r.error().code << (r.ok() || r.error().fields.empty() ? "" : " " + r.error().fields[0].field);
  EXPECT_THAT(AllJson(r->user), ElementsAre(J(events::EmployerPrimaryAdminAssigned{kUser, "2000000002"})));
  ASSERT_FALSE(r->employer.empty());
  const auto s = Given(r->employer);
  const auto m = MembershipOf(s, kUser, "2026-01-15");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->actor_type, "EmployerPrimaryAdmin");
}

TEST(RegistrationWithExistingUserTest, TheRepresentativesPasswordIsStillRequired) {
  auto c = ExistingUserRegistration();
  c.representative.password = "";
  auto r = DecideRegistration(c, TestReferenceData(), RegistrationPolicy{"2026-01", 8});
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().fields, ElementsAre(FieldError{"representative.password", "required"}));
}

}  // namespace
}  // namespace istihdam

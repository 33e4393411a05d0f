// Given-when-then tests of the UserAccount aggregate (DOMAIN.md §2.0): the lockout window,
// individual user registration, the password reset decisions (AUTH-5..7) and how the account
// events fold into state. No storage, no clock: time is an argument.
#include "aggregates/user_account.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;
using testing::kT0;

constexpr Micros kMinute = 60'000'000;
const LockoutPolicy kPolicy{5, 15 * kMinute};
constexpr std::size_t kMinPassword = 8;

template <class E>
std::string J(const E& e) {
  return boost::json::serialize(events::ToJson(e));
}
template <class Variant>
std::string AsJson(const Variant& v) {
  return std::visit([](const auto& e) { return J(e); }, v);
}

// ---- given ----

events::UserAccountRegistered Registered(const std::string& preferred = "email", const std::string& email = "ayse@ornek.com.tr",
                                         const std::string& mobile = "0532 123 45 67") {
  return events::UserAccountRegistered{"user-1", "10000000146", "Ayşe", "Yılmaz", email, mobile,
                                       preferred, "İlk öğretmeninizin adı?", "1980-04-12"};
}

UserAccountState Given(const std::vector<events::UserAccountEvent>& evs) {
  UserAccountState s;
  for (const auto& e : evs) s = Apply(std::move(s), e);
  return s;
}

// A user with a reset "r1" started at kT0 that expires 30 minutes later.
const Micros kResetExpires = kT0 + 30 * kMinute;
std::vector<events::UserAccountEvent> WithReset() {
  return {Registered(), events::PasswordResetStarted{"user-1", "r1", kResetExpires}};
}
std::vector<events::UserAccountEvent> WithVerifiedReset() {
  auto evs = WithReset();
  evs.push_back(events::SecretAnswerVerified{"user-1", "r1"});
  return evs;
}

RegisterIndividual ValidIndividual() {
  RegisterIndividual c;
  c.user_id = "user-4000000001";
  c.tckn = "10000000146";
  c.first_name = "Ayşe";
  c.last_name = "Yılmaz";
  c.birth_date = "1980-04-12";
  c.password = "correct horse battery";
  c.password_repeat = "correct horse battery";
  c.secret_question = "İlk öğretmeninizin adı?";
  c.secret_answer = "Nermin";
  c.email = "ayse@ornek.com.tr";
  c.mobile = "0532 123 45 67";
  c.preferred_contact = "email";
  c.today = "2026-01-15";
  return c;
}

std::vector<FieldError> FieldsOf(const RegisterIndividual& c) {
  auto r = DecideRegisterIndividual(c, kMinPassword);
  EXPECT_FALSE(r.ok()) << "expected a refusal";
  if (r.ok()) return {};
  EXPECT_EQ(r.error().code, "validation_failed");
  return r.error().fields;
}

// ---- IsLockedOut ----

TEST(IsLockedOutTest, FiveFailuresInsideTheWindowLock) {
  const std::vector<Micros> f(5, kT0);
  EXPECT_TRUE(IsLockedOut(f, kT0, kPolicy));
  EXPECT_TRUE(IsLockedOut(f, kT0 + 15 * kMinute - 1, kPolicy)) << "the last microsecond inside the window";
}

TEST(IsLockedOutTest, AFailureExactlyOneWindowOldHasLeftTheWindow) {
  const std::vector<Micros> f(5, kT0);
  EXPECT_FALSE(IsLockedOut(f, kT0 + 15 * kMinute, kPolicy));
  EXPECT_FALSE(IsLockedOut(f, kT0 + 16 * kMinute, kPolicy));
}

TEST(IsLockedOutTest, TheLockLiftsWhenTheOldestFailureLeaves) {
  // Failures one minute apart: the fifth is at kT0+4min, the oldest at kT0.
  std::vector<Micros> f;
  for (int i = 0; i < 5; ++i) f.push_back(kT0 + i * kMinute);
  EXPECT_TRUE(IsLockedOut(f, kT0 + 4 * kMinute, kPolicy));
  EXPECT_TRUE(IsLockedOut(f, kT0 + 15 * kMinute - 1, kPolicy));
  EXPECT_FALSE(IsLockedOut(f, kT0 + 15 * kMinute, kPolicy)) << "only four are left in the window";
}

TEST(IsLockedOutTest, FourFailuresDoNotLock) {
  EXPECT_FALSE(IsLockedOut(std::vector<Micros>(4, kT0), kT0, kPolicy));
  EXPECT_FALSE(IsLockedOut({}, kT0, kPolicy));
}

TEST(IsLockedOutTest, OldFailuresDoNotAddUp) {
  std::vector<Micros> f(4, kT0);
  f.push_back(kT0 - 15 * kMinute);  // one window before: out
  EXPECT_FALSE(IsLockedOut(f, kT0, kPolicy));
}

TEST(IsLockedOutTest, ThePolicyIsConfigurable) {
  const LockoutPolicy three{3, 1 * kMinute};
  const std::vector<Micros> f(3, kT0);
  EXPECT_TRUE(IsLockedOut(f, kT0 + kMinute - 1, three));
  EXPECT_FALSE(IsLockedOut(f, kT0 + kMinute, three));
}

// ---- DecideRegisterIndividual ----

TEST(DecideRegisterIndividualTest, ValidRegistrationYieldsTheAccountEvent) {
  auto r = DecideRegisterIndividual(ValidIndividual(), kMinPassword);
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(J(*r), J(events::UserAccountRegistered{"user-4000000001", "10000000146", "Ayşe", "Yılmaz",
                                                   "ayse@ornek.com.tr", "0532 123 45 67", "email",
                                                   "İlk öğretmeninizin adı?", "1980-04-12"}));
  const auto json = J(*r);
  EXPECT_EQ(json.find("Nermin"), std::string::npos) << "the secret answer is never in an event";
  EXPECT_EQ(json.find("correct horse"), std::string::npos) << "the password is never in an event";
}

TEST(DecideRegisterIndividualTest, BirthDateMustBeARealDateInTheIsoFormat) {
  for (const char* bad : {"12.04.1980", "1980-4-12", "1980-13-01", "1981-02-29", "19800412", "1980-04-12T00:00"}) {
    auto c = ValidIndividual();
    c.birth_date = bad;
    EXPECT_THAT(FieldsOf(c), ElementsAre(FieldError{"birthDate", "invalid_format"})) << bad;
  }
  auto c = ValidIndividual();
  c.birth_date = "";
  EXPECT_THAT(FieldsOf(c), ElementsAre(FieldError{"birthDate", "required"}));
}

TEST(DecideRegisterIndividualTest, BirthDateCannotBeInTheFutureButTodayIsAccepted) {
  auto c = ValidIndividual();
  c.birth_date = "2026-01-16";
  EXPECT_THAT(FieldsOf(c), ElementsAre(FieldError{"birthDate", "in_future"}));
  c.birth_date = "2026-01-15";
  EXPECT_TRUE(DecideRegisterIndividual(c, kMinPassword).ok());
  c.birth_date = "1980-02-29";  // a real leap day
  EXPECT_TRUE(DecideRegisterIndividual(c, kMinPassword).ok());
}

TEST(DecideRegisterIndividualTest, PasswordPolicy) {
  auto c = ValidIndividual();
  c.password = c.password_repeat = "1234567";  // one short of the minimum
  EXPECT_THAT(FieldsOf(c), ElementsAre(FieldError{"password", "too_short"}));
  c.password = c.password_repeat = "12345678";  // exactly the minimum
  EXPECT_TRUE(DecideRegisterIndividual(c, kMinPassword).ok());
  c.password = c.password_repeat = std::string(129, 'x');
  EXPECT_THAT(FieldsOf(c), ElementsAre(FieldError{"password", "too_long"}));
  c.password = c.password_repeat = std::string(128, 'x');
  EXPECT_TRUE(DecideRegisterIndividual(c, kMinPassword).ok());
  c.password = c.password_repeat = "";
  EXPECT_THAT(FieldsOf(c), ElementsAre(FieldError{"password", "required"}));
  // The minimum comes from configuration.
  c.password = c.password_repeat = "12345678";
  auto longer = DecideRegisterIndividual(c, 12);
  ASSERT_FALSE(longer.ok());
  EXPECT_THAT(longer.error().fields, ElementsAre(FieldError{"password", "too_short"}));
}

TEST(DecideRegisterIndividualTest, PasswordRepeatMustMatchWhenGiven) {
  auto c = ValidIndividual();
  c.password_repeat = "correct horse battery!";
  EXPECT_THAT(FieldsOf(c), ElementsAre(FieldError{"passwordRepeat", "mismatch"}));
  c.password_repeat = "";  // the API may omit the repeat (the screen checks it)
  EXPECT_TRUE(DecideRegisterIndividual(c, kMinPassword).ok());
}

TEST(DecideRegisterIndividualTest, PreferredContactMustBeKnownAndItsChannelGiven) {
  auto c = ValidIndividual();
  c.preferred_contact = "fax";
  EXPECT_THAT(FieldsOf(c), ElementsAre(FieldError{"preferredContact", "unknown_value"}));
  c.preferred_contact = "";
  EXPECT_THAT(FieldsOf(c), ElementsAre(FieldError{"preferredContact", "required"}));
  c.preferred_contact = "email";
  c.email = "";
  EXPECT_THAT(FieldsOf(c), ElementsAre(FieldError{"email", "required"}));
  c = ValidIndividual();
  c.preferred_contact = "sms";
  c.mobile = "";
  EXPECT_THAT(FieldsOf(c), ElementsAre(FieldError{"mobile", "required"}));
  c.mobile = "0532 123 45 67";
  c.email = "";
  EXPECT_TRUE(DecideRegisterIndividual(c, kMinPassword).ok()) << "sms needs only the mobile";
  c.preferred_contact = "postalAddress";
  EXPECT_TRUE(DecideRegisterIndividual(c, kMinPassword).ok());
}

TEST(DecideRegisterIndividualTest, ContactFormatsAreChecked) {
  auto c = ValidIndividual();
  c.email = "ayse@ornek";
  c.mobile = "0532";
  EXPECT_THAT(FieldsOf(c), UnorderedElementsAre(FieldError{"email", "invalid_format"},
                                                FieldError{"mobile", "invalid_format"}));
}

TEST(DecideRegisterIndividualTest, EveryFailingFieldIsNamedAtOnce) {
  RegisterIndividual c;
  c.user_id = "user-1";
  c.today = "2026-01-15";
  EXPECT_THAT(FieldsOf(c), UnorderedElementsAre(FieldError{"tckn", "required"}, FieldError{"firstName", "required"},
                                                FieldError{"lastName", "required"}, FieldError{"birthDate", "required"},
                                                FieldError{"password", "required"},
                                                FieldError{"secretQuestion", "required"},
                                                FieldError{"secretAnswer", "required"},
                                                FieldError{"preferredContact", "required"}));
  c = ValidIndividual();
  c.tckn = "10000000147";
  c.first_name = std::string(101, 'a');
  EXPECT_THAT(FieldsOf(c), UnorderedElementsAre(FieldError{"tckn", "invalid_checksum"},
                                                FieldError{"firstName", "too_long"}));
}

// ---- ContactInfoComplete ----

TEST(ContactInfoCompleteTest, ThePreferredChannelMustBeKnown) {
  EXPECT_TRUE(ContactInfoComplete(Given({Registered("email", "a@b.com.tr", "")})));
  EXPECT_FALSE(ContactInfoComplete(Given({Registered("email", "", "0532 123 45 67")})));
  EXPECT_TRUE(ContactInfoComplete(Given({Registered("sms", "", "0532 123 45 67")})));
  EXPECT_FALSE(ContactInfoComplete(Given({Registered("sms", "a@b.com.tr", "")})));
  EXPECT_TRUE(ContactInfoComplete(Given({Registered("postalAddress", "a@b.com.tr", "")})));
  EXPECT_FALSE(ContactInfoComplete(Given({Registered("postalAddress", "", "")})));
  EXPECT_FALSE(ContactInfoComplete(Given({Registered("", "a@b.com.tr", "0532 123 45 67")})));
}

// ---- DecideAnswer ----

TEST(DecideAnswerTest, RightAnswerVerifiesTheReset) {
  auto r = DecideAnswer(Given(WithReset()), "r1", true, kT0 + kMinute, kPolicy);
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(AsJson(*r), J(events::SecretAnswerVerified{"user-1", "r1"}));
}

TEST(DecideAnswerTest, WrongAnswerIsRecordedWithItsTime) {
  auto r = DecideAnswer(Given(WithReset()), "r1", false, kT0 + kMinute, kPolicy);
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(AsJson(*r), J(events::SecretAnswerRejected{"user-1", "r1", kT0 + kMinute}));
}

TEST(DecideAnswerTest, UnknownResetIsInvalid) {
  auto r = DecideAnswer(Given(WithReset()), "r2", true, kT0, kPolicy);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "reset_invalid");
  auto none = DecideAnswer(Given({Registered()}), "r1", true, kT0, kPolicy);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "reset_invalid");
}

TEST(DecideAnswerTest, ResetExpiresAtItsExpiryInstant) {
  EXPECT_TRUE(DecideAnswer(Given(WithReset()), "r1", true, kResetExpires - 1, kPolicy).ok());
  auto r = DecideAnswer(Given(WithReset()), "r1", true, kResetExpires, kPolicy);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "reset_invalid");
}

TEST(DecideAnswerTest, CompletedResetCannotBeAnsweredAgain) {
  auto evs = WithVerifiedReset();
  evs.push_back(events::PasswordChanged{"user-1", "reset", "r1"});
  auto r = DecideAnswer(Given(evs), "r1", true, kT0 + kMinute, kPolicy);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "reset_invalid");
}

TEST(DecideAnswerTest, LockedOutAccountIsRefusedEvenWithTheRightAnswer) {
  auto evs = WithReset();
  for (int i = 0; i < 5; ++i) evs.push_back(events::SecretAnswerRejected{"user-1", "r1", kT0 + i});
  const auto s = Given(evs);
  auto r = DecideAnswer(s, "r1", true, kT0 + kMinute, kPolicy);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "too_many_attempts");
  // Wrong passwords count toward the same lockout.
  auto logins = WithReset();
  for (int i = 0; i < 5; ++i) logins.push_back(events::LoginFailed{"user-1", "wrongPassword", kT0 + i});
  auto l = DecideAnswer(Given(logins), "r1", true, kT0 + kMinute, kPolicy);
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.error().code, "too_many_attempts");
  // After the window the answer is accepted again (the reset itself is still valid).
  auto later = WithReset();
  later[1] = events::PasswordResetStarted{"user-1", "r1", kT0 + 60 * kMinute};
  for (int i = 0; i < 5; ++i) later.push_back(events::SecretAnswerRejected{"user-1", "r1", kT0});
  EXPECT_TRUE(DecideAnswer(Given(later), "r1", true, kT0 + 15 * kMinute, kPolicy).ok());
}

TEST(DecideAnswerTest, FourWrongAnswersStillAllowAFifthTry) {
  auto evs = WithReset();
  for (int i = 0; i < 4; ++i) evs.push_back(events::SecretAnswerRejected{"user-1", "r1", kT0 + i});
  EXPECT_TRUE(DecideAnswer(Given(evs), "r1", true, kT0 + kMinute, kPolicy).ok());
}

// ---- DecideCompleteContact ----

TEST(DecideCompleteContactTest, VerifiedResetRecordsTheContactInfo) {
  auto r = DecideCompleteContact(Given(WithVerifiedReset()), "r1", "yeni@ornek.com.tr", "", "email", kT0 + kMinute);
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(J(*r), J(events::UserContactInfoCompleted{"user-1", "yeni@ornek.com.tr", "", "email"}));
}

TEST(DecideCompleteContactTest, AnswerMustBeVerifiedFirst) {
  auto r = DecideCompleteContact(Given(WithReset()), "r1", "yeni@ornek.com.tr", "", "email", kT0 + kMinute);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "answer_not_verified");
}

TEST(DecideCompleteContactTest, ExpiredOrUnknownResetIsInvalid) {
  auto expired = DecideCompleteContact(Given(WithVerifiedReset()), "r1", "a@b.com.tr", "", "email", kResetExpires);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().code, "reset_invalid");
  auto unknown = DecideCompleteContact(Given(WithVerifiedReset()), "r9", "a@b.com.tr", "", "email", kT0);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "reset_invalid");
}

TEST(DecideCompleteContactTest, ThePreferredChannelIsRequired) {
  const auto s = Given(WithVerifiedReset());
  auto sms = DecideCompleteContact(s, "r1", "a@b.com.tr", "", "sms", kT0);
  ASSERT_FALSE(sms.ok());
  EXPECT_EQ(sms.error().code, "validation_failed");
  EXPECT_THAT(sms.error().fields, ElementsAre(FieldError{"mobile", "required"}));
  auto email = DecideCompleteContact(s, "r1", "", "0532 123 45 67", "email", kT0);
  ASSERT_FALSE(email.ok());
  EXPECT_THAT(email.error().fields, ElementsAre(FieldError{"email", "required"}));
  auto post = DecideCompleteContact(s, "r1", "", "", "postalAddress", kT0);
  ASSERT_FALSE(post.ok());
  EXPECT_THAT(post.error().fields, ElementsAre(FieldError{"email", "required"}));
  auto none = DecideCompleteContact(s, "r1", "a@b.com.tr", "", "", kT0);
  ASSERT_FALSE(none.ok());
  EXPECT_THAT(none.error().fields, ElementsAre(FieldError{"preferredContact", "required"}));
  auto bad = DecideCompleteContact(s, "r1", "a@b", "12", "pigeon", kT0);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.error().fields,
              UnorderedElementsAre(FieldError{"email", "invalid_format"}, FieldError{"mobile", "invalid_format"},
                                   FieldError{"preferredContact", "unknown_value"}));
}

// ---- DecideSetPassword ----

TEST(DecideSetPasswordTest, VerifiedResetWithCompleteContactChangesThePassword) {
  auto r = DecideSetPassword(Given(WithVerifiedReset()), "r1", "yeni sifre 123", "yeni sifre 123", kMinPassword,
                             kT0 + kMinute);
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(J(*r), J(events::PasswordChanged{"user-1", "reset", "r1"}));
  EXPECT_EQ(J(*r).find("yeni sifre"), std::string::npos) << "the password is never in an event";
}

TEST(DecideSetPasswordTest, ExpiredResetIsInvalid) {
  EXPECT_TRUE(DecideSetPassword(Given(WithVerifiedReset()), "r1", "yeni sifre 123", "yeni sifre 123", kMinPassword,
                                kResetExpires - 1)
                  .ok());
  auto r = DecideSetPassword(Given(WithVerifiedReset()), "r1", "yeni sifre 123", "yeni sifre 123", kMinPassword,
                             kResetExpires);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "reset_invalid");
}

TEST(DecideSetPasswordTest, AResetIsUsedOnlyOnce) {
  auto evs = WithVerifiedReset();
  evs.push_back(events::PasswordChanged{"user-1", "reset", "r1"});
  auto r = DecideSetPassword(Given(evs), "r1", "baska sifre 456", "baska sifre 456", kMinPassword, kT0 + kMinute);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "reset_invalid");
}

TEST(DecideSetPasswordTest, AnswerMustBeVerified) {
  auto r = DecideSetPassword(Given(WithReset()), "r1", "yeni sifre 123", "yeni sifre 123", kMinPassword, kT0);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "answer_not_verified");
  // A verified answer on another reset does not count for this one.
  auto evs = WithReset();
  evs.push_back(events::PasswordResetStarted{"user-1", "r2", kResetExpires});
  evs.push_back(events::SecretAnswerVerified{"user-1", "r2"});
  auto other = DecideSetPassword(Given(evs), "r1", "yeni sifre 123", "yeni sifre 123", kMinPassword, kT0);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, "answer_not_verified");
}

TEST(DecideSetPasswordTest, IncompleteContactInfoMustBeCompletedFirst) {
  // An account whose preferred channel is unknown (e.g. registered before it was required).
  std::vector<events::UserAccountEvent> evs{Registered("sms", "a@b.com.tr", ""),
                                            events::PasswordResetStarted{"user-1", "r1", kResetExpires},
                                            events::SecretAnswerVerified{"user-1", "r1"}};
  auto r = DecideSetPassword(Given(evs), "r1", "yeni sifre 123", "yeni sifre 123", kMinPassword, kT0);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "contact_info_required");
  evs.push_back(events::UserContactInfoCompleted{"user-1", "a@b.com.tr", "0532 123 45 67", "sms"});
  EXPECT_TRUE(DecideSetPassword(Given(evs), "r1", "yeni sifre 123", "yeni sifre 123", kMinPassword, kT0).ok());
}

TEST(DecideSetPasswordTest, NewPasswordAndRepeatMustMatch) {
  auto r = DecideSetPassword(Given(WithVerifiedReset()), "r1", "yeni sifre 123", "yeni sifre 124", kMinPassword, kT0);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "validation_failed");
  EXPECT_THAT(r.error().fields, ElementsAre(FieldError{"newPasswordRepeat", "mismatch"}));
  auto empty_repeat = DecideSetPassword(Given(WithVerifiedReset()), "r1", "yeni sifre 123", "", kMinPassword, kT0);
  ASSERT_FALSE(empty_repeat.ok()) << "the repeat is required when setting a new password";
  EXPECT_THAT(empty_repeat.error().fields, ElementsAre(FieldError{"newPasswordRepeat", "mismatch"}));
}

TEST(DecideSetPasswordTest, NewPasswordFollowsThePolicy) {
  const auto s = Given(WithVerifiedReset());
  auto short_pw = DecideSetPassword(s, "r1", "1234567", "1234567", kMinPassword, kT0);
  ASSERT_FALSE(short_pw.ok());
  EXPECT_THAT(short_pw.error().fields, ElementsAre(FieldError{"newPassword", "too_short"}));
  auto empty = DecideSetPassword(s, "r1", "", "", kMinPassword, kT0);
  ASSERT_FALSE(empty.ok());
  EXPECT_THAT(empty.error().fields, ElementsAre(FieldError{"newPassword", "required"}));
  const std::string long_pw(129, 'x');
  auto too_long = DecideSetPassword(s, "r1", long_pw, long_pw, kMinPassword, kT0);
  ASSERT_FALSE(too_long.ok());
  EXPECT_THAT(too_long.error().fields, ElementsAre(FieldError{"newPassword", "too_long"}));
}

// ---- Apply ----

TEST(UserAccountApplyTest, RegistrationFillsTheAccount) {
  const auto s = Given({Registered()});
  EXPECT_TRUE(s.exists);
  EXPECT_EQ(s.user_id, "user-1");
  EXPECT_EQ(s.tckn, "10000000146");
  EXPECT_EQ(s.first_name, "Ayşe");
  EXPECT_EQ(s.last_name, "Yılmaz");
  EXPECT_EQ(s.birth_date, "1980-04-12");
  EXPECT_EQ(s.email, "ayse@ornek.com.tr");
  EXPECT_EQ(s.mobile, "0532 123 45 67");
  EXPECT_EQ(s.preferred_contact, "email");
  EXPECT_EQ(s.secret_question, "İlk öğretmeninizin adı?");
  EXPECT_THAT(s.employers, IsEmpty());
  EXPECT_THAT(s.failures, IsEmpty());
  EXPECT_TRUE(s.resets.empty());
}

TEST(UserAccountApplyTest, EmployerLinksAreKeptOnceInOrder) {
  const auto s = Given({Registered(), events::EmployerPrimaryAdminAssigned{"user-1", "2000000001"},
                        events::EmployerMembershipGranted{"user-1", "2000000002"},
                        events::EmployerMembershipGranted{"user-1", "2000000001"}});
  EXPECT_THAT(s.employers, ElementsAre("2000000001", "2000000002"));
}

TEST(UserAccountApplyTest, OnlyWrongPasswordsAndWrongAnswersCountAsFailures) {
  const auto s = Given({Registered(), events::LoginFailed{"user-1", "wrongPassword", kT0},
                        events::LoginFailed{"user-1", "firmNotPermitted", kT0 + 1},
                        events::LoginFailed{"user-1", "lockedOut", kT0 + 2},
                        events::PasswordResetStarted{"user-1", "r1", kResetExpires},
                        events::SecretAnswerRejected{"user-1", "r1", kT0 + 3},
                        events::UserLoggedIn{"user-1", "2000000001", "abcd", "2026-01-15T17:00:00.000000Z", "", "", ""}});
  EXPECT_THAT(s.failures, ElementsAre(kT0, kT0 + 3));
}

TEST(UserAccountApplyTest, FailuresKeepOnlyTheLatest64) {
  std::vector<events::UserAccountEvent> evs{Registered()};
  for (int i = 0; i < 70; ++i) evs.push_back(events::LoginFailed{"user-1", "wrongPassword", kT0 + i});
  const auto s = Given(evs);
  ASSERT_EQ(s.failures.size(), 64u);
  EXPECT_EQ(s.failures.front(), kT0 + 6);
  EXPECT_EQ(s.failures.back(), kT0 + 69);
}

TEST(UserAccountApplyTest, ResetEventsMoveTheResetThroughItsSteps) {
  auto s = Given(WithReset());
  ASSERT_EQ(s.resets.count("r1"), 1u);
  EXPECT_EQ(s.resets.at("r1").expires_at, kResetExpires);
  EXPECT_FALSE(s.resets.at("r1").answer_verified);
  EXPECT_FALSE(s.resets.at("r1").completed);

  s = Apply(std::move(s), events::SecretAnswerRejected{"user-1", "r1", kT0 + 5});
  EXPECT_FALSE(s.resets.at("r1").answer_verified);
  EXPECT_THAT(s.failures, ElementsAre(kT0 + 5));

  s = Apply(std::move(s), events::SecretAnswerVerified{"user-1", "r1"});
  EXPECT_TRUE(s.resets.at("r1").answer_verified);
  EXPECT_FALSE(s.resets.at("r1").completed);

  s = Apply(std::move(s), events::UserContactInfoCompleted{"user-1", "yeni@ornek.com.tr", "0555 111 22 33", "sms"});
  EXPECT_EQ(s.email, "yeni@ornek.com.tr");
  EXPECT_EQ(s.mobile, "0555 111 22 33");
  EXPECT_EQ(s.preferred_contact, "sms");

  s = Apply(std::move(s), events::PasswordChanged{"user-1", "reset", "r1"});
  EXPECT_TRUE(s.resets.at("r1").completed);
  EXPECT_THAT(s.failures, IsEmpty()) << "a successful reset lifts the lockout";
  EXPECT_EQ(s.resets.at("r1").expires_at, kResetExpires);
}

TEST(UserAccountApplyTest, ResetsAreKeptApart) {
  const auto s = Given({Registered(), events::PasswordResetStarted{"user-1", "r1", kResetExpires},
                        events::PasswordResetStarted{"user-1", "r2", kResetExpires + 1},
                        events::SecretAnswerVerified{"user-1", "r2"}});
  ASSERT_EQ(s.resets.size(), 2u);
  EXPECT_FALSE(s.resets.at("r1").answer_verified);
  EXPECT_TRUE(s.resets.at("r2").answer_verified);
  EXPECT_EQ(s.resets.at("r2").expires_at, kResetExpires + 1);
}

TEST(UserAccountApplyTest, ResetFlowEndToEndThroughTheDecisions) {
  // The decisions' events, applied in turn, lead to a used-up reset.
  auto s = Given(WithReset());
  auto answered = DecideAnswer(s, "r1", true, kT0 + 1, kPolicy);
  ASSERT_TRUE(answered.ok());
  s = Apply(std::move(s), *answered);
  auto contact = DecideCompleteContact(s, "r1", "yeni@ornek.com.tr", "", "email", kT0 + 2);
  ASSERT_TRUE(contact.ok());
  s = Apply(std::move(s), events::UserAccountEvent(*contact));
  auto changed = DecideSetPassword(s, "r1", "yeni sifre 123", "yeni sifre 123", kMinPassword, kT0 + 3);
  ASSERT_TRUE(changed.ok());
  s = Apply(std::move(s), events::UserAccountEvent(*changed));
  auto again = DecideSetPassword(s, "r1", "yeni sifre 123", "yeni sifre 123", kMinPassword, kT0 + 4);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "reset_invalid");
}

TEST(StaffApplyTest, CreationAndWrongPasswords) {
  StaffState s;
  s = Apply(std::move(s), events::StaffEvent(events::StaffUserCreated{"9000000001", "10000000146", "unit", "06"}));
  s = Apply(std::move(s), events::StaffEvent(events::LoginFailed{"9000000001", "wrongPassword", kT0}));
  s = Apply(std::move(s), events::StaffEvent(events::LoginFailed{"9000000001", "lockedOut", kT0 + 1}));
  EXPECT_TRUE(s.exists);
  EXPECT_EQ(s.staff_id, "9000000001");
  EXPECT_EQ(s.role, "unit");
  EXPECT_EQ(s.province, "06");
  EXPECT_THAT(s.failures, ElementsAre(kT0));
}

}  // namespace
}  // namespace istihdam

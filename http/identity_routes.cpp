// Individual registration, logout, password reset and agency staff (DOMAIN.md §1, §2.0).
#include <array>
#include <type_traits>

#include "aggregates/permissions.h"
#include "commands/individuals.h"
#include "commands/login.h"
#include "commands/password_reset.h"
#include "commands/staff.h"
#include "http/app.h"
#include "http/endpoint.h"

namespace istihdam::http {

namespace {

using wire::F;

constexpr const char* kContactMethods[] = {"email", "sms", "postalAddress"};

// The role names of POST /api/v1/staff ("auditor", "unit", "headOffice").
constexpr auto kStaffRoleNames = [] {
  std::array<const char*, kStaffRoles.size()> out{};
  for (std::size_t i = 0; i < kStaffRoles.size(); ++i) out[i] = kStaffRoles[i].role_name.data();
  return out;
}();


struct NewIndividual {
  RegisterIndividual c;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", c.tckn).requiredByCommand(), F("firstName", c.first_name).requiredByCommand(),
       F("lastName", c.last_name).requiredByCommand(), F("birthDate", c.birth_date).formatted("date").requiredByCommand(),
       F("password", c.password).requiredByCommand(), F("passwordRepeat", c.password_repeat),
       F("secretQuestion", c.secret_question).requiredByCommand(),
       F("secretAnswer", c.secret_answer).requiredByCommand(), F("email", c.email), F("mobile", c.mobile),
       F("preferredContact", c.preferred_contact).oneOf(kContactMethods).requiredByCommand());
  }
};

struct IndividualRegistered {
  std::string id, individual_id;
  std::uint64_t version = 0, position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("individualId", individual_id), F("version", version), F("position", position));
  }
};

struct LoggedOut {
  bool logged_out = false;
  std::uint64_t position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("loggedOut", logged_out), F("position", position));
  }
};

struct ResetStart {
  std::string tckn;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn).requiredByCommand());
  }
};

// The same shape for every TCKN, registered or not (no position).
struct ResetStarted {
  std::string reset_id, expires_at, secret_question;
  template <class A>
  void serialize(A& ar) {
    ar(F("resetId", reset_id), F("expiresAt", expires_at).formatted("date-time"), F("secretQuestion", secret_question));
  }
};

struct SecretAnswer {
  std::string reset_id, answer;
  template <class A>
  void serialize(A& ar) {
    ar(F("resetId", reset_id).requiredByCommand(), F("answer", answer).requiredByCommand());
  }
};

struct ContactInfo {
  std::string reset_id, email, mobile, preferred_contact;
  template <class A>
  void serialize(A& ar) {
    ar(F("resetId", reset_id).requiredByCommand(), F("email", email), F("mobile", mobile),
       F("preferredContact", preferred_contact).oneOf(kContactMethods).requiredByCommand());
  }
};

struct ContactInfoState {
  bool contact_info_complete = false;
  std::uint64_t position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("contactInfoComplete", contact_info_complete), F("position", position));
  }
};

struct NewPassword {
  std::string reset_id, new_password, new_password_repeat;
  template <class A>
  void serialize(A& ar) {
    ar(F("resetId", reset_id).requiredByCommand(), F("newPassword", new_password).requiredByCommand(),
       F("newPasswordRepeat", new_password_repeat).requiredByCommand());
  }
};

struct PasswordChanged {
  bool password_changed = false;
  std::uint64_t position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("passwordChanged", password_changed), F("position", position));
  }
};

struct NewStaffUser {
  CreateStaffUser c;
  template <class A>
  void serialize(A& ar) {
    ar(F("role", c.role).oneOf(kStaffRoleNames).requiredByCommand(),
       F("province", c.province).from(wire::lists::kProvinces).describe("unit users: the province of their unit"),
       F("tckn", c.tckn).requiredByCommand(), F("password", c.password).requiredByCommand());
  }
};

}  // namespace

void AddIdentityRoutes(App& app, Router& router) {
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/individuals", .access = Access::kPublic, .idempotent = true,
      .rate_limited = true,
      .summary = "Register an individual user (identity checked with KPS); a TCKN registers once", .tag = "identity",
      .status = 201,
      .handle = [&app](RequestContext& c, const NewIndividual& b) -> Result<IndividualRegistered> {
        return AnswerFrom<IndividualRegistered>(HandleRegisterIndividual(app.services(), c.env, b.c));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/auth/logout", .access = Access::kAnyUser, .summary = "Revoke the bearer token",
      .tag = "auth",
      .handle = [&app](RequestContext& c) -> Result<LoggedOut> {
        return AnswerFrom<LoggedOut>(HandleLogout(app.services(), c.env, *c.session, BearerToken(c.req)));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/password-resets", .access = Access::kPublic, .rate_limited = true,
      .summary = "Start a password reset (AUTH-5): the reset token and the secret question; the same answer shape for every TCKN",
      .tag = "password-reset",
      .handle = [&app](RequestContext& c, const ResetStart& b) -> Result<ResetStarted> {
        if (b.tckn.empty()) return Error::Validation({{"tckn", "required"}});
        return AnswerFrom<ResetStarted>(HandleStartPasswordReset(app.services(), c.env, b.tckn));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/password-resets/answer", .access = Access::kPublic, .rate_limited = true,
      .summary = "Answer the secret question (AUTH-5); wrong answers count toward the lockout", .tag = "password-reset",
      .handle = [&app](RequestContext& c, const SecretAnswer& b) -> Result<ContactInfoState> {
        return AnswerFrom<ContactInfoState>(HandleAnswerSecretQuestion(app.services(), c.env, b.reset_id, b.answer));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/password-resets/contact-info", .access = Access::kPublic, .rate_limited = true,
      .summary = "Complete missing contact information (AUTH-6)", .tag = "password-reset",
      .handle = [&app](RequestContext& c, const ContactInfo& b) -> Result<ContactInfoState> {
        return AnswerFrom<ContactInfoState>(HandleCompleteContactInfo(app.services(), c.env, b.reset_id, b.email,
                                                                      b.mobile, b.preferred_contact));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/password-resets/password", .access = Access::kPublic, .rate_limited = true,
      .summary = "Set the new password (AUTH-7); the reset token is then used up", .tag = "password-reset",
      .handle = [&app](RequestContext& c, const NewPassword& b) -> Result<PasswordChanged> {
        return AnswerFrom<PasswordChanged>(
            HandleSetNewPassword(app.services(), c.env, b.reset_id, b.new_password, b.new_password_repeat));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/staff", .access = Access::kStaff, .staff_roles = {StaffRole::kHeadOfficeUser},
      .idempotent = true, .summary = "Create an agency staff user (head office)", .tag = "staff", .status = 201,
      .handle = [&app](RequestContext& c, const NewStaffUser& b) -> Result<wire::Changed> {
        return AnswerFrom<wire::Changed>(HandleCreateStaffUser(app.services(), c.env, b.c));
      }});
}

}  // namespace istihdam::http

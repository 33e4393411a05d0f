// Individual registration, logout, password reset and agency staff (DOMAIN.md §1, §2.0).
#include <type_traits>

#include "aggregates/permissions.h"
#include "commands/individuals.h"
#include "commands/login.h"
#include "commands/password_reset.h"
#include "commands/staff.h"
#include "http/app.h"
#include "http/contract/identity.h"
#include "http/endpoint.h"

namespace istihdam::http {

using namespace contract::identity;

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

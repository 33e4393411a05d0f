// Individual registration, logout, password reset and agency staff (DOMAIN.md §1, §2.0).
#include <boost/json.hpp>

#include "commands/individuals.h"
#include "commands/login.h"
#include "commands/password_reset.h"
#include "commands/staff.h"
#include "http/app.h"
#include "http/json_io.h"

namespace istihdam::http {

namespace {

constexpr const char* kIndividualSchema = R"({"type":"object","required":["tckn","firstName","lastName","birthDate","password","secretQuestion","secretAnswer","preferredContact"],"properties":{
"tckn":{"type":"string"},"firstName":{"type":"string"},"lastName":{"type":"string"},"birthDate":{"type":"string","format":"date"},
"password":{"type":"string"},"passwordRepeat":{"type":"string"},"secretQuestion":{"type":"string"},"secretAnswer":{"type":"string"},
"email":{"type":"string"},"mobile":{"type":"string"},"preferredContact":{"type":"string","enum":["email","sms","postalAddress"]}}})";

// Parses the body, runs `fn` with it, or answers 400.
template <class Fn>
HttpResponse WithBody(RequestContext& ctx, Fn fn) {
  auto body = JsonBody::Parse(ctx.req.body);
  if (!body.ok()) return Fail(ctx, body.error());
  return fn(*body);
}

}  // namespace

void AddIdentityRoutes(App& app, Router& router) {
  router.Add({"POST", "/api/v1/individuals", Access::kPublic, "", {}, true,
              [&app](RequestContext& ctx) {
                return WithBody(ctx, [&](JsonBody& b) {
                  RegisterIndividual c;
                  c.tckn = b.Str("tckn");
                  c.first_name = b.Str("firstName");
                  c.last_name = b.Str("lastName");
                  c.birth_date = b.Str("birthDate");
                  c.password = b.Str("password");
                  c.password_repeat = b.Str("passwordRepeat");
                  c.secret_question = b.Str("secretQuestion");
                  c.secret_answer = b.Str("secretAnswer");
                  c.email = b.Str("email");
                  c.mobile = b.Str("mobile");
                  c.preferred_contact = b.Str("preferredContact");
                  if (auto st = b.TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                  return Answer(ctx, HandleRegisterIndividual(app.services(), ctx.env, std::move(c)));
                });
              },
              {"Register an individual user (identity checked with KPS); a TCKN registers once", "identity", {},
               kIndividualSchema, R"({"type":"object","properties":{"individualId":{"type":"string"},"position":{"type":"integer"}}})", 201},
              true});
  router.Add({"POST", "/api/v1/auth/logout", Access::kAnyUser, "", {}, false,
              [&app](RequestContext& ctx) {
                return Answer(ctx, HandleLogout(app.services(), ctx.env, *ctx.session, BearerToken(ctx.req)));
              },
              {"Revoke the bearer token", "auth", {}, "", R"({"type":"object","properties":{"loggedOut":{"type":"boolean"}}})"}});
  router.Add({"POST", "/api/v1/password-resets", Access::kPublic, "", {}, false,
              [&app](RequestContext& ctx) {
                return WithBody(ctx, [&](JsonBody& b) {
                  const std::string tckn = b.Str("tckn");
                  if (auto st = b.TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                  if (tckn.empty()) return Fail(ctx, Error{"validation_failed", {{"tckn", "required"}}, {}});
                  return Answer(ctx, HandleStartPasswordReset(app.services(), ctx.env, tckn));
                });
              },
              {"Start a password reset (AUTH-5): the reset token and the secret question; the same answer shape for every TCKN",
               "password-reset", {}, R"({"type":"object","required":["tckn"],"properties":{"tckn":{"type":"string"}}})",
               R"({"type":"object","properties":{"resetId":{"type":"string"},"secretQuestion":{"type":"string"},"expiresAt":{"type":"string"}}})"},
              true});
  router.Add({"POST", "/api/v1/password-resets/answer", Access::kPublic, "", {}, false,
              [&app](RequestContext& ctx) {
                return WithBody(ctx, [&](JsonBody& b) {
                  const std::string id = b.Str("resetId"), answer = b.Str("answer");
                  if (auto st = b.TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                  return Answer(ctx, HandleAnswerSecretQuestion(app.services(), ctx.env, id, answer));
                });
              },
              {"Answer the secret question (AUTH-5); wrong answers count toward the lockout", "password-reset", {},
               R"({"type":"object","required":["resetId","answer"],"properties":{"resetId":{"type":"string"},"answer":{"type":"string"}}})",
               R"({"type":"object","properties":{"contactInfoComplete":{"type":"boolean"}}})"},
              true});
  router.Add({"POST", "/api/v1/password-resets/contact-info", Access::kPublic, "", {}, false,
              [&app](RequestContext& ctx) {
                return WithBody(ctx, [&](JsonBody& b) {
                  const std::string id = b.Str("resetId"), email = b.Str("email"), mobile = b.Str("mobile"),
                                    preferred = b.Str("preferredContact");
                  if (auto st = b.TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                  return Answer(ctx, HandleCompleteContactInfo(app.services(), ctx.env, id, email, mobile, preferred));
                });
              },
              {"Complete missing contact information (AUTH-6)", "password-reset", {},
               R"({"type":"object","required":["resetId","preferredContact"],"properties":{"resetId":{"type":"string"},"email":{"type":"string"},"mobile":{"type":"string"},"preferredContact":{"type":"string","enum":["email","sms","postalAddress"]}}})",
               R"({"type":"object","properties":{"contactInfoComplete":{"type":"boolean"}}})"},
              true});
  router.Add({"POST", "/api/v1/password-resets/password", Access::kPublic, "", {}, false,
              [&app](RequestContext& ctx) {
                return WithBody(ctx, [&](JsonBody& b) {
                  const std::string id = b.Str("resetId"), pw = b.Str("newPassword"), repeat = b.Str("newPasswordRepeat");
                  if (auto st = b.TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                  return Answer(ctx, HandleSetNewPassword(app.services(), ctx.env, id, pw, repeat));
                });
              },
              {"Set the new password (AUTH-7); the reset token is then used up", "password-reset", {},
               R"({"type":"object","required":["resetId","newPassword","newPasswordRepeat"],"properties":{"resetId":{"type":"string"},"newPassword":{"type":"string"},"newPasswordRepeat":{"type":"string"}}})",
               R"({"type":"object","properties":{"passwordChanged":{"type":"boolean"}}})"},
              true});
  router.Add({"POST", "/api/v1/staff", Access::kStaff, "", {"HeadOfficeUser"}, true,
              [&app](RequestContext& ctx) {
                return WithBody(ctx, [&](JsonBody& b) {
                  CreateStaffUser c{b.Str("role"), b.Str("province"), b.Str("tckn"), b.Str("password")};
                  if (auto st = b.TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                  return Answer(ctx, HandleCreateStaffUser(app.services(), ctx.env, c));
                });
              },
              {"Create an agency staff user (head office)", "staff", {},
               R"({"type":"object","required":["role","tckn","password"],"properties":{"role":{"type":"string","enum":["auditor","unit","headOffice"]},"province":{"type":"string"},"tckn":{"type":"string"},"password":{"type":"string"}}})",
               R"({"type":"object","properties":{"id":{"type":"string"},"position":{"type":"integer"}}})", 201}});
}

}  // namespace istihdam::http

// POST /api/v1/auth/login — TCKN + password, firm selection (AUTH-4).
#include "commands/login.h"
#include "http/app.h"
#include "http/contract/auth.h"
#include "http/endpoint.h"

namespace istihdam::http {

using namespace contract::auth;

void AddAuthRoutes(App& app, Router& router) {
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/auth/login", .access = Access::kPublic, .rate_limited = true,
      .summary = "Log in; with a chosen (or the only) firm the answer carries a bearer token", .tag = "auth",
      .example = R"({"tckn":"10000000146","password":"Demo1234!"})",
      .handle = [&app](RequestContext& c, const Credentials& b) -> Result<LoginAnswer> {
        return AnswerFrom<LoginAnswer>(HandleLogin(app.services(), c.env, {b.tckn, b.password, b.employer_id, b.as}));
      }});
}

}  // namespace istihdam::http

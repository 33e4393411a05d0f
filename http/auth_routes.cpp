// POST /api/v1/auth/login — TCKN + password, firm selection (AUTH-4).
#include "commands/login.h"
#include "http/app.h"
#include "http/json_io.h"

namespace istihdam::http {

void AddAuthRoutes(App& app, Router& router) {
  router.Add({"POST", "/api/v1/auth/login", Access::kPublic, "", {}, false,
              [&app](RequestContext& ctx) {
                auto body = JsonBody::Parse(ctx.req.body);
                if (!body.ok()) return Fail(ctx, body.error());
                LoginRequest r{body->Str("tckn"), body->Str("password"), body->Str("employerId")};
                if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                return Answer(ctx, HandleLogin(app.services(), ctx.env, r));
              },
              {"Log in; with a chosen (or the only) firm the answer carries a bearer token", "auth", {},
               R"({"type":"object","required":["tckn","password"],"properties":{"tckn":{"type":"string"},"password":{"type":"string"},"employerId":{"type":"string"}}})",
               R"({"type":"object","properties":{"firms":{"type":"array","items":{"type":"object","properties":{"employerId":{"type":"string"},"title":{"type":"string"}}}},"token":{"type":"string"},"expiresAt":{"type":"string","format":"date-time"},"employerId":{"type":"string"},"admin":{"type":"boolean"},"permissions":{"type":"array","items":{"type":"string"}}}})"},
              true});
}

}  // namespace istihdam::http

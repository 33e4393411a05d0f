// POST /api/v1/auth/login — TCKN + password, firm selection (AUTH-4).
#include "commands/login.h"
#include "http/app.h"
#include "http/endpoint.h"

namespace istihdam::http {

namespace {

using wire::F;

struct Credentials {
  std::string tckn, password, employer_id;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn).requiredByCommand(), F("password", password).requiredByCommand(),
       F("employerId", employer_id).describe("the firm to open, when the user has several"));
  }
};

struct Firm {
  std::string employer_id, title;
  template <class A>
  void serialize(A& ar) {
    ar(F("employerId", employer_id), F("title", title));
  }
};

// Without a chosen firm (the user has several) only `firms`; with one, the session too.
struct LoginAnswer {
  std::vector<Firm> firms;
  std::optional<std::string> token, expires_at, employer_id, actor_type;
  std::optional<bool> admin;
  std::optional<std::vector<std::string>> permissions;
  std::optional<std::uint64_t> position;
  template <class A>
  void serialize(A& ar) {
    ar(F("firms", firms).required(), F("token", token), F("expiresAt", expires_at).formatted("date-time"),
       F("employerId", employer_id), F("admin", admin), F("permissions", permissions),
       F("actorType", actor_type), F("position", position));
  }
};

}  // namespace

void AddAuthRoutes(App& app, Router& router) {
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/auth/login", .access = Access::kPublic, .rate_limited = true,
      .summary = "Log in; with a chosen (or the only) firm the answer carries a bearer token", .tag = "auth",
      .example = R"({"tckn":"10000000146","password":"Demo1234!"})",
      .handle = [&app](RequestContext& c, const Credentials& b) -> Result<LoginAnswer> {
        return AnswerFrom<LoginAnswer>(HandleLogin(app.services(), c.env, {b.tckn, b.password, b.employer_id}));
      }});
}

}  // namespace istihdam::http

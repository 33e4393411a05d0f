// POST /api/v1/registrations — legal-entity (and natural-person) employer registration.
#include <type_traits>

#include "commands/registration.h"
#include "http/app.h"
#include "http/contract/registration.h"
#include "http/endpoint.h"

namespace istihdam::http {

using namespace contract::registration;

namespace {

constexpr const char* kExample = R"({"termsAccepted":true,"employer":{"kind":"legalEntity","title":"Deniz Lojistik A.Ş.",
"taxNo":"1234567890","sector":"private","province":"35","district":"Konak","address":"Liman Cad. 5",
"phone":"0232 555 11 22"},"representative":{"tckn":"45678901280","firstName":"Can","lastName":"Demir",
"password":"Gizli-Sifre-1","secretQuestion":"Doğduğunuz şehir?","secretAnswer":"İzmir","email":"can@example.com",
"preferredContact":"email"}})";

}  // namespace

void AddRegistrationRoutes(App& app, Router& router) {
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/registrations", .access = Access::kPublic, .idempotent = true,
      .rate_limited = true,
      .summary = "Register a legal-entity employer (AUTH-1); the representative becomes its primary admin",
      .tag = "registration", .status = 201, .example = kExample,
      .handle = [&app](RequestContext& c, const Registration& b) -> Result<Registered> {
        return AnswerFrom<Registered>(HandleRegisterEmployer(app.services(), c.env, b.ToCommand()));
      }});
}

}  // namespace istihdam::http

#pragma once
// Routing, authentication, authorization, idempotency, read-your-writes and metrics for every
// route; handlers only map JSON to commands and queries. Every route declares who may call it:
// a route cannot be added without an Access.
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "commands/command_context.h"
#include "commands/session.h"
#include "http/api.h"
#include "http/problem.h"
#include "infra/rate_limiter.h"

namespace istihdam::http {

class App;

enum class Access {
  kPublic,    // no token needed
  kEmployer,  // a token with a chosen firm, holding `permission` (admins hold all)
  kStaff,     // an agency staff token with one of `staff_roles`
  kAnyUser,   // any valid token, employer or staff (logout)
  // Shared views of the agency and the employer (TYP programs, benefit declarations): an
  // employer token holding `permission`, or a staff token with one of `staff_roles`. The
  // handler scopes the answer (the employer's own rows, the unit user's province).
  kEmployerOrStaff,
};

// What /openapi.json says about a route.
struct RouteDoc {
  std::string summary;
  std::string tag;
  std::vector<std::string> query_params;
  std::string request_schema;   // JSON Schema text, "" when the route takes no body
  std::string response_schema;  // JSON Schema text of the success body
  int success_status = 200;
  // The OpenAPI operationId; "" derives it from method and path (OperationId in
  // http/openapi.cpp). Set it only when the derived one would clash.
  std::string operation_id{};
};

struct RequestContext {
  HttpRequest& req;
  App& app;
  Lang lang;
  std::optional<Session> session;
  CommandEnv env;
  std::uint64_t position = 0;  // what the read models reflected when the request started
};

using Handler = std::function<HttpResponse(RequestContext&)>;

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/workplaces/{id}"
  Access access;
  std::string permission;                // kEmployer: a permissions:: name, or "" for any
  std::vector<std::string> staff_roles;  // kStaff: actor types allowed
  bool idempotent = false;               // honours Idempotency-Key
  Handler handler;
  RouteDoc doc;
  bool rate_limited = false;  // per client address (config auth_rate_per_client_per_minute)
};

// Thread-safe after the last Add().
class Router {
 public:
  explicit Router(App& app);
  void Add(Route route);
  const std::vector<Route>& routes() const { return routes_; }
  HttpResponse Dispatch(HttpRequest& req);

 private:
  HttpResponse Handle(HttpRequest& req, const Route& route, Lang lang);
  HttpResponse RunIdempotent(RequestContext& ctx, const Route& route);
  void AddCors(const HttpRequest& req, HttpResponse& resp) const;

  App& app_;
  std::vector<Route> routes_;
  std::vector<std::string> command_patterns_;  // read replica: command routes not served
  std::array<std::mutex, 64> idempotency_locks_;
  RateLimiter per_client_;
};

// The format every path parameter ({id}, {month}, {typNo}…) must have before any lookup:
// 1..kMaxPathParameterLength characters of A-Z a-z 0-9 - _ . : (not "." or ".."). Any other
// segment matches no route (404 not_found). Each route checks its own format after this.
inline constexpr std::size_t kMaxPathParameterLength = 128;
bool IsPathParameter(std::string_view value);

// Whether a valid session may call the route (401 comes before this, for no session).
bool Admits(const Route& route, const Session& session);
// Command result to HTTP: the reply's status and body, or problem+json.
HttpResponse Answer(RequestContext& ctx, const Result<Reply>& result);
HttpResponse Fail(RequestContext& ctx, const Error& error);
// The token of "Authorization: Bearer <token>", or "".
std::string BearerToken(const HttpRequest& req);
// If-Match: "<version>" (weak validators and bare numbers accepted too): nullopt when
// malformed, an empty optional when absent.
std::optional<std::optional<std::uint64_t>> ParseIfMatch(const std::string& header);
// page/pageSize query parameters (default 1 and 15, pageSize at most 100).
Result<std::pair<std::size_t, std::size_t>> ParsePage(const HttpRequest& req);

}  // namespace istihdam::http

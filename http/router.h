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
#include "aggregates/permissions.h"
#include "http/api.h"
#include "http/problem.h"
#include "http/wire.h"
#include "infra/rate_limiter.h"

namespace istihdam::http {

class App;

enum class Access {
  kUndeclared,  // a route that forgot to say: Router::Add refuses it
  kPublic,    // no token needed
  kEmployer,  // a token with a chosen firm, holding `permission` (admins hold all)
  kStaff,     // an agency staff token with one of `staff_roles`
  kAnyUser,   // any valid token: employer, staff or individual (logout)
  kIndividual,  // a job seeker's token ("as": "individual" at login)
  // Shared views of the agency and the employer (TYP programs, benefit declarations): an
  // employer token holding `permission`, or a staff token with one of `staff_roles`. The
  // handler scopes the answer (the employer's own rows, the unit user's province).
  kEmployerOrStaff,
};

// What /openapi.json says about a route; an Endpoint (http/endpoint.h) fills it from its types.
struct RouteDoc {
  std::string summary;
  std::string tag;
  int success_status = 200;
  // The OpenAPI operationId; "" derives it from method and path (OperationId in
  // http/openapi.cpp). Set it only when the derived one would clash.
  std::string operation_id{};
  boost::json::array query{};             // OpenAPI parameters (in: query)
  boost::json::value request_schema{};    // null when the route takes no body
  boost::json::value request_example{};   // null when none
  boost::json::value response_schema{};   // null when the answer is not JSON
  std::string response_type = "application/json";
};

struct RequestContext {
  HttpRequest& req;
  App& app;
  Lang lang;
  std::optional<Session> session;
  CommandEnv env;
  std::uint64_t position = 0;  // what the read models reflected when the request started
  // Set by the router for a request with an Idempotency-Key; the endpoint turns them into
  // env.record (the answer's format is the endpoint's).
  std::string idempotency_record_key{};
  std::string request_hash{};
  // Headers a handler adds to its successful answer (X-As-Of-Position of an as-of read).
  std::vector<std::pair<std::string, std::string>> answer_headers{};
};

using Handler = std::function<HttpResponse(RequestContext&)>;

// A route as the router keeps it. Routes with JSON bodies and answers are declared as
// Endpoints (http/endpoint.h); a Route is written directly only for answers that are not JSON
// (metrics, the docs' static files).
struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/workplaces/{id}"
  Access access = Access::kUndeclared;
  std::string permission{};              // kEmployer: a permissions:: name, or "" for any
  std::vector<StaffRole> staff_roles{};  // kStaff: the roles allowed
  bool idempotent = false;               // honours Idempotency-Key
  Handler handler;
  RouteDoc doc;
  bool rate_limited = false;  // per client address (config auth_rate_per_client_per_minute)
  bool read_rate_limited = false;  // public searches, per client address (config public_read_rate_per_client_per_minute)
};

template <class H>
struct Endpoint;

// Thread-safe after the last Add().
class Router {
 public:
  explicit Router(App& app);
  void Add(Route route);
  template <class H>
  void Add(Endpoint<H> endpoint);  // http/endpoint.h
  const std::vector<Route>& routes() const { return routes_; }
  HttpResponse Dispatch(HttpRequest& req);

 private:
  HttpResponse Handle(HttpRequest& req, const Route& route, Lang lang);
  HttpResponse RunIdempotent(RequestContext& ctx, const Route& route);
  void AddCors(const HttpRequest& req, HttpResponse& resp) const;

  App& app_;
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> route_segments_;  // routes_[i].pattern split at '/'

  std::vector<std::string> command_patterns_;  // read replica: command routes not served
  std::array<std::mutex, 64> idempotency_locks_;
  RateLimiter per_client_;
  RateLimiter per_client_reads_;
  wire::ChoiceSource choices_;  // reference lists for the schemas' enums
};

// The format every path parameter ({id}, {month}, {typNo}…) must have before any lookup:
// 1..kMaxPathParameterLength characters of A-Z a-z 0-9 - _ . : (not "." or ".."). Any other
// segment matches no route (404 not_found). Each route checks its own format after this.
inline constexpr std::size_t kMaxPathParameterLength = 128;
bool IsPathParameter(std::string_view value);

// Whether a valid session may call the route (401 comes before this, for no session).
bool Admits(const Route& route, const Session& session);
HttpResponse Fail(RequestContext& ctx, const Error& error);
// The token of "Authorization: Bearer <token>", or "".
std::string BearerToken(const HttpRequest& req);
// If-Match: "<version>" (weak validators and bare numbers accepted too): nullopt when
// malformed, an empty optional when absent.
std::optional<std::optional<std::uint64_t>> ParseIfMatch(const std::string& header);
// If-Match of a PUT: the pinned version, nullopt when absent, or 412 version_mismatch when it
// is not a version.
Result<std::optional<std::uint64_t>> PinnedVersion(const RequestContext& ctx);

}  // namespace istihdam::http

#include "http/router.h"

#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "aggregates/benefit_reference.h"
#include "aggregates/job_codes.h"
#include "http/app.h"
#include "http/json_io.h"
#include "infra/stored_json.h"
#include "infra/text.h"

namespace istihdam::http {

namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

// Whether one decoded path segment may be routed at all: text without control characters,
// no '/' (a %2F would otherwise change the route) and not a dot segment.
bool IsRoutableSegment(const std::string& seg) {
  return seg.find('/') == std::string::npos && seg != "." && seg != ".." && IsAcceptableText(seg);
}

}  // namespace

bool IsPathParameter(std::string_view value) {
  if (value.empty() || value.size() > kMaxPathParameterLength || value == "." || value == "..") return false;
  return std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == ':';
  });
}

namespace {

bool Match(const std::vector<std::string>& pats, const std::vector<std::string>& segs,
           std::map<std::string, std::string>* params) {
  if (pats.size() != segs.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < pats.size(); ++i) {
    const auto& p = pats[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (!IsPathParameter(segs[i])) return false;  // never reaches a handler: 404 not_found
      found[p.substr(1, p.size() - 2)] = segs[i];
    } else if (p != segs[i]) {
      return false;
    }
  }
  *params = std::move(found);
  return true;
}

}  // namespace

std::string BearerToken(const HttpRequest& req) {
  const std::string h = req.Header("Authorization");
  if (h.size() > 7 && strncasecmp(h.c_str(), "Bearer ", 7) == 0) return h.substr(7);
  return "";
}

bool Admits(const Route& route, const Session& session) {
  const auto& roles = route.staff_roles;
  const auto role = StaffRoleOf(session.actor_type);
  const bool staff_ok = session.IsStaff() && role && std::find(roles.begin(), roles.end(), *role) != roles.end();
  const bool employer_ok = !session.IsStaff() && !session.IsIndividual() &&
                           (route.permission.empty() || session.Has(route.permission));
  switch (route.access) {
    case Access::kUndeclared: return false;
    case Access::kPublic:
    case Access::kAnyUser: return true;
    case Access::kEmployer: return employer_ok;
    case Access::kStaff: return staff_ok;
    case Access::kEmployerOrStaff: return employer_ok || staff_ok;
    case Access::kIndividual: return session.IsIndividual();
  }
  return false;
}

namespace {

// The codes of the reference lists a wire field can name (wire::lists), from the loaded data.
std::vector<std::string> ReferenceCodes(const void* source, std::string_view list) {
  const auto& ref = *static_cast<const ReferenceData*>(source);
  std::vector<std::string> out;
  if (list == wire::lists::kProvinces) {
    for (const auto& p : ref.provinces()) out.push_back(p.code);
  } else if (list == wire::lists::kAttendanceTypes) {
    for (const auto& t : ref.attendance_types()) out.push_back(t.code);
  } else if (list == wire::lists::kExitReasons) {
    for (const auto& r : ExitReasons()) out.emplace_back(r.code);
  } else if (const auto* set = job_codes::Find(list)) {
    for (const auto& c : set->codes) out.emplace_back(c.code);
  } else {
    throw std::logic_error("unknown reference list " + std::string(list));
  }
  return out;
}

}  // namespace

Router::Router(App& app)
    : app_(app),
      per_client_(app.config().auth_rate_per_client_per_minute),
      per_client_reads_(app.config().public_read_rate_per_client_per_minute),
      choices_{&app.services().ref, &ReferenceCodes} {}

void Router::Add(Route route) {
  if (route.access == Access::kUndeclared) {
    throw std::logic_error("route " + route.method + " " + route.pattern + " declares no access");
  }
  const bool employer_side = route.access == Access::kEmployer || route.access == Access::kEmployerOrStaff;
  const bool staff_side = route.access == Access::kStaff || route.access == Access::kEmployerOrStaff;
  if (employer_side && route.permission.empty()) {
    throw std::logic_error("route " + route.method + " " + route.pattern + " declares no permission");
  }
  if (staff_side && route.staff_roles.empty()) {
    throw std::logic_error("route " + route.method + " " + route.pattern + " declares no staff role");
  }
  if (app_.config().role == "read" && route.method != "GET") {
    // A read replica (--role read) has no command side: its state comes from Kafka. The
    // route is neither served nor documented; its path answers 405 (Dispatch).
    command_patterns_.push_back(std::move(route.pattern));
    return;
  }
  route_segments_.push_back(Split(route.pattern));
  routes_.push_back(std::move(route));
}

HttpResponse Fail(RequestContext& ctx, const Error& error) { return Problem(error, ctx.lang); }

std::optional<std::optional<std::uint64_t>> ParseIfMatch(const std::string& h) {
  if (h.empty()) return std::optional<std::uint64_t>();
  std::string v = h;
  if (v.rfind("W/", 0) == 0) v.erase(0, 2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  if (v.empty() || v.size() > 19 || v.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::optional<std::uint64_t>(std::stoull(v));
}

Result<std::optional<std::uint64_t>> PinnedVersion(const RequestContext& ctx) {
  const auto v = ParseIfMatch(ctx.req.Header("If-Match"));
  if (!v) return Error::Of(errc::kVersionMismatch, "If-Match is not a version");
  return *v;
}

void Router::AddCors(const HttpRequest& req, HttpResponse& resp) const {
  const std::string origin = req.Header("Origin");
  if (origin.empty()) return;
  for (const auto& allowed : app_.config().cors_origins) {
    if (allowed == origin || allowed == "*") {
      resp.headers.emplace_back("Access-Control-Allow-Origin", origin);
      resp.headers.emplace_back("Vary", "Origin");
      resp.headers.emplace_back("Access-Control-Expose-Headers", "ETag, X-Position, Location");
      return;
    }
  }
}

HttpResponse Router::Dispatch(HttpRequest& req) {
  const auto started = std::chrono::steady_clock::now();
  const Lang lang = PickLanguage(req.Header("Accept-Language"));
  auto parsed = boost::urls::parse_origin_form(req.target);
  std::string route_name = "unmatched";
  HttpResponse resp;
  // Each segment decoded on its own: one that decodes to '/', a dot segment, a control
  // character or bytes that are not UTF-8 names no resource.
  bool routable = true;
  std::optional<FieldError> bad_query;
  if (parsed) {
    for (const auto seg : parsed->segments()) routable = routable && IsRoutableSegment(seg);
    std::size_t i = 0;
    for (const auto& p : parsed->params()) {
      if (!bad_query && (!IsAcceptableText(p.key) || !IsAcceptableText(p.value))) {
        bad_query = FieldError{IsAcceptableText(p.key) ? p.key : "query[" + std::to_string(i) + "]", "invalid_text"};
      }
      ++i;
    }
  }
  if (!parsed) {
    resp = Problem(errc::kMalformedRequest, lang, "the request target is not a valid path");
  } else if (!routable) {
    resp = Problem(errc::kNotFound, lang);
  } else if (bad_query) {
    resp = Problem(Error{errc::kInvalidParameter, {*bad_query}, {}}, lang);
  } else {
    req.path = std::string(parsed->path());
    if (req.path.size() > 1 && req.path.back() == '/') req.path.pop_back();
    for (const auto& p : parsed->params()) req.query.emplace_back(p.key, p.value);
    const auto segs = Split(req.path);
    const Route* match = nullptr;
    bool path_known = false;
    for (std::size_t i = 0; i < routes_.size(); ++i) {
      const Route& r = routes_[i];
      std::map<std::string, std::string> params;
      if (!Match(route_segments_[i], segs, &params)) continue;
      path_known = true;
      if (r.method == req.method || (req.method == "HEAD" && r.method == "GET")) {
        match = &r;
        req.params = std::move(params);
        break;
      }
    }
    if (req.method == "OPTIONS" && path_known) {  // CORS preflight
      resp.status = 204;
      resp.content_type = "text/plain";
      resp.headers.emplace_back("Access-Control-Allow-Methods", command_patterns_.empty()
                                                                    ? "GET, POST, PUT, DELETE, OPTIONS"
                                                                    : "GET, OPTIONS");
      resp.headers.emplace_back("Access-Control-Allow-Headers",
                                "Authorization, Content-Type, If-Match, Idempotency-Key, Accept-Language, X-Correlation-Id");
      resp.headers.emplace_back("Access-Control-Max-Age", "600");
      route_name = "preflight";
    } else if (!match) {
      // A read replica's unserved command route answers 405, not 404.
      const bool command_path = std::any_of(command_patterns_.begin(), command_patterns_.end(), [&](const auto& pattern) {
        std::map<std::string, std::string> params;
        return Match(Split(pattern), segs, &params);
      });
      resp = Problem(path_known || command_path ? "method_not_allowed" : "not_found", lang);
      if (command_path) resp.headers.emplace_back("Allow", path_known ? "GET, HEAD" : "");
    } else {
      route_name = match->pattern;
      resp = Handle(req, *match, lang);
    }
  }
  AddCors(req, resp);
  if (req.method == "GET" || req.method == "HEAD") {  // every GET tells its read position
    bool has = false;
    for (const auto& [k, v] : resp.headers) has = has || k == "X-Position";
    if (!has) resp.headers.emplace_back("X-Position", std::to_string(app_.projections().Position()));
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  app_.metrics().ObserveRequest(route_name, req.method, resp.status, secs);
  return resp;
}

HttpResponse Router::Handle(HttpRequest& req, const Route& route, Lang lang) {
  if (route.rate_limited || route.read_rate_limited) {
    int retry = 60;
    auto& limiter = route.rate_limited ? per_client_ : per_client_reads_;
    if (!limiter.Allow(route.pattern + "|" + req.remote_address, &retry)) {
      HttpResponse r = Problem(errc::kRateLimited, lang);
      r.headers.emplace_back("Retry-After", std::to_string(retry));
      return r;
    }
  }
  // Read-your-writes first, so that a token issued at `minPosition` (a login on the write
  // node, read on a replica) is known here before it is checked.
  const bool read = req.method == "GET" || req.method == "HEAD";
  if (auto mp = req.Query("minPosition"); read && mp) {
    if (mp->empty() || mp->size() > 19 || mp->find_first_not_of("0123456789") != std::string::npos) {
      return Problem(Error{errc::kInvalidParameter, {{"minPosition", "invalid_format"}}, {}}, lang);
    }
    app_.projections().WaitFor(std::stoull(*mp), std::chrono::steady_clock::now() + std::chrono::seconds(2));
  }
  RequestContext ctx{req, app_, lang, std::nullopt, {}, 0};
  const std::string token = BearerToken(req);
  if (!token.empty()) ctx.session = ResolveSession(app_.services(), token);
  if (route.access != Access::kPublic) {
    if (!ctx.session) return Problem(errc::kUnauthorized, lang);
    if (!Admits(route, *ctx.session)) return Problem(errc::kForbidden, lang);
  }
  // Command metadata.
  auto& meta = ctx.env.meta;
  if (ctx.session) {
    meta.actor = Actor{ctx.session->user_id, ctx.session->actor_type, ctx.session->employer_id};
  } else {
    meta.actor = Actor{"", "Anonymous", ""};
  }
  const std::string correlation = req.Header("X-Correlation-Id");
  if (!IsAcceptableText(correlation)) {  // it is recorded with every event of the command
    return Problem(Error{errc::kInvalidText, {{"X-Correlation-Id", "invalid_text"}}, {}}, lang);
  }
  if (read) {  // a read records nothing: no ids to make (they cost two getrandom calls)
    meta.correlation_id = correlation.size() <= 100 ? correlation : "";
    ctx.position = app_.projections().Position();
    HttpResponse resp = route.handler(ctx);
    resp.headers.emplace_back("X-Position", std::to_string(ctx.position));
    return resp;
  }
  meta.correlation_id = !correlation.empty() && correlation.size() <= 100 ? correlation : crypto::Uuid4();
  meta.causation_id = crypto::Uuid4();
  if (route.idempotent && !req.Header("Idempotency-Key").empty()) return RunIdempotent(ctx, route);
  return route.handler(ctx);
}

HttpResponse Router::RunIdempotent(RequestContext& ctx, const Route& route) {
  const std::string key = ctx.req.Header("Idempotency-Key");
  if (key.size() > 200) {
    return Problem(Error{errc::kValidationFailed, {{"Idempotency-Key", "too_long"}}, {}}, ctx.lang);
  }
  if (!IsAcceptableText(key)) {  // it is recorded with every event of the command
    return Problem(Error{errc::kValidationFailed, {{"Idempotency-Key", "invalid_text"}}, {}}, ctx.lang);
  }
  const std::string scope = ctx.session ? ctx.session->user_id : "anonymous";
  std::string record_key = scope;
  record_key += '\0';
  record_key += route.method + " " + ctx.req.path;
  record_key += '\0';
  record_key += key;
  const std::string request_hash = crypto::ToHex(crypto::Sha256(ctx.req.body));
  auto* family = app_.db().Family(cf::kIdempotency);
  std::lock_guard lock(idempotency_locks_[std::hash<std::string>()(record_key) % idempotency_locks_.size()]);
  std::string stored;
  if (app_.db().Get(family, record_key, &stored)) {
    auto rec = ParseStoredJson(stored, "idempotency").as_object();
    if (rec["requestHash"].as_string() != request_hash) return Problem(errc::kIdempotencyKeyReused, ctx.lang);
    HttpResponse resp = JsonResponse(static_cast<int>(rec["status"].to_number<int>()), rec["body"]);
    resp.headers.emplace_back("Idempotent-Replayed", "true");
    return resp;
  }
  ctx.env.meta.idempotency_key = key;
  ctx.idempotency_record_key = record_key;
  ctx.request_hash = request_hash;
  return route.handler(ctx);
}

}  // namespace istihdam::http

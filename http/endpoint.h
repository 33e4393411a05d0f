#pragma once
// One declaration per route (docs/routes.md). An Endpoint names its method, path, access and
// documentation by name, and its handler's parameter and answer types say the rest: the
// handler takes the RequestContext and optionally a query struct (derived from wire::Query)
// and/or a body struct, and returns Result<Answer>. From those types the router reads and
// checks the request (400/422 naming every bad field), writes the answer, records it for
// Idempotency-Key replays and generates the schemas of /openapi.json. The handler never sees
// a status code: the declaration's `status` is the success, and an Error becomes problem+json.
//
//   router.Add(Endpoint{
//       .method = "GET", .path = "/api/v1/workplaces/{id}",
//       .access = Access::kEmployer, .permission = permissions::kEmployerInfo,
//       .summary = "A workplace", .tag = "workplaces",
//       .handle = [&app](RequestContext& c) -> Result<WorkplaceView> { ... }});
#include <functional>
#include <tuple>
#include <type_traits>

#include <boost/json/parse.hpp>

#include "http/json_io.h"
#include "http/router.h"
#include "http/wire.h"

namespace istihdam::http {

template <class H>
struct Endpoint {
  std::string method;
  std::string path;  // "/api/v1/workplaces/{id}"
  Access access = Access::kUndeclared;
  std::string permission{};              // kEmployer / kEmployerOrStaff: a permissions:: name
  std::vector<StaffRole> staff_roles{};  // kStaff / kEmployerOrStaff
  bool idempotent = false;               // honours Idempotency-Key
  bool rate_limited = false;             // per client address
  bool read_rate_limited = false;        // public searches: per client address, a higher limit
  std::string summary;
  std::string tag;
  int status = 200;  // of a success
  std::string operation_id{};
  const char* example = nullptr;  // JSON text of an example request body
  H handle;
};

// A file answer (reports): its bytes, type and download name.
struct FileAnswer {
  std::string content_type;
  std::string filename;
  std::string body;
};

namespace endpoint_detail {

template <class F>
struct Signature : Signature<decltype(&F::operator())> {};
template <class C, class R, class... Args>
struct Signature<R (C::*)(Args...) const> {
  using Answer = R;
  using Params = std::tuple<std::remove_cvref_t<Args>...>;
};

template <class R>
struct ResultValue;
template <class T>
struct ResultValue<Result<T>> {
  using type = T;
};

template <class T>
constexpr bool kIsQuery = std::is_base_of_v<wire::Query, T>;

// The query and body types of a handler's parameters after the RequestContext.
template <class Tuple>
struct Inputs;
template <class Ctx>
struct Inputs<std::tuple<Ctx>> {
  using Query = wire::None;
  using Body = wire::None;
};
template <class Ctx, class P>
struct Inputs<std::tuple<Ctx, P>> {
  using Query = std::conditional_t<kIsQuery<P>, P, wire::None>;
  using Body = std::conditional_t<kIsQuery<P>, wire::None, P>;
};
template <class Ctx, class Q, class B>
struct Inputs<std::tuple<Ctx, Q, B>> {
  static_assert(kIsQuery<Q> && !kIsQuery<B>, "a handler takes (ctx, query, body)");
  using Query = Q;
  using Body = B;
};

template <class A>
constexpr bool kHasVersion = requires(const A& a) { a.version; };

// The answer's version for its ETag, when it declares one.
// (A version that is not a number, such as a questionnaire's, gives none.)
template <class A>
std::optional<std::uint64_t> VersionOf(const A& a) {
  if constexpr (kHasVersion<A>) {
    using V = std::remove_cvref_t<decltype(a.version)>;
    if constexpr (std::is_integral_v<V> && !std::is_same_v<V, bool>) {
      return static_cast<std::uint64_t>(a.version);
    } else if constexpr (requires { static_cast<std::uint64_t>(*a.version); }) {
      if (a.version) return static_cast<std::uint64_t>(*a.version);
    }
  }
  return std::nullopt;
}

// A command that created what it names answers 201 even on a route whose usual success is
// 200 (PUT of a month's schedule that did not exist yet): its answer says "created": true.
template <class A>
int SuccessStatusOf(int declared, const A& a) {
  if constexpr (requires { a.created; }) {
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(a.created)>, bool>) {
      if (a.created) return 201;
    }
  }
  return declared;
}

}  // namespace endpoint_detail

// The declared answer type read back from a command's Outcome or a stored read-model
// document (what it does not declare is dropped; what is missing keeps its default).
template <class A>
A AnswerFrom(const boost::json::object& doc) {
  return wire::FromDocument<A>(doc);
}
template <class A>
Result<A> AnswerFrom(const Result<Outcome>& outcome) {
  if (!outcome.ok()) return outcome.error();
  return wire::FromDocument<A>(outcome->body);
}
template <class A>
Result<A> AnswerFrom(const std::optional<boost::json::object>& doc, const char* not_found_code) {
  if (!doc) return Error::Of(not_found_code);
  return wire::FromDocument<A>(*doc);
}

// Renders a handler's answer; sets the command's answer record for Idempotency-Key replays.
HttpResponse Render(RequestContext& ctx, int status, const Result<boost::json::value>& answer, bool etag);
HttpResponse RenderFile(RequestContext& ctx, const Result<FileAnswer>& answer);
// A typed answer already written as JSON text (wire::ToJsonText), with its ETag when given.
HttpResponse RenderText(RequestContext& ctx, int status, std::string json, std::optional<std::uint64_t> etag);
void PrepareAnswerRecord(RequestContext& ctx, int status,
                         std::function<boost::json::value(const boost::json::object&)> shape);

template <class H>
Route ToRoute(Endpoint<H> e, const wire::ChoiceSource& choices) {
  using Sig = endpoint_detail::Signature<H>;
  using In = endpoint_detail::Inputs<typename Sig::Params>;
  using Q = typename In::Query;
  using B = typename In::Body;
  using A = typename endpoint_detail::ResultValue<typename Sig::Answer>::type;
  constexpr bool kHasQuery = !std::is_same_v<Q, wire::None>;
  constexpr bool kHasBody = !std::is_same_v<B, wire::None>;
  constexpr bool kFile = std::is_same_v<A, FileAnswer>;
  const int status = e.status;
  const bool etag = e.method == "GET";
  Route r{.method = e.method,
          .pattern = e.path,
          .access = e.access,
          .permission = e.permission,
          .staff_roles = e.staff_roles,
          .idempotent = e.idempotent,
          .handler = {},
          .doc = {.summary = e.summary, .tag = e.tag, .success_status = status, .operation_id = e.operation_id},
          .rate_limited = e.rate_limited,
          .read_rate_limited = e.read_rate_limited};
  if constexpr (kHasQuery) r.doc.query = wire::QueryParameters<Q>(choices);
  if constexpr (kHasBody) {
    r.doc.request_schema = wire::SchemaOf<B>(choices);
    if (e.example) r.doc.request_example = boost::json::parse(e.example);
  }
  if constexpr (kFile) {
    r.doc.response_schema = nullptr;
    r.doc.response_type = "application/octet-stream";
  } else if constexpr (!std::is_same_v<A, wire::None>) {
    r.doc.response_schema = wire::SchemaOf<A>(choices);
  }
  r.handler = [handle = std::move(e.handle), status, etag](RequestContext& ctx) -> HttpResponse {
    Q query{};
    B body{};
    if constexpr (kHasQuery) {
      auto q = wire::ReadQuery<Q>(ctx.req.query);
      if (!q.ok()) return Fail(ctx, q.error());
      query = std::move(*q);
    }
    if constexpr (kHasBody) {
      auto b = wire::ReadBody<B>(ctx.req.body);
      if (!b.ok()) return Fail(ctx, b.error());
      body = std::move(*b);
    }
    if constexpr (!kFile) {
      PrepareAnswerRecord(ctx, status, [](const boost::json::object& o) { return wire::ToJson(AnswerFrom<A>(o)); });
    }
    auto call = [&] {
      if constexpr (kHasQuery && kHasBody) {
        return handle(ctx, query, body);
      } else if constexpr (kHasQuery) {
        return handle(ctx, query);
      } else if constexpr (kHasBody) {
        return handle(ctx, body);
      } else {
        return handle(ctx);
      }
    };
    auto answer = call();
    if constexpr (kFile) {
      return RenderFile(ctx, answer);
    } else {
      if (!answer.ok()) return Render(ctx, status, answer.error(), false);
      return RenderText(ctx, endpoint_detail::SuccessStatusOf(status, *answer), wire::ToJsonText(*answer),
                        etag ? endpoint_detail::VersionOf(*answer) : std::nullopt);
    }
  };
  return r;
}

template <class H>
void Router::Add(Endpoint<H> e) {
  Add(ToRoute(std::move(e), choices_));
}

}  // namespace istihdam::http

#include "http/endpoint.h"

#include <boost/json.hpp>

#include "infra/database.h"

namespace istihdam::http {

namespace {

// A command that created what it names answers 201 even on a route whose usual success is
// 200 (PUT of a month's schedule that did not exist yet): its answer says "created": true.
int SuccessStatus(int declared, const boost::json::value& answer) {
  if (const auto* o = answer.if_object()) {
    if (const auto* created = o->if_contains("created"); created && created->is_bool() && created->as_bool()) {
      return 201;
    }
  }
  return declared;
}

}  // namespace

HttpResponse Render(RequestContext& ctx, int status, const Result<boost::json::value>& answer, bool etag) {
  if (!answer.ok()) {
    HttpResponse r = Fail(ctx, answer.error());
    if (r.status == 429) r.headers.emplace_back("Retry-After", "60");
    return r;
  }
  HttpResponse r = JsonResponse(SuccessStatus(status, *answer), *answer);
  for (const auto& h : ctx.answer_headers) r.headers.push_back(h);
  if (!etag) return r;
  const auto* version = answer->as_object().if_contains("version");
  return version && version->is_number() ? WithETag(std::move(r), version->to_number<std::uint64_t>()) : r;
}

HttpResponse RenderText(RequestContext& ctx, int status, std::string json, std::optional<std::uint64_t> etag) {
  HttpResponse r = JsonTextResponse(status, std::move(json));
  for (const auto& h : ctx.answer_headers) r.headers.push_back(h);
  return etag ? WithETag(std::move(r), *etag) : r;
}

HttpResponse RenderFile(RequestContext& ctx, const Result<FileAnswer>& answer) {
  if (!answer.ok()) return Fail(ctx, answer.error());
  HttpResponse r;
  r.content_type = answer->content_type;
  r.body = answer->body;
  if (!answer->filename.empty()) {
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + answer->filename + "\"");
  }
  return r;
}

void PrepareAnswerRecord(RequestContext& ctx, int status,
                         std::function<boost::json::value(const boost::json::object&)> shape) {
  if (ctx.idempotency_record_key.empty()) return;
  ctx.env.record = AnswerRecord{
      cf::kIdempotency, ctx.idempotency_record_key,
      [status, hash = ctx.request_hash, shape = std::move(shape)](const boost::json::object& outcome) {
        boost::json::value body = shape(outcome);
        boost::json::object rec;
        rec["status"] = SuccessStatus(status, body);
        rec["body"] = std::move(body);
        rec["requestHash"] = hash;
        return boost::json::serialize(rec);
      }};
}

}  // namespace istihdam::http

#include "http/json_io.h"

#include <boost/json.hpp>


#include "infra/text.h"

namespace istihdam::http {

HttpResponse JsonResponse(int status, const boost::json::value& body) {
  return JsonTextResponse(status, boost::json::serialize(body));
}

HttpResponse JsonTextResponse(int status, std::string json) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(json);
  // Text read back from aggregates folded over old events may not be UTF-8: the answer is.
  if (!IsValidUtf8(r.body)) r.body = ToValidUtf8Logged(r.body, "responses");
  return r;
}

HttpResponse WithETag(HttpResponse r, std::uint64_t version) {
  r.headers.emplace_back("ETag", "\"" + std::to_string(version) + "\"");
  return r;
}

}  // namespace istihdam::http

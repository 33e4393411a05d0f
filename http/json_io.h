#pragma once
// Writing JSON responses (request bodies are read by http/wire.h).
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>

#include "http/api.h"
#include "infra/result.h"

namespace istihdam::http {

HttpResponse JsonResponse(int status, const boost::json::value& body);
// The same with the body already written (UTF-8 checked here as there).
HttpResponse JsonTextResponse(int status, std::string json);

// Adds `ETag: "<version>"`, the version a client sends back in If-Match.
HttpResponse WithETag(HttpResponse r, std::uint64_t version);

}  // namespace istihdam::http

#include "infra/confidential_streams.h"

#include <boost/json.hpp>

#include <stdexcept>

namespace istihdam {

bool IsConfidentialStream(std::string_view stream) {
  for (const auto prefix : kConfidentialStreamPrefixes) {
    if (stream.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

std::string RedactEventJson(std::string_view event_json) {
  boost::system::error_code ec;
  auto v = boost::json::parse(event_json, ec);
  if (ec || !v.is_object()) throw std::invalid_argument("not a JSON object");
  auto& o = v.as_object();
  o["data"] = boost::json::object();
  o["redacted"] = true;
  return boost::json::serialize(o);
}

}  // namespace istihdam

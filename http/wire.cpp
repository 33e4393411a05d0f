#include "http/wire.h"

#include <boost/json/parse.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <mutex>
#include <set>

namespace istihdam::http::wire {

Result<boost::json::object> ParseObject(const std::string& body) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(body, ec);
  if (ec) return Error::Of(errc::kMalformedJson, ec.message());
  if (!v.is_object()) return Error::Of(errc::kMalformedJson, "the body must be a JSON object");
  return std::move(v.as_object());
}

Error BodyErrors(std::vector<FieldError> errors) {
  const auto wrong_type = [](const FieldError& e) { return e.code == errc::kInvalidType; };
  if (std::any_of(errors.begin(), errors.end(), wrong_type)) {
    // The 400 is about the body's shape: a missing field is reported once the shape is right.
    std::erase_if(errors, [](const FieldError& e) { return e.code == "required"; });
    return Error{errc::kInvalidType, std::move(errors), {}};
  }
  return Error::Validation(std::move(errors));
}

void ReportDrift(const char* type, const std::vector<FieldError>& fields) {
  static std::mutex mu;
  static std::set<std::string> reported;
  std::lock_guard lock(mu);
  for (const auto& f : fields) {
    if (reported.insert(std::string(type) + " " + f.field).second) {
      spdlog::warn("answer drift: {} field {} is {} in the document it is read from", type, f.field, f.code);
    }
  }
}

}  // namespace istihdam::http::wire

#include "http/wire.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

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

void TextWriter::AppendValue(std::string* out, const boost::json::value& v) { out->append(boost::json::serialize(v)); }

void TextWriter::AppendString(std::string* out, std::string_view s) {
  // The escapes of Boost.JSON's serializer: \" \\ \b \t \n \f \r, other control bytes as
  // \u00xx (lower-case hex); every other byte as it is.
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    out->push_back('\\');
    switch (c) {
      case '"': out->push_back('"'); break;
      case '\\': out->push_back('\\'); break;
      case '\b': out->push_back('b'); break;
      case '\t': out->push_back('t'); break;
      case '\n': out->push_back('n'); break;
      case '\f': out->push_back('f'); break;
      case '\r': out->push_back('r'); break;
      default:
        out->append("u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xf]);
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

}  // namespace istihdam::http::wire

#pragma once
// Reading JSON request bodies with type and text checks (400 invalid_type names every field
// of the wrong type; 422 validation_failed/invalid_text every string that is not acceptable
// text, infra/text.h) and writing JSON responses.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/api.h"
#include "infra/result.h"

namespace istihdam::http {

// A parsed request body. Accessors take dotted paths ("employer.title"); a missing or null
// field reads as empty, a field of the wrong type reads as empty and is recorded.
class JsonBody {
 public:
  // Error "malformed_json" when the body is not a JSON object.
  static Result<JsonBody> Parse(const std::string& body);

  // A string field that must be one line: a control character (even tab or newline) or, from
  // an escape such as \u0000 or a lone surrogate, text that is not UTF-8 reads as empty and
  // is recorded as invalid_text.
  std::string Str(const std::string& path);
  // A free-text field (address, description…): like Str, but tab, LF and CR are allowed.
  std::string Text(const std::string& path);
  bool Bool(const std::string& path);
  std::optional<std::int64_t> Int(const std::string& path);
  // Array of objects at path; each element is visited as a JsonBody with its own prefix.
  std::vector<JsonBody> Objects(const std::string& path);
  // The raw value, or nullptr.
  const boost::json::value* Find(const std::string& path) const;

  // Status "invalid_type" listing every field read with the wrong type (this and children),
  // else "validation_failed" listing every string field with invalid_text.
  Status TypeErrors() const;

 private:
  JsonBody(boost::json::value root, std::string prefix, std::shared_ptr<std::vector<FieldError>> errs)
      : root_(std::move(root)), prefix_(std::move(prefix)), errors_(std::move(errs)) {}
  void Wrong(const std::string& path);
  std::string ReadString(const std::string& path, bool multiline);

  boost::json::value root_;
  std::string prefix_;
  std::shared_ptr<std::vector<FieldError>> errors_;
};

HttpResponse JsonResponse(int status, const boost::json::value& body);

// Adds `ETag: "<version>"`, the version a client sends back in If-Match.
HttpResponse WithETag(HttpResponse r, std::uint64_t version);

// 200 with `doc`, tagged with its "version" field (a read model document of one aggregate).
HttpResponse VersionedJsonResponse(const boost::json::object& doc);

}  // namespace istihdam::http

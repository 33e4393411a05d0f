#include "http/json_io.h"

#include <boost/json.hpp>

#include <algorithm>

#include "infra/text.h"

namespace istihdam::http {

Result<JsonBody> JsonBody::Parse(const std::string& body) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(body, ec);
  if (ec) return Error::Of("malformed_json", ec.message());
  if (!v.is_object()) return Error::Of("malformed_json", "the body must be a JSON object");
  return JsonBody(std::move(v), "", std::make_shared<std::vector<FieldError>>());
}

const boost::json::value* JsonBody::Find(const std::string& path) const {
  const boost::json::value* cur = &root_;
  std::size_t start = 0;
  while (true) {
    const auto dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!cur->is_object()) return nullptr;
    const auto* next = cur->as_object().if_contains(key);
    if (!next || next->is_null()) return nullptr;
    cur = next;
    if (dot == std::string::npos) return cur;
    start = dot + 1;
  }
}

void JsonBody::Wrong(const std::string& path) { errors_->push_back({prefix_ + path, "invalid_type"}); }

std::string JsonBody::ReadString(const std::string& path, bool multiline) {
  const auto* v = Find(path);
  if (!v) return "";
  if (!v->is_string()) {
    Wrong(path);
    return "";
  }
  std::string s(v->as_string());
  if (!IsAcceptableText(s, multiline ? TextKind::kMultiline : TextKind::kLine)) {
    errors_->push_back({prefix_ + path, "invalid_text"});
    return "";
  }
  return s;
}

std::string JsonBody::Str(const std::string& path) { return ReadString(path, false); }

std::string JsonBody::Text(const std::string& path) { return ReadString(path, true); }

bool JsonBody::Bool(const std::string& path) {
  const auto* v = Find(path);
  if (!v) return false;
  if (v->is_bool()) return v->as_bool();
  Wrong(path);
  return false;
}

std::optional<std::int64_t> JsonBody::Int(const std::string& path) {
  const auto* v = Find(path);
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= INT64_MAX) return static_cast<std::int64_t>(v->as_uint64());
  Wrong(path);
  return std::nullopt;
}

std::vector<JsonBody> JsonBody::Objects(const std::string& path) {
  std::vector<JsonBody> out;
  const auto* v = Find(path);
  if (!v) return out;
  if (!v->is_array()) {
    Wrong(path);
    return out;
  }
  const auto& arr = v->as_array();
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string p = prefix_ + path + "[" + std::to_string(i) + "].";
    if (!arr[i].is_object()) {
      errors_->push_back({prefix_ + path + "[" + std::to_string(i) + "]", "invalid_type"});
      continue;
    }
    out.push_back(JsonBody(arr[i], p, errors_));
  }
  return out;
}

Status JsonBody::TypeErrors() const {
  if (errors_->empty()) return Status::Ok();
  const bool wrong_type = std::any_of(errors_->begin(), errors_->end(),
                                      [](const FieldError& e) { return e.code == "invalid_type"; });
  return Error{wrong_type ? "invalid_type" : "validation_failed", *errors_, {}};
}

HttpResponse JsonResponse(int status, const boost::json::value& body) {
  HttpResponse r;
  r.status = status;
  r.body = boost::json::serialize(body);
  // Text read back from aggregates folded over old events may not be UTF-8: the answer is.
  if (!IsValidUtf8(r.body)) r.body = ToValidUtf8Logged(r.body, "responses");
  return r;
}

HttpResponse WithETag(HttpResponse r, std::uint64_t version) {
  r.headers.emplace_back("ETag", "\"" + std::to_string(version) + "\"");
  return r;
}

HttpResponse VersionedJsonResponse(const boost::json::object& doc) {
  return WithETag(JsonResponse(200, doc), doc.at("version").to_number<std::uint64_t>());
}

}  // namespace istihdam::http

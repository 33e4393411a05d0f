// libFuzzer target: the JSON request body reader (http/json_io.h). Parse() must accept or
// refuse any bytes without crashing; on an object, every accessor at every path the body
// has (and at some it has not) must answer with its documented fallback, and TypeErrors()
// must list exactly the refused reads: those of the wrong type, and strings that Str()
// refuses as text (returned as "", issue 10's text checks).
#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "http/json_io.h"

namespace {

using istihdam::http::JsonBody;

void Check(bool ok) {
  if (!ok) std::abort();
}

// Dotted paths of the object members (depth-bounded), so the accessors hit real values.
void Paths(const boost::json::value& v, const std::string& prefix, int depth, std::vector<std::string>& out) {
  if (!v.is_object() || depth > 4 || out.size() > 64) return;
  for (const auto& [k, x] : v.as_object()) {
    const std::string p = prefix.empty() ? std::string(k) : prefix + "." + std::string(k);
    out.push_back(p);
    Paths(x, p, depth + 1, out);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  auto parsed = JsonBody::Parse(body);
  if (!parsed.ok()) {
    Check(parsed.error().code == "malformed_json");
    return 0;
  }
  JsonBody b = *parsed;
  std::vector<std::string> paths;
  boost::json::value root = boost::json::parse(body);  // Parse() accepted it, so this does
  Paths(root, "", 0, paths);
  paths.push_back("missing.path");  // and some it has not
  paths.push_back("");
  paths.push_back(".");
  std::size_t wrong = 0;    // reads of the wrong type
  std::size_t refused = 0;  // strings Str() refused as text
  for (const auto& p : paths) {
    const boost::json::value* v = b.Find(p);
    const std::string s = b.Str(p);
    if (!v) {
      Check(s.empty());
    } else if (v->is_string()) {
      if (s != std::string(v->as_string())) Check(s.empty()), ++refused;  // refused as text
    } else {
      ++wrong;
    }
    const bool flag = b.Bool(p);
    if (!v || v->is_bool()) Check(v ? flag == v->as_bool() : !flag);
    else ++wrong;
    const auto n = b.Int(p);
    const bool integral = v && (v->is_int64() || (v->is_uint64() && v->as_uint64() <= INT64_MAX));
    if (integral) Check(n.has_value());
    else if (v) Check(!n.has_value()), ++wrong;
    else Check(!n.has_value());
    auto objects = b.Objects(p);
    if (v && !v->is_array()) ++wrong;
    if (v && v->is_array()) {
      std::size_t objs = 0;
      for (const auto& e : v->as_array()) e.is_object() ? ++objs : ++wrong;
      Check(objects.size() == objs);
      for (auto& child : objects) {
        const auto* cs = child.Find("a.b");
        if (cs && !cs->is_string()) ++wrong;
        const std::string cv = child.Str("a.b");
        if (cs && cs->is_string() && cv != std::string(cs->as_string())) Check(cv.empty()), ++refused;
        if (!cs || !cs->is_string()) Check(cv.empty());
        const auto* cn = child.Find("n");
        if (cn && !(cn->is_int64() || (cn->is_uint64() && cn->as_uint64() <= INT64_MAX))) ++wrong;
        (void)child.Int("n");
      }
    } else {
      Check(objects.empty());
    }
  }
  const auto status = b.TypeErrors();
  if (wrong + refused == 0) {
    Check(status.ok());
  } else {
    Check(!status.ok() && status.error().fields.size() == wrong + refused);
    const std::string& code = status.error().code;
    Check(wrong > 0 ? code == "invalid_type" : code == "invalid_type" || code == "validation_failed");
  }
  return 0;
}

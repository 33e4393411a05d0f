// The hostile-client fuzz suite (issue 10, docs/fuzzing.md): a --demo server, every route of
// its /openapi.json, seeded hostile requests — wrong JSON types, huge and deeply nested
// values, invalid UTF-8 and NUL in bodies, queries and headers, %00 / .. / %2F / overlong
// path segments, overflowing numbers, bogus tokens, wrong content types, broken framing on
// raw sockets. Every answer must be below 500; every 4xx is problem+json with a code; every
// body that claims JSON is valid UTF-8 and parses strictly; the server stays healthy.
//
// The requests are a pure function of the seed (ISTIHDAM_FUZZ_SEED, default below; printed on
// failure). A failure lists every offending (method, path, case, status, body excerpt).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "e2e_helpers.h"

namespace e2e {
namespace {

constexpr std::uint64_t kDefaultSeed = 20261203;
constexpr const char* kAdminTckn = "10000000146";
constexpr const char* kAdminPassword = "Demo1234!";
constexpr const char* kUnitTckn = "93930103132";
constexpr const char* kUnitPassword = "Birim1234!";
constexpr const char* kAuditorTckn = "34567890170";
constexpr const char* kAuditorPassword = "Denetci1234!";

std::uint64_t Seed() {
  const char* s = std::getenv("ISTIHDAM_FUZZ_SEED");
  return s && *s ? std::strtoull(s, nullptr, 10) : kDefaultSeed;
}

std::string TempConfig() {
  return ::testing::TempDir() + "istihdam-hostile-" + std::to_string(::getpid()) + ".json";
}

// ---- what one request is and what its answer must be ----

struct Case {
  std::string method;
  std::string route;  // "GET /api/v1/workplaces/{id}" as in /openapi.json, or "raw" for framing
  std::string name;   // which hostile thing this is
  std::string target;
  std::string body;
  Headers headers;
  std::string raw;  // framing cases: the bytes sent as they are
};

struct Outcome {
  int status = 0;  // 0: no answer
  std::string content_type;
  std::string body;
  std::string error;  // transport failure
};

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool ValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

// Printable excerpt: bytes outside printable ASCII as \xNN.
std::string Excerpt(std::string_view s, std::size_t max = 240) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && out.size() < max; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      char b[8];
      std::snprintf(b, sizeof b, "\\x%02X", c);
      out += b;
    }
  }
  if (s.size() > max) out += "…";
  return out;
}

// What is wrong with an answer, or "" when nothing is.
std::string Judge(const Case& c, const Outcome& o) {
  if (o.status == 0) {
    // Broken framing may be answered by closing the connection; nothing else may.
    if (!c.raw.empty()) return "";
    return "no answer: " + o.error;
  }
  if (o.status >= 500) return "5xx";
  const std::string ct = o.content_type;
  if (o.status >= 400) {
    if (ct.rfind("application/problem+json", 0) != 0) return "4xx without application/problem+json (" + ct + ")";
  }
  const bool ndjson = ct.find("ndjson") != std::string::npos;
  if (ct.find("json") != std::string::npos) {
    if (!ValidUtf8(o.body)) return "JSON body is not valid UTF-8";
    std::vector<std::string_view> docs;
    if (ndjson) {
      std::string_view rest = o.body;
      while (!rest.empty()) {
        const auto nl = rest.find('\n');
        const auto line = rest.substr(0, nl);
        if (!line.empty()) docs.push_back(line);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      }
    } else {
      docs.push_back(o.body);
    }
    for (const auto d : docs) {
      boost::system::error_code ec;
      const auto v = json::parse(d, ec);  // strict: no comments, no trailing commas, UTF-8
      if (ec) return "JSON body does not parse: " + ec.message();
      if (o.status >= 400 && !ndjson) {
        const auto* code = v.is_object() ? v.as_object().if_contains("code") : nullptr;
        if (!code || !code->is_string() || code->as_string().empty()) return "problem without a code";
      }
    }
  }
  return "";
}

// ---- transport ----

// Sends `bytes` on a fresh connection, half-closes, and reads until the server closes (or
// the deadline). The answer is parsed loosely: status line, headers, then the body.
Outcome RawExchange(std::uint16_t port, const std::string& bytes, bool half_close = true) {
  Outcome o;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return o.error = "socket", o;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return o.error = "connect", o;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::size_t sent = 0;
  std::string in;
  bool write_open = true;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, static_cast<short>(POLLIN | (write_open && sent < bytes.size() ? POLLOUT : 0)), 0};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (::poll(&p, 1, static_cast<int>(std::max<std::int64_t>(left.count(), 1))) <= 0) break;
    if (p.revents & POLLOUT) {
      const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) {
        write_open = false;
      } else {
        sent += static_cast<std::size_t>(n);
      }
      if (sent == bytes.size() && half_close) ::shutdown(fd, SHUT_WR), write_open = false;
    }
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      char buf[65536];
      const auto n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      in.append(buf, static_cast<std::size_t>(n));
    }
  }
  ::close(fd);
  const auto head_end = in.find("\r\n\r\n");
  if (in.rfind("HTTP/1.", 0) != 0 || head_end == std::string::npos || in.size() < 12) {
    o.error = in.empty() ? "closed without an answer" : "garbled answer: " + Excerpt(in, 80);
    return o;
  }
  o.status = std::atoi(in.c_str() + 9);
  std::istringstream hs(in.substr(0, head_end));
  std::string line;
  std::size_t length = std::string::npos;
  while (std::getline(hs, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon), value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (name == "content-type") o.content_type = value;
    if (name == "content-length") length = std::strtoull(value.c_str(), nullptr, 10);
  }
  o.body = in.substr(head_end + 4, length);
  return o;
}

Outcome Send(std::uint16_t port, const Case& c) {
  if (!c.raw.empty()) return RawExchange(port, c.raw);
  Outcome o;
  try {
    const auto r = Request(port, c.method, c.target, c.body, c.headers);
    o.status = r.status;
    o.content_type = r.Header("Content-Type");
    o.body = r.body;
  } catch (const std::exception& e) {
    o.error = e.what();
  }
  return o;
}

// ---- the hostile values ----

const std::vector<std::pair<std::string, std::string>>& HostilePathSegments() {
  static const std::vector<std::pair<std::string, std::string>> v = {
      {"nul", "%00"},
      {"trailing-nul", "{valid}%00"},
      {"dotdot", ".."},
      {"encoded-dotdot", "%2E%2E"},
      {"encoded-slash", "%2F"},
      {"valid-encoded-slash", "{valid}%2Fx"},
      {"traversal", "..%2F..%2F..%2Fetc%2Fpasswd"},
      {"overlong", std::string(5000, '9')},
      {"invalid-utf8", "%FF%FE"},
      {"overlong-utf8-slash", "%C0%AF"},
      {"rtl-override", "%E2%80%AE1"},
      {"minus-one", "-1"},
      {"int64-max", "9223372036854775807"},
      {"past-uint64", "18446744073709551616"},
      {"float-overflow", "1e400"},
      {"space", "%20"},
      {"crlf", "%0D%0AX-Injected:%201"},
      {"braces", "{x}"},
      {"bare-percent", "%"},
      {"bad-escape", "%zz"},
      {"controls", "%01%1B%7F"},
      {"empty", ""},
  };
  return v;
}

const std::vector<std::pair<std::string, std::string>>& HostileQueryValues() {
  static const std::vector<std::pair<std::string, std::string>> v = {
      {"invalid-utf8", "%FF%FE"},
      {"nul", "a%00b"},
      {"minus-one", "-1"},
      {"int64-max", "9223372036854775807"},
      {"past-uint64", "99999999999999999999"},
      {"float-overflow", "1e400"},
      {"empty", ""},
      {"overlong", std::string(4000, '7')},
      {"truncated-utf8", "%C3"},
      {"controls", "%01%1B"},
      {"json", "%7B%22a%22%3A1%7D"},
      {"bare-percent", "%"},
  };
  return v;
}

// JSON text of hostile scalar values, in place of a field.
const std::vector<std::pair<std::string, std::string>>& HostileJsonValues() {
  static const std::vector<std::pair<std::string, std::string>> v = {
      {"int64-max", "9223372036854775807"},
      {"int64-min", "-9223372036854775808"},
      {"uint64-max", "18446744073709551615"},
      {"past-uint64", "184467440737095516160"},
      {"minus-one", "-1"},
      {"float-overflow", "1e400"},
      {"fraction", "1.5"},
      {"nul-escape", "\"a\\u0000b\""},
      {"controls", "\"\\u0001\\u001b[31m\\u007f\""},
      {"lone-surrogate", "\"\\ud800\""},
      {"rtl-override", "\"\\u202e1234\""},
      {"long-string", "\"" + std::string(100000, 'A') + "\""},
      {"traversal", "\"../../etc/passwd\""},
      {"true", "true"},
      {"null", "null"},
      {"array", "[1,\"x\",{}]"},
      {"object", "{\"a\":{\"b\":[]}}"},
      {"empty-string", "\"\""},
      {"number-string", "\"9223372036854775808\""},
      {"emoji", "\"\\ud83d\\ude00 İı\""},
  };
  return v;
}

// Raw (not escaped) invalid UTF-8 inside a JSON string.
const std::vector<std::pair<std::string, std::string>>& InvalidUtf8Strings() {
  static const std::vector<std::pair<std::string, std::string>> v = {
      {"raw-ff-fe", "\"Fu\xFF\xFEzz\""},
      {"raw-truncated", "\"ab\xC3\""},
      {"raw-overlong", "\"\xC0\xAF\""},
      {"raw-surrogate", "\"\xED\xA0\x80\""},
      {"raw-nul", std::string("\"a\0b\"", 5)},
  };
  return v;
}

// ---- request bodies from the OpenAPI schemas ----

std::string LastMonth() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  int y = tm.tm_year + 1900, m = tm.tm_mon;  // tm_mon is 0-based: this is last month's number
  if (m == 0) m = 12, --y;
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d", y, m);
  return b;
}

// A plausible value for a schema (valid enough that handlers get past the type checks).
json::value Sample(const json::value& schema, int depth = 0) {
  if (!schema.is_object() || depth > 6) return nullptr;
  const auto& s = schema.as_object();
  if (const auto* e = s.if_contains("enum"); e && e->is_array() && !e->as_array().empty()) return e->as_array()[0];
  if (const auto* ex = s.if_contains("example")) return *ex;
  const std::string type = s.contains("type") && s.at("type").is_string() ? std::string(s.at("type").as_string()) : "";
  const std::string format = s.contains("format") && s.at("format").is_string() ? std::string(s.at("format").as_string()) : "";
  if (type == "object" || s.contains("properties")) {
    json::object o;
    if (const auto* p = s.if_contains("properties"); p && p->is_object()) {
      for (const auto& [k, v] : p->as_object()) o[k] = Sample(v, depth + 1);
    }
    return o;
  }
  if (type == "array") {
    json::array a;
    if (const auto* i = s.if_contains("items")) a.push_back(Sample(*i, depth + 1));
    return a;
  }
  if (type == "integer" || type == "number") return 1;
  if (type == "boolean") return true;
  if (type == "string") {
    if (format == "date") return json::string(LastMonth() + "-15");
    if (format == "date-time") return "2026-01-01T00:00:00Z";
    return "istihdam";
  }
  return "x";
}

// Every field of a sampled body as a path of keys and array indexes.
using FieldPath = std::vector<std::variant<std::string, std::size_t>>;

void CollectFields(const json::value& v, FieldPath& at, std::vector<FieldPath>& out) {
  if (v.is_object()) {
    for (const auto& [k, x] : v.as_object()) {
      at.emplace_back(std::string(k));
      out.push_back(at);
      CollectFields(x, at, out);
      at.pop_back();
    }
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.as_array().size(); ++i) {
      at.emplace_back(i);
      CollectFields(v.as_array()[i], at, out);
      at.pop_back();
    }
  }
}

std::string PathName(const FieldPath& p) {
  std::string out;
  for (const auto& e : p) {
    if (const auto* k = std::get_if<std::string>(&e)) {
      out += (out.empty() ? "" : ".") + *k;
    } else {
      out += "[" + std::to_string(std::get<std::size_t>(e)) + "]";
    }
  }
  return out;
}

json::value* At(json::value& root, const FieldPath& p) {
  json::value* cur = &root;
  for (const auto& e : p) {
    if (const auto* k = std::get_if<std::string>(&e)) {
      if (!cur->is_object()) return nullptr;
      cur = cur->as_object().if_contains(*k);
    } else {
      if (!cur->is_array() || std::get<std::size_t>(e) >= cur->as_array().size()) return nullptr;
      cur = &cur->as_array()[std::get<std::size_t>(e)];
    }
    if (!cur) return nullptr;
  }
  return cur;
}

// `body` with the field at `p` replaced by the JSON text `raw` (which may be invalid JSON or
// invalid UTF-8 on purpose: spliced in as text through a unique placeholder).
std::string Splice(json::value body, const FieldPath& p, const std::string& raw) {
  const std::string mark = "@@HOSTILE@@";
  if (auto* v = At(body, p)) *v = mark;
  std::string text = json::serialize(body);
  const auto at = text.find("\"" + mark + "\"");
  if (at != std::string::npos) text.replace(at, mark.size() + 2, raw);
  return text;
}

// ---- the suite ----

struct Route {
  std::string method;  // upper case
  std::string pattern;
  std::string access;
  std::vector<std::string> staff_roles;
  std::vector<std::string> query;
  std::optional<json::value> body_schema;
};

class HostileRequestsTest : public ServerSuite<HostileRequestsTest> {
 public:
  static ServerOptions SuiteServerOptions() {
    // Rate limits off, so that hostile logins, resets and registrations reach their handlers.
    std::ofstream(TempConfig()) << R"({"authRatePerTcknPerMinute": 0, "authRatePerClientPerMinute": 0})";
    ServerOptions o;
    o.demo = true;
    o.extra_args = {"--config", TempConfig()};
    return o;
  }
  static void TearDownTestSuite() {
    ServerSuite<HostileRequestsTest>::TearDownTestSuite();
    std::remove(TempConfig().c_str());
  }
};

// The first item of a list answer's field among `names` ("" when there is none).
std::string FirstItem(const HttpResponse& r, std::initializer_list<const char*> names) {
  if (r.status != 200) return "";
  boost::system::error_code ec;
  const auto v = json::parse(r.body, ec);
  if (ec || !v.is_object()) return "";
  const auto* items = v.as_object().if_contains("items");
  if (!items || !items->is_array() || items->as_array().empty() || !items->as_array()[0].is_object()) return "";
  const auto& first = items->as_array()[0].as_object();
  for (const char* n : names) {
    if (const auto* f = first.if_contains(n); f && f->is_string()) return std::string(f->as_string());
  }
  return "";
}

TEST_F(HostileRequestsTest, EveryRouteSurvivesSeededHostileRequests) {
  const std::uint64_t seed = Seed();
  std::mt19937_64 rng(seed);
  const auto started = std::chrono::steady_clock::now();
  const std::uint16_t p = port();

  const std::string admin = Login(p, kAdminTckn, kAdminPassword);
  const std::string unit = Login(p, kUnitTckn, kUnitPassword);
  const std::string auditor = Login(p, kAuditorTckn, kAuditorPassword);
  const std::string at = "?minPosition=" + std::to_string(HealthPosition(p));

  // Path parameters filled from the demo data.
  std::map<std::string, std::string> valid = {{"id", "3000000001"}, {"month", LastMonth()}, {"code", "34"},
                                              {"date", LastMonth() + "-15"}};
  const std::string year = LastMonth().substr(0, 4);
  valid["typNo"] = FirstItem(Get(p, "/api/v1/typ/programs" + at, unit), {"typNo", "no", "id"});
  if (valid["typNo"].empty()) valid["typNo"] = "TYP-" + year + "-34-00001";
  valid["participantId"] =
      FirstItem(Get(p, "/api/v1/typ/programs/" + valid["typNo"] + "/participants", unit), {"participantId", "id"});
  valid["userId"] = FirstItem(Get(p, "/api/v1/users", admin), {"userId", "id"});
  valid["streamId"] = FirstItem(Get(p, "/api/v1/events?limit=1", auditor), {"streamId"});
  valid["no"] = FirstItem(Get(p, "/api/v1/benefit-declarations?unitId=34&employerId=2000000001&declarationType=KCO", unit),
                          {"no", "declarationNo", "id"});
  const std::string dismissal = FirstItem(Get(p, "/api/v1/collective-dismissals", admin), {"id"});
  std::cout << "[ hostile  ] path parameters:";
  for (const auto& [k, v] : valid) std::cout << " " << k << "=" << (v.empty() ? "(none: 0)" : v);
  std::cout << " dismissal id=" << (dismissal.empty() ? "(none: 0)" : dismissal) << "\n";

  // The routes, from the server's own contract.
  const auto spec_answer = Get(p, "/openapi.json");
  ASSERT_EQ(spec_answer.status, 200);
  const auto spec = spec_answer.Json();
  std::vector<Route> routes;
  for (const auto& [path, item] : spec.at("paths").as_object()) {
    for (const auto& [method, op_value] : item.as_object()) {
      const auto& op = op_value.as_object();
      Route r;
      r.method = std::string(method);
      std::transform(r.method.begin(), r.method.end(), r.method.begin(), [](unsigned char c) { return std::toupper(c); });
      r.pattern = std::string(path);
      r.access = op.contains("x-access") ? std::string(op.at("x-access").as_string()) : "public";
      if (const auto* roles = op.if_contains("x-staff-roles")) {
        for (const auto& s : roles->as_array()) r.staff_roles.emplace_back(s.as_string());
      }
      for (const auto& prm : op.at("parameters").as_array()) {
        if (prm.at("in").as_string() == "query") r.query.emplace_back(prm.at("name").as_string());
      }
      if (const auto* rb = op.if_contains("requestBody")) {
        r.body_schema = rb->at("content").at("application/json").at("schema");
      }
      routes.push_back(std::move(r));
    }
  }
  ASSERT_GE(routes.size(), 40u) << "openapi.json lists fewer routes than expected";

  std::vector<Case> cases;
  auto token_for = [&](const Route& r) -> std::string {
    if (r.access == "staff") {
      return std::find(r.staff_roles.begin(), r.staff_roles.end(), "auditor") != r.staff_roles.end() ? auditor : unit;
    }
    if (r.access == "public") return "";
    if (r.pattern.rfind("/api/v1/typ", 0) == 0 || r.pattern.rfind("/api/v1/benefit-declarations", 0) == 0) {
      return std::uniform_int_distribution<int>(0, 1)(rng) ? unit : admin;
    }
    return admin;
  };
  auto fill = [&](const Route& r, const std::string& param, const std::string& value) {
    std::string out = r.pattern;
    std::size_t pos;
    while ((pos = out.find('{')) != std::string::npos) {
      const auto end = out.find('}', pos);
      const std::string name = out.substr(pos + 1, end - pos - 1);
      std::string v = name == "id" && r.pattern.find("collective-dismissals") != std::string::npos ? dismissal : valid[name];
      if (v.empty()) v = "0";
      if (name == param) {
        std::string h = value;
        if (const auto at_valid = h.find("{valid}"); at_valid != std::string::npos) h.replace(at_valid, 7, v);
        v = h;
      }
      out.replace(pos, end - pos + 1, v);
    }
    return out;
  };
  auto pick = [&](const auto& list) -> const auto& {
    return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(rng)];
  };
  auto add = [&](const Route& r, std::string name, std::string target, std::string body, Headers h,
                 const std::string& token) {
    // The demo tokens must outlive the run: logout only ever sees bogus ones.
    const bool logout = r.pattern == "/api/v1/auth/logout";
    if (!token.empty() && !logout) h.emplace_back("Authorization", "Bearer " + token);
    cases.push_back({r.method, r.method + " " + r.pattern, std::move(name), std::move(target), std::move(body),
                     std::move(h), ""});
  };

  // A plausible body: sampled from the schema, with the values of the resource itself where
  // there is one to read (PUT: the GET of the same path; POST: the first item of the list), so
  // that hostile fields reach the handlers' deeper checks rather than stopping at the first.
  auto plausible = [&](const Route& r, const std::string& target, const std::string& tok) {
    json::value body = Sample(*r.body_schema);
    const auto base = Get(p, target, tok);
    boost::system::error_code ec;
    json::value doc = base.status == 200 ? json::parse(base.body, ec) : json::value();
    if (!ec && doc.is_object() && r.method == "POST") {
      const auto* items = doc.as_object().if_contains("items");
      doc = items && items->is_array() && !items->as_array().empty() ? items->as_array()[0] : json::value();
    }
    if (!ec && doc.is_object() && body.is_object()) {
      for (auto& [k, v] : body.as_object()) {
        if (const auto* d = doc.as_object().if_contains(k); d && !d->is_null()) v = *d;
      }
    }
    return body;
  };

  for (const auto& r : routes) {
    const std::string tok = token_for(r);
    const std::string target = fill(r, "", "");
    const json::value sample = r.body_schema ? plausible(r, target, tok) : json::value(json::object());
    const std::string body = r.body_schema ? json::serialize(sample) : "";
    const bool has_body = r.method == "POST" || r.method == "PUT";

    // As every kind of caller, with a plausible request.
    for (const auto& [who, t] : {std::pair<std::string, std::string>{"admin", admin}, {"unit", unit}, {"auditor", auditor}}) {
      add(r, "as-" + who, target, body, {}, t);
    }
    // Hostile path segments, one parameter at a time.
    for (std::size_t pos = r.pattern.find('{'); pos != std::string::npos; pos = r.pattern.find('{', pos + 1)) {
      const std::string param = r.pattern.substr(pos + 1, r.pattern.find('}', pos) - pos - 1);
      for (const auto& [name, seg] : HostilePathSegments()) {
        add(r, "path:" + param + ":" + name, fill(r, param, seg), body, {}, tok);
      }
    }
    // A PUT that changes something (an address) on an id ending in NUL reaches the store.
    if (r.method == "PUT" && r.pattern.find('{') != std::string::npos && sample.is_object()) {
      json::value changed = sample;
      std::vector<FieldPath> all;
      FieldPath none;
      CollectFields(changed, none, all);
      for (const auto& f : all) {
        const auto* key = std::get_if<std::string>(&f.back());
        auto* v = At(changed, f);
        if (key && v && v->is_string() && key->find("ddress") != std::string::npos) *v = "Değişik Cad. 7";
      }
      for (std::size_t pos = r.pattern.find('{'); pos != std::string::npos; pos = r.pattern.find('{', pos + 1)) {
        const std::string param = r.pattern.substr(pos + 1, r.pattern.find('}', pos) - pos - 1);
        add(r, "path:" + param + ":trailing-nul-changed", fill(r, param, "{valid}%00"), json::serialize(changed), {}, tok);
      }
    }
    // Hostile query values: every parameter, a few values each; the paging ones always.
    std::vector<std::string> query = r.query;
    if (r.method == "GET") query.insert(query.end(), {"page", "pageSize"});
    for (const auto& q : query) {
      for (int i = 0; i < 4; ++i) {
        const auto& [name, value] = pick(HostileQueryValues());
        add(r, "query:" + q + ":" + name, target + (target.find('?') == std::string::npos ? "?" : "&") + q + "=" + value,
            body, {}, tok);
      }
    }
    if (r.method == "GET") {
      // minPosition: past the end (waits up to 2 s: only on a few routes), and malformed.
      for (const auto& [name, value] :
           std::vector<std::pair<std::string, std::string>>{{"minus-one", "-1"}, {"past-uint64", "99999999999999999999"},
                                                            {"float", "1e400"}, {"invalid-utf8", "%FF"}, {"nul", "1%00"}}) {
        add(r, "query:minPosition:" + name, target + "?minPosition=" + value, "", {}, tok);
      }
      add(r, "query:raw-invalid-utf8-bytes", target + "?page=\xFF\xFE&x=\xC3", "", {}, tok);
      add(r, "query:duplicate-page", target + "?page=1&page=2&pageSize=100&pageSize=0", "", {}, tok);
    }
    // Bogus tokens (and none) on routes that need one.
    if (r.access != "public") {
      const std::vector<std::pair<std::string, std::string>> bogus = {
          {"no-scheme", "abc"},          {"empty-bearer", "Bearer "},
          {"basic", "Basic dXNlcjpwYXNz"}, {"garbage", "Bearer x.y.z"},
          {"huge", "Bearer " + std::string(12000, 'A')}, {"invalid-utf8", "Bearer \xFF\xFE\xC3"},
          {"nul-ish", "Bearer %00"},     {"double", "Bearer " + admin + " Bearer " + admin},
          {"token-prefix", "Bearer " + admin.substr(0, admin.size() / 2)},
      };
      for (int i = 0; i < 4; ++i) {
        const auto& [name, value] = pick(bogus);
        add(r, "auth:" + name, target, body, {{"Authorization", value}}, "");
      }
      add(r, "auth:none", target, body, {}, "");
    }
    // Hostile headers.
    add(r, "header:accept-language-invalid-utf8", target, body, {{"Accept-Language", "\xFF\xFE;q=\xC3"}}, tok);
    add(r, "header:accept-language-huge", target, body, {{"Accept-Language", std::string(8000, 'e')}}, tok);
    add(r, "header:idempotency-key-invalid-utf8", target, body, {{"Idempotency-Key", "k\xFF\xFE"}}, tok);
    add(r, "header:idempotency-key-huge", target, body, {{"Idempotency-Key", std::string(10000, 'k')}}, tok);
    if (r.method == "PUT") {
      for (const char* m : {"\"-1\"", "\"99999999999999999999\"", "*", "\"1\xFF\"", "W/\"1\"", "\"\""}) {
        add(r, "header:if-match:" + Excerpt(m), target, body, {{"If-Match", m}}, tok);
      }
    }
    if (r.method == "GET") add(r, "header:accept-ndjson", target, "", {{"Accept", "application/x-ndjson"}}, tok);
    // Other methods on the same path.
    add(r, "method:DELETE", target, "", {}, tok);
    cases.push_back({"PATCH", "PATCH " + r.pattern, "method:PATCH", target, "{}", {{"Authorization", "Bearer " + tok}}, ""});

    if (!has_body) continue;
    // Bodies that are not the object the route wants.
    const std::vector<std::pair<std::string, std::string>> shapes = {
        {"empty", ""},
        {"not-json", "tckn=1&password=2"},
        {"truncated", body.substr(0, body.size() / 2)},
        {"array", "[" + body + "]"},
        {"null", "null"},
        {"string", "\"" + std::string(50, 'x') + "\""},
        {"number", "9223372036854775808"},
        {"deep-arrays", "{\"a\":" + std::string(5000, '[') + std::string(5000, ']') + "}"},
        {"deep-objects", [] {
           std::string s;
           for (int i = 0; i < 2000; ++i) s += "{\"a\":";
           return s + "1" + std::string(2000, '}');
         }()},
        {"huge-array", "{\"items\":[" + [] {
           std::string s = "0";
           for (int i = 0; i < 100000; ++i) s += ",0";
           return s;
         }() + "]}"},
        {"over-body-limit", "{\"a\":\"" + std::string(1100000, 'a') + "\"}"},
        {"duplicate-keys", body.size() > 2 ? body.substr(0, body.size() - 1) + "," + body.substr(1) : body},
        {"comments", "/* c */" + body},
        {"trailing-comma", body.size() > 2 ? body.substr(0, body.size() - 1) + ",}" : body},
        {"invalid-utf8-key", "{\"\xFF\xFE\":1}"},
        {"bom", "\xEF\xBB\xBF" + body},
    };
    for (const auto& [name, b] : shapes) add(r, "body:" + name, target, b, {}, tok);
    // Wrong content types for a JSON body.
    for (const char* ct : {"text/plain", "application/xml", "text/csv", "application/json; charset=latin1",
                           "multipart/form-data; boundary=x", "\xFF\xFE/\xC3"}) {
      add(r, std::string("content-type:") + Excerpt(ct), target, body, {{"Content-Type", ct}}, tok);
    }
    // Field by field: hostile values and raw invalid UTF-8.
    std::vector<FieldPath> fields;
    FieldPath cur;
    CollectFields(sample, cur, fields);
    for (const auto& f : fields) {
      for (int i = 0; i < 3; ++i) {
        const auto& [name, raw] = pick(HostileJsonValues());
        add(r, "field:" + PathName(f) + ":" + name, target, Splice(sample, f, raw), {}, tok);
      }
      const auto& [name, raw] = pick(InvalidUtf8Strings());
      add(r, "field:" + PathName(f) + ":" + name, target, Splice(sample, f, raw), {}, tok);
    }
    // Every string field at once holding NUL and controls.
    {
      json::value b = sample;
      for (const auto& f : fields) {
        if (auto* v = At(b, f); v && v->is_string()) *v = json::string(std::string_view("a\0b\x01\x1b", 5));
      }
      add(r, "fields:all-strings-nul", target, json::serialize(b), {}, tok);
    }
  }

  // The bulk personnel form: CSV and XLSX bodies.
  {
    Route r{"PUT", "/api/v1/workplaces/{id}/workforce-schedules/{month}/personnel", "employer", {}, {}, {}};
    const std::string target = fill(r, "", "");
    const std::string head =
        "type,tckn,firstName,lastName,sex,date,occupation,category,contractType,undergroundUnderwater,leavingReason\n";
    const std::string row = "hired,10000000146,Ayşe,Yılmaz,female," + LastMonth() + "-03,7531,none,indefinite,false,\n";
    // The month's own movements as CSV, one first name made of invalid UTF-8 (issue 10's case).
    std::string real = head;
    {
      const auto month = Get(p, "/api/v1/workplaces/3000000001/workforce-schedules/" + LastMonth(), admin);
      boost::system::error_code ec;
      const auto doc = json::parse(month.body, ec);
      const json::value* moves = !ec && doc.is_object() ? doc.as_object().if_contains("personnelMovements") : nullptr;
      bool poisoned = false;
      for (const auto& m : moves && moves->is_array() ? moves->as_array() : json::array()) {
        std::string line;
        for (const char* col : {"type", "tckn", "firstName", "lastName", "sex", "date", "occupation", "category",
                                "contractType", "undergroundUnderwater", "leavingReason"}) {
          const auto* v = m.is_object() ? m.as_object().if_contains(col) : nullptr;
          std::string cell = !v ? "" : v->is_string() ? std::string(v->as_string()) : json::serialize(*v);
          if (std::string(col) == "firstName" && !poisoned) cell = "Fu\xFF\xFEzz", poisoned = true;
          line += (line.empty() ? "" : ",") + cell;
        }
        real += line + "\n";
      }
    }
    const std::vector<std::pair<std::string, std::string>> csv = {
        {"invalid-utf8-first-name-of-real-rows", real},
        {"invalid-utf8-cell", head + "hired,10000000146,Fu\xFF\xFEzz,Y,female," + LastMonth() + "-03,7531,none,indefinite,,\n"},
        {"invalid-utf8-header", "type,tck\xFFn,first\xC3\n" + row},
        {"nul-cell", head + std::string("hired,10000000146,A\0B,Y,female,", 31) + LastMonth() + "-03,7531,none,indefinite,,\n"},
        {"controls", head + "hired,10000000146,\x1b[31m,\x01,female," + LastMonth() + "-03,7531,none,indefinite,,\n"},
        {"unterminated-quote", head + "\"hired,1000"},
        {"bom-only", "\xEF\xBB\xBF"},
        {"empty", ""},
        {"many-columns", std::string(20000, ',') + "\n"},
        {"many-rows", head + [&] {
           std::string s;
           for (int i = 0; i < 3000; ++i) s += row;
           return s;
         }()},
        {"huge-cell", head + "hired,10000000146," + std::string(900000, 'A') + ",Y,female,2026-01-01,7531,none,indefinite,,\n"},
        {"overflow-numbers", head + "hired,99999999999999999999999,A,B,female,9999-99-99,-1,none,indefinite,2,\n"},
        {"crlf-quotes", "\"type\",\"tckn\"\r\n\"\"\"\",\"\r\n\"\r\n"},
    };
    for (const auto& [name, b] : csv) add(r, "csv:" + name, target, b, {{"Content-Type", "text/csv"}}, admin);
    const std::string xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    std::string noise(4096, '\0');
    for (auto& c : noise) c = static_cast<char>(rng());
    for (const auto& [name, b] : std::vector<std::pair<std::string, std::string>>{
             {"random-bytes", noise},
             {"zip-magic-then-noise", "PK\x03\x04" + noise},
             {"eocd-only", std::string("PK\x05\x06", 4) + std::string(18, '\0')},
             {"csv-as-xlsx", head + row}}) {
      add(r, "xlsx:" + name, target, b, {{"Content-Type", xlsx}}, admin);
    }
  }

  // Broken framing on raw sockets.
  const std::string auth = "Authorization: Bearer " + admin + "\r\n";
  const std::vector<std::pair<std::string, std::string>> raw = {
      {"truncated-body", "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"tckn\":\"1"},
      {"truncated-put", "PUT /api/v1/workplaces/3000000001 HTTP/1.1\r\nHost: x\r\n" + auth +
                            "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"title\":"},
      {"garbage-request-line", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n"},
      {"no-version", "GET /health\r\n\r\n"},
      {"http-0.9", "GET /\r\n"},
      {"bad-version", "GET /health HTTP/9.9\r\nHost: x\r\n\r\n"},
      {"lowercase-method", "get /health HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"huge-method", std::string(10000, 'G') + " /health HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"huge-target", "GET /" + std::string(100000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"huge-header", "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100000, 'b') + "\r\n\r\n"},
      {"many-headers", "GET /health HTTP/1.1\r\nHost: x\r\n" + [] {
         std::string s;
         for (int i = 0; i < 3000; ++i) s += "X-" + std::to_string(i) + ": v\r\n";
         return s;
       }() + "\r\n"},
      {"header-without-colon", "GET /health HTTP/1.1\r\nHost x\r\n\r\n"},
      {"nul-in-header", std::string("GET /health HTTP/1.1\r\nHost: x\0y\r\n\r\n", 35)},
      {"raw-invalid-utf8-target", "GET /api/v1/provinces/\xFF\xFE/districts HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"raw-space-in-target", "GET /api/v1/provinces/3 4/districts HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"absolute-form", "GET http://evil.example/api/v1/provinces HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"asterisk-form", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"},
      {"negative-content-length", "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n{}"},
      {"huge-content-length", "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n{}"},
      {"two-content-lengths", "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"},
      {"bad-chunk-size", "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"},
      {"chunk-overflow", "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n{}\r\n"},
      {"chunked-and-length", "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"},
      {"bare-lf", "GET /health HTTP/1.1\nHost: x\n\n"},
      {"pipelined-garbage", "GET /health HTTP/1.1\r\nHost: x\r\n\r\n\x01\x02\x03 / HTTP/1.1\r\n\r\n"},
      {"header-folding", "GET /health HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\n\r\n"},
      {"only-crlf", "\r\n\r\n\r\n"},
  };
  for (const auto& [name, bytes] : raw) cases.push_back({"RAW", "raw", "framing:" + name, "", "", {}, bytes});

  // About 60 cases per route: the bound grows with the route table (15,000 at ~250 routes).
  ASSERT_LE(cases.size(), 15000u) << "the suite is bounded to several thousand requests";

  // Send them all, in order, and judge every answer.
  struct Failure {
    std::size_t c;  // index into cases (which grows below)
    Outcome o;
    std::string why;
  };
  std::vector<Failure> failures;
  std::map<int, int> statuses;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Outcome o = Send(p, cases[i]);
    ++statuses[o.status];
    if (auto why = Judge(cases[i], o); !why.empty()) failures.push_back({i, o, why});
  }
  const std::size_t sent = cases.size();
  // Afterwards every read, as every caller, must still answer: what the hostile writes stored
  // must not break it.
  for (const auto& r : routes) {
    if (r.method != "GET") continue;
    for (const auto& [who, t] : {std::pair<std::string, std::string>{"admin", admin}, {"unit", unit}, {"auditor", auditor}}) {
      Case c{"GET", "GET " + r.pattern, "read-after-writes-as-" + who, fill(r, "", ""), "", {{"Authorization", "Bearer " + t}}, ""};
      c.target += (c.target.find('?') == std::string::npos ? "?" : "&") + std::string("pageSize=100");
      cases.push_back(std::move(c));
    }
  }
  // The newest events, where the hostile writes are, as the auditor sees them (JSON, NDJSON).
  const std::uint64_t end = HealthPosition(p);
  const std::string recent = "/api/v1/events?from=" + std::to_string(end > 60 ? end - 60 : 1) + "&limit=100";
  cases.push_back({"GET", "GET /api/v1/events", "read-after-writes-recent", recent, "", {{"Authorization", "Bearer " + auditor}}, ""});
  cases.push_back({"GET", "GET /api/v1/events", "read-after-writes-recent-ndjson", recent, "",
                   {{"Authorization", "Bearer " + auditor}, {"Accept", "application/x-ndjson"}}, ""});
  for (std::size_t i = sent; i < cases.size(); ++i) {
    const Outcome o = Send(p, cases[i]);
    ++statuses[o.status];
    if (auto why = Judge(cases[i], o); !why.empty()) failures.push_back({i, o, why});
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);

  std::ostringstream summary;
  summary << cases.size() << " requests over " << routes.size() << " routes in " << elapsed.count() << " ms, seed " << seed
          << " (ISTIHDAM_FUZZ_SEED); statuses:";
  for (const auto& [s, n] : statuses) summary << " " << s << "×" << n;
  std::cout << "[ hostile  ] " << summary.str() << "\n";
  if (!failures.empty()) {
    std::ostringstream report;
    report << failures.size() << " of " << cases.size() << " hostile requests got a bad answer (seed " << seed << ")\n";
    for (const auto& f : failures) {
      const Case& c = cases[f.c];
      report << "  " << c.route << " | " << c.name << " | " << c.method << " " << Excerpt(c.target, 120)
             << " | status " << f.o.status << " | " << f.why << " | " << Excerpt(f.o.body.empty() ? f.o.error : f.o.body, 200)
             << "\n";
    }
    ADD_FAILURE() << report.str();
  }

  // Still healthy, and a normal read still works.
  const auto health = Get(p, "/health");
  EXPECT_EQ(health.status, 200) << health.body;
  const auto workplace = Get(p, "/api/v1/workplaces/3000000001", admin);
  EXPECT_EQ(workplace.status, 200) << workplace.body;
  EXPECT_EQ(Str(workplace.Json(), "id"), "3000000001");
  const auto provinces = Get(p, "/api/v1/provinces");
  EXPECT_EQ(provinces.status, 200);
  EXPECT_EQ(Arr(provinces.Json(), "items").size(), 81u) << provinces.body.substr(0, 200);
  EXPECT_LT(elapsed, std::chrono::seconds(120)) << "bounded to well under a minute on 2 cores: " << summary.str();
}

}  // namespace
}  // namespace e2e

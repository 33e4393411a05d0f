#include "e2e_helpers.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace e2e {

namespace {

std::atomic<std::uint64_t> g_counter{0};

// 9 digits, the first one non-zero, different on every call (and between concurrently
// running test processes, through the pid).
std::string NextNine(std::uint64_t salt) {
  const std::uint64_t n = (static_cast<std::uint64_t>(::getpid()) * 1000 + g_counter++) * 7919 + salt;
  return std::to_string(100000000 + n % 899999999);
}

}  // namespace

std::string TcknFrom(const std::string& nine) {
  int odd = 0;
  int even = 0;
  for (int i = 0; i < 9; ++i) (i % 2 == 0 ? odd : even) += nine[i] - '0';
  const int d10 = ((odd * 7 - even) % 10 + 10) % 10;
  const int d11 = (odd + even + d10) % 10;
  return nine + std::to_string(d10) + std::to_string(d11);
}

std::string VknFrom(const std::string& nine) {
  int s = 0;
  for (int i = 0; i < 9; ++i) {
    const int t = (nine[i] - '0' + 9 - i) % 10;
    if (t != 0) {
      const int p = (t * (1 << (9 - i))) % 9;
      s += p == 0 ? 9 : p;
    }
  }
  return nine + std::to_string((10 - s % 10) % 10);
}

std::string NextTckn() { return TcknFrom(NextNine(17)); }
std::string NextVkn() { return VknFrom(NextNine(29)); }

std::string NextSgkNo() {
  std::string serial = std::to_string(::getpid() * 100000ULL + g_counter++);
  serial.insert(0, 15 - std::min<std::size_t>(15, serial.size()), '0');
  return "52064080" + serial + "000";
}

std::string BreakCheckDigit(const std::string& number) {
  std::string s = number;
  s.back() = s.back() == '9' ? '0' : static_cast<char>(s.back() + 1);
  return s;
}

NewEmployer NewEmployer::Fresh(const std::string& title) {
  NewEmployer e;
  e.tckn = NextTckn();
  e.vkn = NextVkn();
  e.title = title;
  return e;
}

json::object RegistrationBody(const NewEmployer& e, bool terms_accepted) {
  return {{"termsAccepted", terms_accepted},
          {"employer",
           {{"kind", "legalEntity"},
            {"title", e.title},
            {"taxNo", e.vkn},
            {"sector", "private"},
            {"province", e.province},
            {"district", e.district},
            {"address", "Caferağa Mah. Moda Cad. No:1"},
            {"phone", "0216 555 00 00"},
            {"email", "info@example.com.tr"}}},
          {"representative",
           {{"tckn", e.tckn},
            {"firstName", "Ayşe"},
            {"lastName", "Yılmaz"},
            {"password", e.password},
            {"secretQuestion", "İlk evcil hayvanınızın adı?"},
            {"secretAnswer", "Pamuk"},
            {"email", "ayse.yilmaz@example.com.tr"},
            {"mobile", "0532 555 00 00"},
            {"preferredContact", "email"}}}};
}

json::object WorkplaceBody(const std::string& title, const std::string& sgk_no, const std::string& province,
                           const std::string& district, const std::string& address) {
  return {{"title", title},
          {"sgkNo", sgk_no},
          {"province", province},
          {"district", district},
          {"address", address},
          {"phone", "0216 444 00 00"}};
}

const json::value* Field(const json::value& v, std::string_view key) {
  if (!v.is_object()) {
    ADD_FAILURE() << "expected a JSON object with \"" << key << "\", got " << json::serialize(v);
    return nullptr;
  }
  const auto* f = v.as_object().if_contains(key);
  if (!f) ADD_FAILURE() << "missing field \"" << key << "\" in " << json::serialize(v);
  return f;
}

std::string Str(const json::value& v, std::string_view key) {
  const auto* f = Field(v, key);
  if (!f) return "";
  if (!f->is_string()) {
    ADD_FAILURE() << "field \"" << key << "\" is not a string: " << json::serialize(*f);
    return "";
  }
  return std::string(f->as_string());
}

std::int64_t Int(const json::value& v, std::string_view key) {
  const auto* f = Field(v, key);
  if (!f) return -1;
  if (!f->is_int64() && !f->is_uint64()) {
    ADD_FAILURE() << "field \"" << key << "\" is not an integer: " << json::serialize(*f);
    return -1;
  }
  return f->to_number<std::int64_t>();
}

bool Bool(const json::value& v, std::string_view key) {
  const auto* f = Field(v, key);
  if (!f) return false;
  if (!f->is_bool()) {
    ADD_FAILURE() << "field \"" << key << "\" is not a boolean: " << json::serialize(*f);
    return false;
  }
  return f->as_bool();
}

const json::array& Arr(const json::value& v, std::string_view key) {
  static const json::array kEmpty;
  const auto* f = Field(v, key);
  if (!f) return kEmpty;
  if (!f->is_array()) {
    ADD_FAILURE() << "field \"" << key << "\" is not an array: " << json::serialize(*f);
    return kEmpty;
  }
  return f->as_array();
}

Headers Bearer(const std::string& token, Headers more) {
  if (!token.empty()) more.emplace_back("Authorization", "Bearer " + token);
  return more;
}

HttpResponse Get(std::uint16_t port, const std::string& path, const std::string& token, Headers headers) {
  return Request(port, "GET", path, "", Bearer(token, std::move(headers)));
}

HttpResponse Post(std::uint16_t port, const std::string& path, const json::value& body, const std::string& token,
                  Headers headers) {
  return Request(port, "POST", path, json::serialize(body), Bearer(token, std::move(headers)));
}

HttpResponse Put(std::uint16_t port, const std::string& path, const json::value& body, const std::string& token,
                 Headers headers) {
  return Request(port, "PUT", path, json::serialize(body), Bearer(token, std::move(headers)));
}

HttpResponse Delete(std::uint16_t port, const std::string& path, const std::string& token, Headers more) {
  HttpConnection c(port);
  return c.Request("DELETE", path, "", Bearer(token, std::move(more)), false);
}

std::string ClockFilePath(std::string_view suite) {
  return "/tmp/istihdam-e2e-clock-" + std::string(suite) + "-" + std::to_string(::getpid());
}

void SetClockDate(const std::string& file, const std::string& date) {
  std::ofstream(file + ".tmp") << date << "\n";
  std::rename((file + ".tmp").c_str(), file.c_str());
}

std::vector<std::string> Strings(const json::array& a) {
  std::vector<std::string> out;
  for (const auto& v : a) out.emplace_back(v.as_string());
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::uint64_t HealthPosition(std::uint16_t port) {
  const auto r = Get(port, "/health");
  if (r.status != 200) throw std::runtime_error("GET /health answered " + std::to_string(r.status) + ": " + r.body);
  const auto v = r.Json();
  const auto* p = v.is_object() ? v.as_object().if_contains("position") : nullptr;
  if (!p || !(p->is_int64() || p->is_uint64())) throw std::runtime_error("GET /health has no position: " + r.body);
  return p->to_number<std::uint64_t>();
}

std::uint64_t XPosition(const HttpResponse& r) {
  const std::string h = r.Header("X-Position");
  if (h.empty() || h.find_first_not_of("0123456789") != std::string::npos) {
    ADD_FAILURE() << "missing or bad X-Position header: '" << h << "'";
    return 0;
  }
  return std::stoull(h);
}

json::value ExpectProblem(const HttpResponse& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.Header("Content-Type"), "application/problem+json") << r.body;
  json::value v;
  try {
    v = r.Json();
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
    return v;
  }
  EXPECT_EQ(Str(v, "code"), code) << r.body;
  EXPECT_EQ(Int(v, "status"), status) << r.body;
  EXPECT_FALSE(Str(v, "title").empty()) << r.body;
  EXPECT_FALSE(Str(v, "type").empty()) << r.body;
  if (v.is_object() && v.as_object().contains("errors")) {
    for (const auto& e : Arr(v, "errors")) {
      EXPECT_FALSE(Str(e, "field").empty()) << r.body;
      EXPECT_FALSE(Str(e, "code").empty()) << r.body;
      EXPECT_FALSE(Str(e, "message").empty()) << r.body;
    }
  }
  return v;
}

bool HasFieldError(const json::value& problem, const std::string& field, const std::string& code) {
  if (!problem.is_object() || !problem.as_object().contains("errors")) return false;
  const auto& errors = problem.as_object().at("errors");
  if (!errors.is_array()) return false;
  for (const auto& e : errors.as_array()) {
    if (!e.is_object()) continue;
    const auto* f = e.as_object().if_contains("field");
    const auto* c = e.as_object().if_contains("code");
    if (f && f->is_string() && f->as_string() == field &&
        (code.empty() || (c && c->is_string() && c->as_string() == code))) {
      return true;
    }
  }
  return false;
}

Employer Register(std::uint16_t port, const NewEmployer& e) {
  const auto r = Post(port, "/api/v1/registrations", RegistrationBody(e));
  if (r.status != 201) {
    throw std::runtime_error("registration of " + e.title + " answered " + std::to_string(r.status) + ": " + r.body);
  }
  const auto v = r.Json();
  Employer out;
  out.input = e;
  out.id = std::string(v.at("employerId").as_string());
  out.iskur_no = std::string(v.at("iskurNo").as_string());
  out.hq_id = std::string(v.at("headquartersId").as_string());
  out.position = v.at("position").to_number<std::uint64_t>();
  return out;
}

std::string Login(std::uint16_t port, const std::string& tckn, const std::string& password) {
  const auto r = Post(port, "/api/v1/auth/login", json::object{{"tckn", tckn}, {"password", password}});
  if (r.status != 200) throw std::runtime_error("login of " + tckn + " answered " + std::to_string(r.status) + ": " + r.body);
  const auto v = r.Json();
  const auto* t = v.as_object().if_contains("token");
  if (!t || !t->is_string()) throw std::runtime_error("login of " + tckn + " gave no token: " + r.body);
  return std::string(t->as_string());
}

Employer RegisterAndLogin(std::uint16_t port, const NewEmployer& e) {
  Employer out = Register(port, e);
  out.token = Login(port, e.tckn, e.password);
  return out;
}

}  // namespace e2e

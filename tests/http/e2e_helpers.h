#pragma once
// Shared helpers for the HTTP end-to-end tests: identifier generators (RULES.md §1e), request
// bodies in API.md's shapes, JSON accessors that report a failure instead of throwing, and a
// GoogleTest fixture that runs one server per test suite.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http_client.h"
#include "server_fixture.h"

namespace e2e {

namespace json = boost::json;

// ---- identifiers (RULES.md §1e) ----

// A valid TC Kimlik No from 9 leading digits (d1 != 0).
std::string TcknFrom(const std::string& nine);
// A valid VKN from 9 leading digits.
std::string VknFrom(const std::string& nine);
// Fresh valid numbers, different on every call within the process.
std::string NextTckn();
std::string NextVkn();
std::string NextSgkNo();  // 26 digits
// The same number with its last digit changed (so the checksum fails).
std::string BreakCheckDigit(const std::string& number);

// ---- request bodies ----

struct NewEmployer {
  std::string tckn;
  std::string vkn;
  std::string title;
  std::string password = "Gizli-Sifre-123";
  std::string province = "34";
  std::string district = "Kadıköy";

  static NewEmployer Fresh(const std::string& title);
};

json::object RegistrationBody(const NewEmployer& e, bool terms_accepted = true);
json::object WorkplaceBody(const std::string& title, const std::string& sgk_no, const std::string& province,
                           const std::string& district, const std::string& address);

// ---- JSON accessors: a missing or mistyped field is a test failure, not an exception ----

const json::value* Field(const json::value& v, std::string_view key);
std::string Str(const json::value& v, std::string_view key);
std::int64_t Int(const json::value& v, std::string_view key);  // -1 when missing
bool Bool(const json::value& v, std::string_view key);
const json::array& Arr(const json::value& v, std::string_view key);  // empty when missing

// ---- HTTP shortcuts (one connection per request) ----

Headers Bearer(const std::string& token, Headers more = {});
HttpResponse Get(std::uint16_t port, const std::string& path, const std::string& token = "", Headers headers = {});
HttpResponse Post(std::uint16_t port, const std::string& path, const json::value& body, const std::string& token = "",
                  Headers headers = {});
HttpResponse Put(std::uint16_t port, const std::string& path, const json::value& body, const std::string& token = "",
                 Headers headers = {});

// GET /health → position (throws when the server does not answer 200).
std::uint64_t HealthPosition(std::uint16_t port);
// The X-Position header as a number (a failure and 0 when missing).
std::uint64_t XPosition(const HttpResponse& r);

// Checks the problem+json shape of an error answer: status, content type, the "code", and that
// type/title/status/errors are present. Returns the parsed body.
json::value ExpectProblem(const HttpResponse& r, int status, const std::string& code);
// True when errors[] names `field` (with `code` unless empty).
bool HasFieldError(const json::value& problem, const std::string& field, const std::string& code = "");

// DELETE with a bearer token.
HttpResponse Delete(std::uint16_t port, const std::string& path, const std::string& token, Headers more = {});

// ---- the server's clock (serve --clock-file) ----

// A clock file name of its own for one suite of this process.
std::string ClockFilePath(std::string_view suite);
// Writes the date (YYYY-MM-DD) through a temporary file and a rename, so the server never reads
// half a line.
void SetClockDate(const std::string& file, const std::string& date);

// ---- small collections ----

std::vector<std::string> Strings(const json::array& a);  // an array of strings as strings
bool Has(const std::vector<std::string>& v, const std::string& x);

// ---- setup helpers: throw std::runtime_error (the test fails) on an unexpected answer ----

struct Employer {
  NewEmployer input;
  std::string id;
  std::string iskur_no;
  std::string hq_id;
  std::uint64_t position = 0;
  std::string token;
};

Employer Register(std::uint16_t port, const NewEmployer& e);
// POST /auth/login and return the token.
std::string Login(std::uint16_t port, const std::string& tckn, const std::string& password);
Employer RegisterAndLogin(std::uint16_t port, const NewEmployer& e);

// ---- one server per suite ----

// CRTP so that every suite has its own server. Derived may define
//   static ServerOptions SuiteServerOptions();  and  static void SeedSuite();
template <class Derived>
class ServerSuite : public ::testing::Test {
 public:
  static ServerOptions SuiteServerOptions() { return {}; }
  static void SeedSuite() {}

  static void SetUpTestSuite() {
    setup_error_.clear();
    try {
      server_ = std::make_unique<ServerProcess>(Derived::SuiteServerOptions());
      Derived::SeedSuite();
    } catch (const std::exception& e) {
      setup_error_ = e.what();
    }
  }
  static void TearDownTestSuite() {
    const auto* suite = ::testing::UnitTest::GetInstance()->current_test_suite();
    if (server_ && suite && suite->failed_test_count() > 0) {
      const std::string log = server_->Log();
      std::cerr << "---- server log (tail) ----\n"
                << (log.size() > 6000 ? log.substr(log.size() - 6000) : log) << "\n----\n";
    }
    server_.reset();
  }

 protected:
  void SetUp() override {
    ASSERT_TRUE(setup_error_.empty()) << "suite setup failed: " << setup_error_;
    ASSERT_TRUE(server_ && server_->running());
  }
  static std::uint16_t port() { return server_->port(); }

  static inline std::unique_ptr<ServerProcess> server_;
  static inline std::string setup_error_;
};

}  // namespace e2e

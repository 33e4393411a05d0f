// The docs that describe code must not drift from it: every problem code is in docs/errors.md
// (those of the catalogue, and every code the source can produce), every event type in
// docs/events.md, every route in the OpenAPI document with a declared access rule.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "events/event_registry.h"
#include "http/app.h"
#include "http/problem.h"
#include "tests/server_sources.h"

namespace istihdam {
namespace {

std::string ReadDoc(const std::string& name) {
  std::ifstream in(std::string(ISTIHDAM_SOURCE_DIR) + "/docs/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(DocsTest, EveryProblemCodeIsDocumented) {
  const std::string doc = ReadDoc("errors.md");
  ASSERT_FALSE(doc.empty());
  for (const auto& p : http::ProblemCatalogue()) {
    EXPECT_NE(doc.find(std::string("`") + p.code + "` | " + std::to_string(p.status)), std::string::npos)
        << p.code << " is missing from docs/errors.md";
  }
}

using testing::ForEachServerSource;

// errc::kName -> "code", from infra/error_codes.h.
std::map<std::string, std::string> ErrorCodeConstants() {
  std::ifstream in(std::string(ISTIHDAM_SOURCE_DIR) + "/infra/error_codes.h");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::regex constant(R"re(inline constexpr const char\* (k\w+) = "([a-z0-9_]+)";)re");
  std::map<std::string, std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), constant), end; it != end; ++it) {
    out.emplace((*it)[1].str(), (*it)[2].str());
  }
  return out;
}

// infra/error_codes.h is the one list of problem codes the code names (errc::k…): each has its
// status and titles in the catalogue, and the catalogue has no code the list lacks.
TEST(DocsTest, TheErrorCodeConstantsAndTheCatalogueAgree) {
  std::set<std::string> constants;
  for (const auto& [name, code] : ErrorCodeConstants()) constants.insert(code);
  std::set<std::string> catalogue;
  for (const auto& p : http::ProblemCatalogue()) catalogue.insert(p.code);
  EXPECT_GE(constants.size(), 70u);
  EXPECT_EQ(constants, catalogue);
}

// Every code literal matched by one of `patterns` (capture group 1) in the server's sources,
// with the file it was seen in.
std::map<std::string, std::string> CodesInSource(const std::vector<std::regex>& patterns) {
  std::map<std::string, std::string> codes;
  ForEachServerSource([&](const std::string& file, const std::string& text) {
    for (const auto& re : patterns) {
      for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) {
        codes.emplace((*it)[1].str(), file);
      }
    }
  });
  return codes;
}

// The problem codes the server can send: errc::k… constants (infra/error_codes.h) and any
// literal left in Error::Of("…"), Error{"…", …}, Problem("…", …). Internal ones (a failed append, a start-up error) are in the
// catalogue too, as 500s.
TEST(DocsTest, EveryProblemCodeInTheSourceIsInTheCatalogue) {
  const std::string doc = ReadDoc("errors.md");
  auto codes = CodesInSource({std::regex(R"re(Error::Of\(\s*(?:std::string\()?"([a-z0-9_]+)")re"),
                                    std::regex(R"re(Error\{\s*"([a-z0-9_]+)")re"),
                                    std::regex(R"re(Problem\(\s*"([a-z0-9_]+)")re")});
  const auto constants = ErrorCodeConstants();
  for (const auto& [name, file] : CodesInSource({std::regex(R"re(errc::(k\w+))re")})) {
    ASSERT_EQ(constants.count(name), 1u) << name;
    codes.emplace(constants.at(name), file);
  }
  ASSERT_GT(codes.size(), 40u);  // the patterns still match the code's style
  for (const auto& [code, file] : codes) {
    EXPECT_NE(doc.find("| `" + code + "` | "), std::string::npos)
        << code << " (sent by " << file << ") is missing from docs/errors.md: add it to http/problem.cpp and run "
        << "tools/gen_errors_doc.py";
    const auto& catalogue = http::ProblemCatalogue();
    EXPECT_TRUE(std::any_of(catalogue.begin(), catalogue.end(), [&](const auto& p) { return code == p.code; }))
        << code << " (sent by " << file << ") is not in the problem catalogue of http/problem.cpp";
  }
}

// The field codes of 422s: in every statement that records a field error — Fail(field, "…"),
// Validation({{field, "…"}}), errs.push_back({field, "…"}), NotNegative(…, "…"),
// ValidateOccupationList(…, "…") — the string literal that is its last argument, when it is a
// snake_case code.
std::map<std::string, std::string> FieldCodesInSource() {
  std::map<std::string, std::string> codes;
  const std::regex literal(R"re("([^"\\]*)")re");
  const std::regex code(R"re([a-z]+(_[a-z]+)*)re");
  ForEachServerSource([&](const std::string& file, const std::string& text) {
    for (const char* marker : {"Fail(", "Validation({{", "errs.push_back({", "errors_->push_back({", "NotNegative(",
                               "ValidateOccupationList("}) {
      for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at + 1)) {
        if (text.compare(at, 9, "Fail(ctx,") == 0) continue;  // the HTTP helper, not a field
        const auto end = text.find(';', at);
        const std::string statement = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
        std::string last;
        std::size_t after = 0;  // where the last literal ends
        for (std::sregex_iterator it(statement.begin(), statement.end(), literal), stop; it != stop; ++it) {
          last = (*it)[1].str();
          after = static_cast<std::size_t>(it->position() + it->length());
        }
        // Only a literal that is the last argument: `Fail(f + "count", zero_code)` names no code.
        const bool last_argument = statement.find_first_not_of(")} ", after) == std::string::npos;
        if (last_argument && std::regex_match(last, code)) codes.emplace(last, file);
      }
    }
  });
  return codes;
}

TEST(DocsTest, EveryFieldCodeInTheSourceIsDocumented) {
  const std::string doc = ReadDoc("errors.md");
  const std::string fields = doc.substr(doc.find("## Field error codes"));
  const auto codes = FieldCodesInSource();
  ASSERT_GT(codes.size(), 25u);  // the markers still match the code's style
  for (const auto& [code, file] : codes) {
    EXPECT_NE(fields.find("| `" + code + "` | "), std::string::npos)
        << "field code " << code << " (used in " << file << ") is missing from docs/errors.md";
  }
}

TEST(DocsTest, EveryEventTypeIsDocumentedWithItsSchemaVersion) {
  const std::string doc = ReadDoc("events.md");
  events::EventRegistry registry;
  http::RegisterEventTypes(registry);
  ASSERT_GE(registry.all().size(), 11u);
  for (const auto& [type, info] : registry.all()) {
    EXPECT_NE(doc.find("| `" + type + "` | " + std::to_string(info.schema_version) + " |"), std::string::npos)
        << type << " v" << info.schema_version << " is missing from docs/events.md";
  }
}

// docs/api.md "Contract tooling": the operationId rule, as frontend code sees it.
TEST(DocsTest, OperationIdsFollowTheDocumentedRule) {
  EXPECT_EQ(http::OperationId("GET", "/api/v1/workplaces"), "listWorkplaces");
  EXPECT_EQ(http::OperationId("POST", "/api/v1/workplaces"), "createWorkplace");
  EXPECT_EQ(http::OperationId("GET", "/api/v1/workplaces/{id}"), "getWorkplace");
  EXPECT_EQ(http::OperationId("PUT", "/api/v1/workplaces/{id}/workforce-schedules/{month}/personnel"),
            "putWorkplaceWorkforceSchedulePersonnel");
  EXPECT_EQ(http::OperationId("GET", "/api/v1/workplaces/{id}/quota-status"), "getWorkplaceQuotaStatus");
  EXPECT_EQ(http::OperationId("GET", "/api/v1/workplaces/{id}/quota-statuses"), "listWorkplaceQuotaStatuses");
  EXPECT_EQ(http::OperationId("DELETE", "/api/v1/typ/programs/{typNo}/participants/{participantId}/attendance/{date}"),
            "deleteTypProgramParticipantAttendance");
  EXPECT_EQ(http::OperationId("POST", "/api/v1/password-resets/contact-info"), "postPasswordResetContactInfo");
  EXPECT_EQ(http::OperationId("POST", "/api/v1/auth/login"), "postAuthLogin");
  EXPECT_EQ(http::OperationId("GET", "/health/live"), "getHealthLive");
  EXPECT_EQ(http::OperationId("GET", "/openapi.json"), "getOpenapiJson");
  EXPECT_EQ(http::OperationId("POST", "/api/v1/overseas/dispatches/{id}/approve"), "postOverseasDispatchApprove");
  EXPECT_EQ(http::OperationId("GET", "/api/v1/overseas/dispatches"), "listOverseasDispatches");
}

}  // namespace
}  // namespace istihdam

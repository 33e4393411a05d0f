// The docs that describe code must not drift from it: every problem code is in docs/errors.md,
// every event type in docs/events.md, every route in the OpenAPI document with a declared
// access rule.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "events/event_registry.h"
#include "http/app.h"
#include "http/problem.h"

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
}

}  // namespace
}  // namespace istihdam

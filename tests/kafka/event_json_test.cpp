// The JSON view of events read back (events/json_reader.h, EventRegistry::FromJson) — what the
// read replica relies on — and docs/event-schemas.md checked against the code.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "events/private_employment_bureaus.h"
#include "http/app.h"
#include "infra/confidential_streams.h"
#include "infra/database.h"
#include "infra/replica_log.h"
#include "test_util.h"

namespace istihdam {
namespace {

TEST(EventJson, EveryDemoEventRoundTripsThroughItsJson) {
  testing::TempDir dir;
  Config config;
  config.data_dir = dir.path();
  config.password_cost = "min";
  auto app = http::App::Open(config);
  http::SeedDemoData(*app);
  const auto evs = app->store().ReadAll(1, SIZE_MAX);
  ASSERT_GT(evs.size(), 10u);
  std::set<std::string> types;
  for (const auto& e : evs) {
    const auto json = app->registry().ToJson(e);
    auto back = app->registry().FromJson(json);
    ASSERT_TRUE(back.ok()) << e.type << ": " << back.error().detail;
    EXPECT_EQ(boost::json::serialize(app->registry().ToJson(back.value())),
              boost::json::serialize(json));
    EXPECT_EQ(back.value().payload, e.payload)
        << e.type;  // demo events are at their current version
    EXPECT_EQ(back.value().recorded_at, e.recorded_at);
    EXPECT_EQ(back.value().hash, e.hash);
    types.insert(e.type);
  }
  EXPECT_GE(types.size(), 3u);
}

TEST(EventJson, UnknownTypesKeepTheirEnvelopeAndMalformedOnesAreRefused) {
  events::EventRegistry registry;
  http::RegisterEventTypes(registry);
  auto o = boost::json::parse(
               R"({"position":7,"streamId":"x-1","version":1,"eventId":"e","type":"FromTheFuture",
    "schemaVersion":1,"recordedAt":"2026-11-27T02:45:59.123456Z","actor":{"userId":"","actorType":"System",
    "employerId":""},"correlationId":"c","causationId":"d","data":{"a":1},
    "hash":"0000000000000000000000000000000000000000000000000000000000000000",
    "prevHash":"0000000000000000000000000000000000000000000000000000000000000000"})")
               .as_object();
  auto e = registry.FromJson(o);
  ASSERT_TRUE(e.ok()) << e.error().detail;
  EXPECT_EQ(e.value().position, 7u);
  EXPECT_EQ(FormatRfc3339(e.value().recorded_at), "2026-11-27T02:45:59.123456Z");
  EXPECT_TRUE(e.value().payload.empty());
  o.erase("streamId");
  EXPECT_EQ(registry.FromJson(o).error().code, "malformed_event");
}

TEST(EventSchemas, DocsEventSchemasMatchTheCode) {
  events::EventRegistry registry;
  http::RegisterEventTypes(registry);
  std::ifstream in(ISTIHDAM_SOURCE_DIR "/docs/event-schemas.md");
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ss.str(), events::EventSchemasMarkdown(registry))
      << "regenerate with: build/istihdam schemas > docs/event-schemas.md";
}

}  // namespace
}  // namespace istihdam

namespace istihdam {
namespace {

// A confidential stream's event as the general topic carries it (redacted) decodes to a no-op at
// its position: a type no projector or aggregate knows, an empty payload, and the same envelope
// when shown again; a replica log holding it stays gap-free.
TEST(EventJson, ARedactedRecordIsANoOpAtItsPosition) {
  testing::TempDir dir;
  Config config;
  config.data_dir = dir.path();
  config.password_cost = "min";
  auto app = http::App::Open(config);
  http::SeedDemoData(*app);
  const auto evs = app->store().ReadAll(1, SIZE_MAX);
  std::vector<RecordedEvent> received;
  int redacted = 0;
  for (const auto& e : evs) {
    const std::string full = boost::json::serialize(app->registry().ToJson(e));
    if (!IsConfidentialStream(e.stream)) {
      received.push_back(app->registry().FromJson(boost::json::parse(full).as_object()).value());
      continue;
    }
    ++redacted;
    const std::string red = RedactEventJson(full);
    auto back = app->registry().FromJson(boost::json::parse(red).as_object());
    ASSERT_TRUE(back.ok()) << back.error().detail;
    EXPECT_EQ(back->position, e.position);
    EXPECT_EQ(back->stream, e.stream);
    EXPECT_EQ(back->hash, e.hash);
    EXPECT_TRUE(back->payload.empty());
    EXPECT_EQ(back->type, std::string(events::EventRegistry::kRedactedPrefix) + e.type);
    EXPECT_FALSE(events::Decode<events::PeriodReportEvent>(*back).has_value());
    EXPECT_EQ(boost::json::serialize(app->registry().ToJson(*back)), red);
    received.push_back(std::move(back).value());
  }
  ASSERT_GE(redacted, 1) << "the demo data has a period report";
  // The replica's log takes every position, the redacted ones included.
  testing::TempDir replica_dir;
  auto db = Database::Open(replica_dir.path());
  ASSERT_TRUE(db.ok()) << db.error().detail;
  ReplicaLog log(db.value().get(), "t");
  log.Store(received, {{0, static_cast<std::int64_t>(received.size())}});
  EXPECT_EQ(log.LastPosition(), evs.back().position);
}

}  // namespace
}  // namespace istihdam

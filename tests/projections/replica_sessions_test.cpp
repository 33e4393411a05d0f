// The read replica's session rows (projections/replica_sessions.cpp): built from UserLoggedIn
// v2, deleted by UserLoggedOut v2, keyed and encoded as the write node's sessions table, and
// nothing for version 1 events (no token hash).
#include "projections/replica_sessions.h"

#include <gtest/gtest.h>

#include "commands/session.h"
#include "events/identity.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

std::optional<Session> Row(ProjectionEngine& engine, const std::string& token) {
  std::string v;
  if (!engine.View(kReplicaSessionsProjection).Get(kReplicaSessionsTable, SessionKey(token), &v)) return std::nullopt;
  return DecodeSession(v);
}

void Append(EventStore& store, const std::string& stream, const NewEvent& e) {
  AppendRequest req;
  req.streams.push_back(StreamAppend{stream, ExpectedVersion::Any(), {e}});
  ASSERT_TRUE(store.Append(std::move(req)).ok());
}

TEST(ReplicaSessionsProjector, LoginAddsTheSessionRowAndLogoutRemovesIt) {
  testing::TestStore t;
  ProjectionEngine engine(&t.db(), &t.store(), nullptr);
  engine.Add(MakeReplicaSessionsProjector());
  const std::string employer_token = "employer-token", unit_token = "unit-token", old_token = "old-token";
  Append(t.store(), "user-4000000001",
         events::Encode(events::UserLoggedIn{"4000000001", "2000000001", SessionId(employer_token),
                                             "2026-01-15T17:00:00.250000Z", SessionHash(employer_token),
                                             "EmployerPrimaryAdmin", ""}));
  Append(t.store(), "staff-9000000002",
         events::Encode(events::UserLoggedIn{"9000000002", "", SessionId(unit_token), "2026-01-15T18:00:00.000000Z",
                                             SessionHash(unit_token), "UnitUser", "06"}));
  // As version 1 wrote it: no token hash, so no row.
  Append(t.store(), "user-4000000003",
         events::Encode(events::UserLoggedIn{"4000000003", "2000000001", SessionId(old_token),
                                             "2026-01-15T17:00:00.000000Z", "", "", ""}));
  engine.CatchUp();

  const auto employer = Row(engine, employer_token);
  ASSERT_TRUE(employer.has_value());
  EXPECT_EQ(employer->user_id, "4000000001");
  EXPECT_EQ(employer->employer_id, "2000000001");
  EXPECT_EQ(employer->actor_type, "EmployerPrimaryAdmin");
  EXPECT_EQ(employer->expires_at, ParseRfc3339("2026-01-15T17:00:00.250000Z"));
  EXPECT_EQ(FormatRfc3339(employer->expires_at), "2026-01-15T17:00:00.250000Z");
  const auto unit = Row(engine, unit_token);
  ASSERT_TRUE(unit.has_value());
  EXPECT_TRUE(unit->IsStaff());
  EXPECT_EQ(unit->actor_type, "UnitUser");
  EXPECT_EQ(unit->province, "06");
  EXPECT_FALSE(Row(engine, old_token).has_value());
  EXPECT_FALSE(Row(engine, "never-issued").has_value());

  Append(t.store(), "user-4000000001",
         events::Encode(events::UserLoggedOut{"4000000001", SessionId(employer_token), SessionHash(employer_token)}));
  engine.CatchUp();
  EXPECT_FALSE(Row(engine, employer_token).has_value());
  EXPECT_TRUE(Row(engine, unit_token).has_value());
}

}  // namespace
}  // namespace istihdam

// The replica log (infra/replica_log.cpp): dedup by position, reassembly across partitions,
// offsets stored with the events, resume after reopening.
#include "infra/replica_log.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace istihdam {
namespace {

RecordedEvent Ev(std::uint64_t position) {
  RecordedEvent e;
  e.position = position;
  e.stream = "s-" + std::to_string(position % 2);
  e.version = position;
  e.event_id = "id-" + std::to_string(position);
  e.type = "TestEvent";
  e.payload = "p" + std::to_string(position);
  return e;
}

TEST(ReplicaLog, DeduplicatesByPositionAndExposesOnlyTheGapFreePrefix) {
  testing::TempDir dir;
  {
    auto db = Database::Open(dir.path());
    ASSERT_TRUE(db.ok());
    ReplicaLog log(db.value().get(), "t");
    EXPECT_EQ(log.NextOffset(0), -1);
    EXPECT_EQ(log.Store({Ev(2), Ev(4)}, {{1, 2}}), 0u);  // partition 1 ran ahead
    EXPECT_EQ(log.LastPosition(), 0u);
    EXPECT_EQ(log.HighestPosition(), 4u);
    EXPECT_TRUE(log.Read(1, 10).empty());
    EXPECT_EQ(log.Store({Ev(1), Ev(3), Ev(1)}, {{0, 2}}), 1u);  // 1 twice in one batch
    EXPECT_EQ(log.LastPosition(), 4u);
    EXPECT_EQ(log.Store({Ev(2), Ev(3)}, {{0, 3}}), 2u);  // re-delivered
    const auto evs = log.Read(2, 10);
    ASSERT_EQ(evs.size(), 3u);
    EXPECT_EQ(evs[0].position, 2u);
    EXPECT_EQ(evs[2].payload, "p4");
    EXPECT_EQ(evs[2].stream, "s-0");
  }
  auto db = Database::Open(dir.path());
  ASSERT_TRUE(db.ok());
  ReplicaLog log(db.value().get(), "t");
  EXPECT_EQ(log.LastPosition(), 4u);
  EXPECT_EQ(log.NextOffset(0), 3);
  EXPECT_EQ(log.NextOffset(1), 2);
  EXPECT_EQ(log.Store({Ev(4), Ev(5)}, {}), 1u);
  EXPECT_EQ(log.WaitForMore(4, std::chrono::steady_clock::now()), 5u);
}

}  // namespace
}  // namespace istihdam

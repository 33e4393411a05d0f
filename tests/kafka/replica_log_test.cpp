// The replica log (infra/replica_log.cpp): dedup by position, reassembly across partitions,
// offsets stored with the events, resume after reopening, and per-stream reads (StreamReader)
// over the gap-free prefix.
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

RecordedEvent StreamEv(std::uint64_t position, const std::string& stream, std::uint64_t version) {
  RecordedEvent e = Ev(position);
  e.stream = stream;
  e.version = version;
  return e;
}

TEST(ReplicaLog, StreamReadsShowOnlyTheGapFreePrefix) {
  testing::TempDir dir;
  auto db = Database::Open(dir.path());
  ASSERT_TRUE(db.ok());
  ReplicaLog log(db.value().get(), "t");
  StreamReader& streams = log;
  // a: versions 1, 2 at positions 1, 3; b: version 1 at 2; a's version 3 at 5 arrives before 4.
  log.Store({StreamEv(1, "a", 1), StreamEv(3, "a", 2), StreamEv(5, "a", 3)}, {});
  EXPECT_EQ(streams.StreamVersion("a"), 1u);  // position 2 missing: only version 1 is visible
  EXPECT_EQ(streams.StreamVersion("b"), 0u);
  ASSERT_EQ(streams.ReadStream("a", 1).size(), 1u);
  log.Store({StreamEv(2, "b", 1)}, {});
  EXPECT_EQ(streams.StreamVersion("a"), 2u);  // 1..3 contiguous, 5 still behind the gap at 4
  EXPECT_EQ(streams.StreamVersion("b"), 1u);
  log.Store({StreamEv(4, "b", 2), StreamEv(3, "a", 2)}, {});  // 3 is a duplicate
  EXPECT_EQ(streams.StreamVersion("a"), 3u);
  const auto a = streams.ReadStream("a", 2);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].position, 3u);
  EXPECT_EQ(a[0].version, 2u);
  EXPECT_EQ(a[1].position, 5u);
  EXPECT_EQ(streams.ReadStream("a", 1, 1).size(), 1u);
  EXPECT_TRUE(streams.ReadStream("a", 4).empty());
  EXPECT_TRUE(streams.ReadStream("ab", 1).empty());  // a prefix of no stream
  EXPECT_EQ(streams.StreamVersion("ab"), 0u);
}

}  // namespace
}  // namespace istihdam

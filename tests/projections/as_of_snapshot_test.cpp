// As-of snapshots (projections/as_of.h ReplayWithSnapshots, projections/as_of_snapshot.h): a
// read served from snapshots equals the full replay at every position, a snapshot failing its
// check is skipped (and rewritten), no snapshot holds an event past the position asked, the gap
// between snapshots doubles with the state, and the family can be emptied.
#include <gtest/gtest.h>

#include <memory>

#include "events/workplaces.h"
#include "projections/as_of.h"
#include "projections/as_of_snapshot.h"
#include "projections/workplaces.h"
#include "tests/projections/workplace_log.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using testing::OneStream;
using testing::TestStore;

std::string Stream(const std::string& id) { return testing::WorkplaceStreamOf(id); }

class AsOfSnapshotTest : public testing::WorkplaceLog {
 protected:
  // W1 with `n` events; W2 registered after W1's 5th event and updated after every 7th.
  std::uint64_t Fill(int n) {
    std::uint64_t last = 0;
    for (int i = 0; i < n; ++i) {
      last = i == 0 ? Register("W1", "adres 0") : Update("W1", "adres " + std::to_string(i));
      if (i == 5) last = Register("W2", "başka 0");
      if (i > 5 && i % 7 == 0) last = Update("W2", "başka " + std::to_string(i));
    }
    return last;
  }

  ScratchTables Full(const std::vector<std::string>& streams, std::uint64_t position) {
    auto projector = MakeWorkplacesProjector();
    ScratchTables scratch;
    ReplayStreams(*projector, ts_.store(), streams, position, &scratch);
    return scratch;
  }
  ScratchTables Served(const std::vector<std::string>& streams, std::uint64_t position, ReplayStats* stats = nullptr) {
    auto projector = MakeWorkplacesProjector();
    ScratchTables scratch;
    const auto s = ReplayWithSnapshots(*projector, ts_.store(), ts_.db(), streams, position, &scratch, policy_);
    if (stats) *stats = s;
    return scratch;
  }
  std::string Prefix(const std::vector<std::string>& streams) {
    return SnapshotPrefix("workplaces", SortedStreams(streams));
  }
  // position -> value of every snapshot of the workplaces projector over `streams`.
  std::map<std::uint64_t, std::string> Snapshots(const std::vector<std::string>& streams) {
    std::map<std::uint64_t, std::string> out;
    auto* family = ts_.db().FindFamily(cf::kAsOfSnapshots);
    if (!family) return out;
    const std::string prefix = Prefix(streams);
    std::unique_ptr<rocksdb::Iterator> it(ts_.db().db()->NewIterator(rocksdb::ReadOptions(), family));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      EXPECT_EQ(it->key().size(), prefix.size() + 8);
      out[DecodeU64(it->key().data() + prefix.size())] = it->value().ToString();
    }
    EXPECT_TRUE(it->status().ok());
    return out;
  }
  void PutRaw(const std::string& key, const std::string& value) {
    ASSERT_TRUE(ts_.db().db()->Put(rocksdb::WriteOptions(), ts_.db().Family(cf::kAsOfSnapshots), key, value).ok());
  }
  // Positions of the events of `streams` in (after, upto].
  std::size_t EventsBetween(const std::vector<std::string>& streams, std::uint64_t after, std::uint64_t upto) {
    std::size_t n = 0;
    for (const auto& s : streams) {
      for (const auto& e : ReadStreamUpTo(ts_.store(), s, 1, upto)) n += e.position > after;
    }
    return n;
  }

  SnapshotPolicy policy_{.every = 16};
};

// The state served at every position from 0 to past the end, with snapshots in place, is the
// full replay's; each read starts from the latest snapshot at or below its position and
// applies only the events after it.
TEST_F(AsOfSnapshotTest, AReadAfterSnapshotsEqualsTheFullReplayAtEveryPosition) {
  const std::uint64_t last = Fill(200);
  for (const std::vector<std::string>& streams :
       {std::vector<std::string>{Stream("W1")}, std::vector<std::string>{Stream("W2"), Stream("W1")}}) {
    SCOPED_TRACE(streams.size());
    ReplayStats stats;
    EXPECT_EQ(Served(streams, last, &stats).rows, Full(streams, last).rows);  // the first read writes them
    EXPECT_EQ(stats.resumed_at, 0u);
    const std::size_t total = EventsBetween(streams, 0, last);
    EXPECT_EQ(stats.applied, total);
    EXPECT_EQ(stats.snapshots_written, total / 16);
    const auto snapshots = Snapshots(streams);
    ASSERT_EQ(snapshots.size(), total / 16);

    for (std::uint64_t p = 0; p <= last + 2; ++p) {
      SCOPED_TRACE(p);
      const auto full = Full(streams, p);
      const auto served = Served(streams, p, &stats);
      ASSERT_EQ(served.rows, full.rows);
      auto below = snapshots.upper_bound(p);
      const std::uint64_t expected_from = below == snapshots.begin() ? 0 : std::prev(below)->first;
      EXPECT_EQ(stats.resumed_at, expected_from);
      EXPECT_EQ(stats.applied, EventsBetween(streams, expected_from, p));
      EXPECT_LT(stats.applied, 16u);
      EXPECT_EQ(stats.snapshots_written, 0u);
      EXPECT_EQ(stats.snapshots_rejected, 0u);
      const auto doc = GetWorkplace(ReadView(&served), "E1", "W1");
      EXPECT_EQ(doc.has_value(), p >= 1);
    }
    EXPECT_EQ(Snapshots(streams).size(), snapshots.size());
  }
  // The documents at the first and last positions, by name.
  const auto at_last = Served({Stream("W1")}, last);
  EXPECT_EQ(GetWorkplace(ReadView(&at_last), "E1", "W1")->at("address"), "adres 199");
  EXPECT_EQ(GetWorkplace(ReadView(&at_last), "E1", "W1")->at("version"), 200);
  const auto at_first = Served({Stream("W1")}, 1);
  EXPECT_EQ(GetWorkplace(ReadView(&at_first), "E1", "W1")->at("address"), "adres 0");
}

TEST_F(AsOfSnapshotTest, ACorruptedSnapshotIsIgnoredAndRewritten) {
  const std::uint64_t last = Fill(100);
  const std::vector<std::string> streams{Stream("W1")};
  Served(streams, last);
  const auto snapshots = Snapshots(streams);
  ASSERT_GE(snapshots.size(), 4u);
  auto it = std::next(snapshots.begin(), 2);
  const std::uint64_t bad = it->first, before = std::prev(it)->first, first = snapshots.begin()->first;
  const std::string key = Prefix(streams) + EncodeU64(bad);

  std::string flipped = it->second;
  flipped[flipped.size() / 2] ^= 0x01;
  const std::string truncated = it->second.substr(0, it->second.size() - 1);
  const std::string moved = std::prev(it)->second;  // a valid value under another key
  for (const auto& value : {flipped, truncated, moved, std::string("x")}) {
    PutRaw(key, value);
    ReplayStats stats;
    const auto served = Served(streams, bad + 1, &stats);
    EXPECT_EQ(served.rows, Full(streams, bad + 1).rows);
    EXPECT_EQ(stats.snapshots_rejected, 1u);
    EXPECT_EQ(stats.resumed_at, before);
    EXPECT_EQ(stats.snapshots_written, 1u);  // the replay from `before` writes it again
    EXPECT_EQ(Snapshots(streams).at(bad), it->second);
  }
  // Two bad ones in a row: the read goes further down.
  PutRaw(key, flipped);
  PutRaw(Prefix(streams) + EncodeU64(before), flipped);
  ReplayStats stats;
  EXPECT_EQ(Served(streams, bad, &stats).rows, Full(streams, bad).rows);
  EXPECT_EQ(stats.snapshots_rejected, 2u);
  EXPECT_EQ(stats.resumed_at, first);
  // The check covers each byte: every single-byte change is refused by the decoder.
  const auto sorted = SortedStreams(streams);
  for (std::size_t i = 0; i < it->second.size(); ++i) {
    std::string v = it->second;
    v[i] ^= 0x80;
    EXPECT_FALSE(DecodeSnapshot(key, v, sorted)) << i;
  }
  EXPECT_TRUE(DecodeSnapshot(key, it->second, sorted));
  EXPECT_FALSE(DecodeSnapshot(key, it->second, SortedStreams({Stream("W1"), Stream("W2")})));
}

// Snapshots are taken at positions at or below the one read, and each holds exactly the state
// of the full replay at its position, with each stream's version at it.
TEST_F(AsOfSnapshotTest, ASnapshotNeverCrossesThePositionAsked) {
  const std::uint64_t last = Fill(150);
  const std::vector<std::string> streams{Stream("W1"), Stream("W2")};
  const std::uint64_t middle = last / 2;
  Served(streams, middle);
  auto snapshots = Snapshots(streams);
  ASSERT_FALSE(snapshots.empty());
  EXPECT_LE(snapshots.rbegin()->first, middle);
  // A read just below a snapshot does not use it.
  const std::uint64_t s = snapshots.rbegin()->first;
  ReplayStats stats;
  EXPECT_EQ(Served(streams, s - 1, &stats).rows, Full(streams, s - 1).rows);
  EXPECT_LT(stats.resumed_at, s);

  Served(streams, last);
  snapshots = Snapshots(streams);
  const auto sorted = SortedStreams(streams);
  for (const auto& [position, value] : snapshots) {
    SCOPED_TRACE(position);
    EXPECT_LE(position, last);
    const auto snap = DecodeSnapshot(Prefix(streams) + EncodeU64(position), value, sorted);
    ASSERT_TRUE(snap);
    EXPECT_EQ(snap->tables.rows, Full(streams, position).rows);
    for (const auto& stream : sorted) {
      const auto upto = ReadStreamUpTo(ts_.store(), stream, 1, position);
      EXPECT_EQ(snap->versions.at(stream), upto.empty() ? 0 : upto.back().version) << stream;
    }
  }
}

// Every event in `streams` changes a growing state (a new workplace each time): the gap after a
// snapshot is `every` while it is at most small_state bytes, doubled each time it doubles past
// that; none larger than max_bytes is written.
TEST_F(AsOfSnapshotTest, TheGapDoublesWithTheStateAndLargeStatesAreNotWritten) {
  std::vector<std::string> streams;
  std::uint64_t last = 0;
  for (int i = 0; i < 120; ++i) {
    const std::string id = "W" + std::to_string(100 + i);
    streams.push_back(Stream(id));
    last = Register(id, "adres " + std::to_string(i));
  }
  policy_ = SnapshotPolicy{.every = 4, .small_state = 4 << 10, .max_bytes = 1 << 20};
  ReplayStats stats;
  Served(streams, last, &stats);
  const auto snapshots = Snapshots(streams);
  ASSERT_GE(snapshots.size(), 4u);
  EXPECT_EQ(stats.snapshots_written, snapshots.size());
  std::uint64_t previous = 0;
  std::size_t previous_size = 0, largest_gap = 0;
  for (const auto& [position, value] : snapshots) {
    std::size_t gap = 4, bound = 4 << 10;
    while (previous_size > bound) gap *= 2, bound *= 2;
    EXPECT_EQ(EventsBetween(streams, previous, position), gap) << position;
    largest_gap = std::max(largest_gap, gap);
    previous = position;
    previous_size = value.size();
  }
  EXPECT_GE(largest_gap, 16u);

  // With a bound below the larger states, those are skipped (not cut short).
  DropAsOfSnapshots(ts_.db());
  policy_ = SnapshotPolicy{.every = 4, .small_state = 1 << 20, .max_bytes = 8 << 10};
  Served(streams, last, &stats);
  const auto bounded = Snapshots(streams);
  ASSERT_FALSE(bounded.empty());
  EXPECT_LT(bounded.size(), last / 4);
  for (const auto& [position, value] : bounded) EXPECT_LE(value.size(), 8u << 10);
  EXPECT_EQ(Served(streams, last).rows, Full(streams, last).rows);
}

TEST_F(AsOfSnapshotTest, DroppingEmptiesTheFamilyAndReadsWriteThemAgain) {
  const std::uint64_t last = Fill(60);
  const std::vector<std::string> streams{Stream("W1")};
  Served(streams, last);
  const auto before = Snapshots(streams);
  ASSERT_FALSE(before.empty());
  DropAsOfSnapshots(ts_.db());
  EXPECT_TRUE(Snapshots(streams).empty());
  ReplayStats stats;
  EXPECT_EQ(Served(streams, last, &stats).rows, Full(streams, last).rows);
  EXPECT_EQ(stats.resumed_at, 0u);
  EXPECT_EQ(Snapshots(streams), before);
  // Dropped at open too (App::Open does it): reopen, drop, nothing left.
  ts_.Reopen();
  EXPECT_EQ(Snapshots(streams), before);  // the family survives a plain reopen ...
  DropAsOfSnapshots(ts_.db());
  EXPECT_TRUE(Snapshots(streams).empty());  // ... until dropped
}

}  // namespace
}  // namespace istihdam

// The scale loader's plan (bench/scale/scale_events.h) at a tiny size: N events over M streams
// land as exactly those counts and versions, the count is recovered from the store alone, the
// expected versions are enforced, and the workplaces projector builds real rows from them.
#include <gtest/gtest.h>

#include "bench/scale/scale_events.h"
#include "events/codec.h"
#include "projections/projection_engine.h"
#include "projections/workplaces.h"
#include "tests/test_util.h"

namespace istihdam::testing {
namespace {

using bench::scale::BatchRequest;
using bench::scale::LoadedCount;
using bench::scale::StreamOf;
using bench::scale::WorkplaceId;

constexpr std::uint64_t kStreams = 5;

// Appends plan events [from, to) in batches of `batch`; false when an append is refused.
bool Load(EventStore& store, std::uint64_t from, std::uint64_t to, std::uint64_t batch) {
  for (std::uint64_t i = from; i < to; i += batch) {
    if (!store.Append(BatchRequest(i, std::min(batch, to - i), kStreams, EventMetadata{})).ok()) return false;
  }
  return true;
}

TEST(ScaleEvents, NEventsOverMStreamsLandWithThoseCountsAndVersions) {
  TestStore ts;
  // Batches of 4 over 5 streams, then batches of 7 (> streams: one stream twice in an append).
  ASSERT_TRUE(Load(ts.store(), 0, 12, 4));
  EXPECT_EQ(LoadedCount(ts.store(), kStreams), 12u);
  ASSERT_TRUE(Load(ts.store(), 12, 37, 7));
  EXPECT_EQ(ts.store().LastPosition(), 37u);
  EXPECT_EQ(LoadedCount(ts.store(), kStreams), 37u);
  // 37 = 7 * 5 + 2: streams 0 and 1 hold 8 events, streams 2..4 hold 7.
  for (std::uint64_t s = 0; s < kStreams; ++s) {
    EXPECT_EQ(ts.store().StreamVersion(StreamOf(s)), s < 2 ? 8u : 7u) << s;
    const auto events = ts.store().ReadStream(StreamOf(s), 1);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front().type, "WorkplaceRegistered");
    for (std::size_t k = 1; k < events.size(); ++k) EXPECT_EQ(events[k].type, "WorkplaceInfoUpdated");
    for (const auto& e : events) EXPECT_TRUE(events::Decode<events::WorkplaceEvent>(e).has_value());
  }
  std::string problem;
  EXPECT_EQ(ts.store().Verify(&problem), 0u) << problem;
}

TEST(ScaleEvents, CountIgnoresOtherAppendsAndReplayedBatchesConflict) {
  TestStore ts;
  ASSERT_TRUE(Load(ts.store(), 0, 8, 3));
  ASSERT_TRUE(ts.store().Append(OneStream("user-1", ExpectedVersion::Any(), {NewEvent{"Other", 1, "x"}})).ok());
  ASSERT_TRUE(Load(ts.store(), 8, 11, 3));
  EXPECT_EQ(LoadedCount(ts.store(), kStreams), 11u);
  // The same batch again is refused: every stream append carries its exact expected version.
  auto again = ts.store().Append(BatchRequest(8, 3, kStreams, EventMetadata{}));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "version_conflict");
  EXPECT_EQ(LoadedCount(ts.store(), kStreams), 11u);
  EXPECT_EQ(LoadedCount(TestStore().store(), kStreams), 0u);
}

TEST(ScaleEvents, TheWorkplacesProjectorBuildsRowsFromThem) {
  TestStore ts;
  ASSERT_TRUE(Load(ts.store(), 0, 12, 4));  // streams 0, 1 at version 3; 2..4 at version 2
  ProjectionEngine engine(&ts.db(), &ts.store(), nullptr);
  engine.Add(MakeWorkplacesProjector());
  engine.CatchUp();
  const ReadView view = engine.View("workplaces");
  const std::string employer = std::to_string(bench::scale::kFirstEmployer);
  for (std::uint64_t s = 0; s < kStreams; ++s) {
    const auto doc = GetWorkplace(view, employer, WorkplaceId(s));
    ASSERT_TRUE(doc.has_value()) << s;
    EXPECT_EQ(doc->at("version").to_number<std::int64_t>(), s < 2 ? 3 : 2) << s;
    EXPECT_EQ(doc->at("headquarters").as_bool(), s == 0) << s;
    EXPECT_EQ(doc->at("headquartersId").as_string(), WorkplaceId(0)) << s;
  }
  EXPECT_EQ(ListWorkplaces(view, employer, {}, Page{}).at("items").as_array().size(), kStreams);
}

}  // namespace
}  // namespace istihdam::testing

// The command side's aggregate cache: bounded, least recently used out first, and a cached
// state only reads the events appended since it was folded.
#include <gtest/gtest.h>

#include <map>

#include "aggregates/workplace.h"
#include "commands/command_context.h"
#include "events/workplaces.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using testing::OneStream;
using testing::RawEvent;
using testing::TestStore;

// Counts the stream reads that reach the store.
class CountingReader : public StreamReader {
 public:
  explicit CountingReader(StreamReader* inner) : inner_(inner) {}
  std::uint64_t StreamVersion(const std::string& stream) override { return inner_->StreamVersion(stream); }
  std::vector<RecordedEvent> ReadStream(const std::string& stream, std::uint64_t from_version,
                                        std::size_t limit) override {
    ++reads[stream];
    from[stream] = from_version;
    return inner_->ReadStream(stream, from_version, limit);
  }
  std::map<std::string, int> reads;
  std::map<std::string, std::uint64_t> from;

 private:
  StreamReader* inner_;
};

using Workplaces = Repository<WorkplaceState, events::WorkplaceEvent>;

class RepositoryTest : public ::testing::Test {
 protected:
  void Append(const std::string& stream) {
    ASSERT_TRUE(ts_.store().Append(OneStream(stream, ExpectedVersion::Any(), {RawEvent("x")})).ok());
  }
  TestStore ts_;
  CountingReader reader_{&ts_.store()};
};

TEST_F(RepositoryTest, TheLeastRecentlyUsedStateLeavesFirst) {
  for (const char* s : {"a", "b", "c"}) Append(s);
  Workplaces repo(&reader_, 2);
  EXPECT_EQ(repo.Load("a").version, 1u);
  EXPECT_EQ(repo.Load("b").version, 1u);
  EXPECT_EQ(repo.Load("a").version, 1u);  // a hit: a becomes the most recent
  EXPECT_EQ(reader_.reads["a"], 1);
  EXPECT_EQ(repo.Load("c").version, 1u);  // full: b, the least recent, leaves
  EXPECT_EQ(repo.CachedStates(), 2u);
  repo.Load("a");
  repo.Load("c");
  EXPECT_EQ(reader_.reads["a"], 1);
  EXPECT_EQ(reader_.reads["c"], 1);
  repo.Load("b");
  EXPECT_EQ(reader_.reads["b"], 2);  // b was evicted and is read again
  EXPECT_EQ(repo.CachedStates(), 2u);
}

TEST_F(RepositoryTest, ACachedStateReadsOnlyTheNewEvents) {
  Append("a");
  Append("a");
  Workplaces repo(&reader_, 10);
  EXPECT_EQ(repo.Load("a").version, 2u);
  Append("a");
  EXPECT_EQ(repo.Load("a").version, 3u);
  EXPECT_EQ(reader_.reads["a"], 2);
  EXPECT_EQ(reader_.from["a"], 3u);  // from the version after the cached one
}

TEST_F(RepositoryTest, CapacityZeroKeepsNothing) {
  Append("a");
  Workplaces repo(&reader_, 0);
  EXPECT_EQ(repo.Load("a").version, 1u);
  EXPECT_EQ(repo.Load("a").version, 1u);
  EXPECT_EQ(reader_.reads["a"], 2);
  EXPECT_EQ(repo.CachedStates(), 0u);
}

TEST_F(RepositoryTest, AMissingStreamIsNotCached) {
  Workplaces repo(&reader_, 10);
  EXPECT_EQ(repo.Load("nothing").version, 0u);
  EXPECT_EQ(repo.CachedStates(), 0u);
}

}  // namespace
}  // namespace istihdam

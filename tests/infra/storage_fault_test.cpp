// Storage faults seen from inside the process: a block of the events column family that fails
// its checksum must end every read with "store_corrupted" (never read as the end of the log),
// make Verify fail with the unreadable range, stall projectors visibly and refuse rebuilds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "infra/metrics.h"
#include "projections/projection_engine.h"
#include "tests/storage_damage.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::HasSubstr;
using testing::TestStore;

constexpr std::uint64_t kEvents = 3000;

void Fill(EventStore& store) {
  ASSERT_TRUE(testing::AppendIncompressible(store, kEvents));
  ASSERT_EQ(store.LastPosition(), kEvents);
}

// A store of kEvents events with one flipped byte in the middle of its events SST file.
class DamagedStore : public ::testing::Test {
 protected:
  void SetUp() override {
    Fill(t_.store());
    t_.Close();
    testing::CorruptLargestSst(t_.path());
    t_.Open();
  }
  TestStore t_;
};

class PositionProjector final : public Projector {
 public:
  std::string name() const override { return "positions"; }
  std::vector<std::string> tables() const override { return {"last"}; }
  void Apply(const RecordedEvent& e, ProjectionBatch& b) override { b.Put("last", "last", EncodeU64(e.position)); }
};

TEST_F(DamagedStore, VerifyNamesTheUnreadableRangeInsteadOfPassing) {
  EXPECT_EQ(t_.store().LastPosition(), kEvents);  // the tail is readable, the middle is not
  std::string problem;
  const auto bad = t_.store().Verify(&problem);
  ASSERT_NE(bad, 0u) << "verify passed over a corrupted block";
  EXPECT_GT(bad, 1u);
  EXPECT_LT(bad, kEvents);
  EXPECT_THAT(problem, HasSubstr("positions " + std::to_string(bad) + ".." + std::to_string(kEvents) + " cannot be read"));
  EXPECT_THAT(problem, HasSubstr("Corruption"));
}

TEST_F(DamagedStore, ReadsThrowStoreCorruptedInsteadOfEndingEarly) {
  try {
    std::uint64_t seen = 0;
    t_.store().ForEach(1, [&](RecordedEvent&& e) {
      EXPECT_EQ(e.position, ++seen);
      return true;
    });
    FAIL() << "ForEach ended after " << seen << " events without an error";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.code(), "store_corrupted");
    EXPECT_THAT(e.what(), HasSubstr("cannot be read"));
  }
  // Every read that reaches the damaged block fails the same way, whatever its size.
  EXPECT_THROW(t_.store().ReadAll(1, kEvents), StoreError);
  std::size_t pages = 0;
  try {
    for (std::uint64_t from = 1; from <= kEvents; ++pages) {
      const auto page = t_.store().ReadAll(from, 100);
      ASSERT_FALSE(page.empty()) << "an empty page at " << from << " would read as the end of the log";
      from = page.back().position + 1;
    }
    FAIL() << "paged reads crossed the damaged block";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.code(), "store_corrupted");
  }
  EXPECT_GT(pages, 0u);
}

TEST_F(DamagedStore, AProjectorStallsVisiblyAndARebuildRefusesToSwitch) {
  Metrics metrics;
  ProjectionEngine engine(&t_.db(), &t_.store(), &metrics);
  engine.Add(std::make_unique<PositionProjector>());
  engine.Start();
  const bool stalled = [&] {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      if (engine.Health().at(0).stalled) return true;
      engine.WaitFor(kEvents, std::chrono::steady_clock::now() + std::chrono::milliseconds(20));
    }
    return false;
  }();
  ASSERT_TRUE(stalled);
  const auto h = engine.Health().at(0);
  EXPECT_LT(h.position, kEvents);
  EXPECT_EQ(h.lag, kEvents - h.position);
  EXPECT_THAT(h.error, HasSubstr("cannot be read"));
  EXPECT_THAT(metrics.Serialize(), HasSubstr("istihdam_projection_stalled{projection=\"positions\"} 1"));

  const auto serving = engine.Position("positions");
  auto st = engine.Rebuild("positions");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, "store_corrupted");
  EXPECT_EQ(engine.Position("positions"), serving);  // the old generation still serves
  engine.Stop();
}

TEST(StorageFault, RecoveredProjectorReportsOkAgain) {
  TestStore t;
  Fill(t.store());
  Metrics metrics;
  ProjectionEngine engine(&t.db(), &t.store(), &metrics);
  engine.Add(std::make_unique<PositionProjector>());
  engine.Start();
  EXPECT_EQ(engine.WaitFor(kEvents, std::chrono::steady_clock::now() + std::chrono::seconds(20)), kEvents);
  const auto h = engine.Health().at(0);
  EXPECT_FALSE(h.stalled);
  EXPECT_EQ(h.lag, 0u);
  EXPECT_THAT(metrics.Serialize(), HasSubstr("istihdam_projection_stalled{projection=\"positions\"} 0"));
  engine.Stop();
}

TEST(StorageFault, AnotherProcessOnTheDirectoryIsNamed) {
  TestStore t;
  auto second = Database::Open(t.path());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, "store_locked");
  EXPECT_THAT(second.error().detail, HasSubstr("the data directory " + t.path() + " is in use by another istihdam process"));
}

TEST(StorageFault, RocksDbKeepsNoLogFileInTheDataDirectory) {
  TestStore t;
  Fill(t.store());
  t.Close();
  for (const auto& entry : std::filesystem::directory_iterator(t.path())) {
    EXPECT_NE(entry.path().filename().string().rfind("LOG", 0), 0u) << entry.path();
  }
}

}  // namespace
}  // namespace istihdam

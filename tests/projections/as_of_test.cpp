// As-of replays (projections/as_of.h) into ScratchTables: a workplace's document as of each
// position equals what the engine served at that position, other streams are left out, and a
// ReadView over scratch tables scans like one over RocksDB.
#include "projections/as_of.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "events/workplaces.h"
#include "projections/workplaces.h"
#include "tests/projections/workplace_log.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using testing::OneStream;
using testing::TestStore;

class AsOfReplayTest : public testing::WorkplaceLog {
 protected:
  std::optional<boost::json::object> AsOf(const std::string& id, std::uint64_t position, std::size_t* applied = nullptr) {
    auto projector = MakeWorkplacesProjector();
    ScratchTables scratch;
    const auto n = ReplayStreams(*projector, ts_.store(), {"workplace-" + id}, position, &scratch);
    if (applied) *applied = n;
    return GetWorkplace(ReadView(&scratch), "E1", id);
  }
};

TEST_F(AsOfReplayTest, EachPositionGivesTheDocumentOfThatVersionOnly) {
  const auto p1 = Register("W1", "Bir");
  const auto other = Register("W2", "Başka");
  const auto p2 = Update("W1", "İki");
  const auto p3 = Update("W1", "Üç");

  EXPECT_FALSE(AsOf("W1", p1 - 1));
  std::size_t applied = 0;
  auto doc = AsOf("W1", p1, &applied);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->at("address"), "Bir");
  EXPECT_EQ(doc->at("version"), 1);
  EXPECT_EQ(applied, 1u);
  doc = AsOf("W1", other);  // the other stream's event changes nothing
  EXPECT_EQ(doc->at("address"), "Bir");
  doc = AsOf("W1", p2, &applied);
  EXPECT_EQ(doc->at("address"), "İki");
  EXPECT_EQ(doc->at("version"), 2);
  EXPECT_EQ(applied, 2u);
  doc = AsOf("W1", p3 + 100);
  EXPECT_EQ(doc->at("address"), "Üç");
  EXPECT_EQ(doc->at("version"), 3);

  // The same document the engine serves now.
  ProjectionEngine engine(&ts_.db(), &ts_.store(), nullptr);
  engine.Add(MakeWorkplacesProjector());
  engine.CatchUp();
  EXPECT_EQ(*GetWorkplace(engine.View("workplaces"), "E1", "W1"), *AsOf("W1", p3));
  EXPECT_FALSE(AsOf("W2", other - 1));
}

TEST_F(AsOfReplayTest, ReadStreamUpToStopsAtThePosition) {
  const auto p1 = Register("W1", "Bir");
  const auto p2 = Update("W1", "İki");
  const auto other = Register("W2", "Başka");
  const auto p3 = Update("W1", "Üç");
  const auto p4 = Update("W1", "Dört");

  auto versions = [&](std::uint64_t from, std::uint64_t position) {
    std::vector<std::uint64_t> out;
    for (const auto& e : ReadStreamUpTo(ts_.store(), "workplace-W1", from, position)) {
      EXPECT_LE(e.position, position);
      EXPECT_EQ(e.stream, "workplace-W1");
      out.push_back(e.version);
    }
    return out;
  };
  EXPECT_EQ(versions(1, p1 - 1), std::vector<std::uint64_t>{});
  EXPECT_EQ(versions(1, p1), (std::vector<std::uint64_t>{1}));
  EXPECT_EQ(versions(1, other), (std::vector<std::uint64_t>{1, 2}));  // another stream's position
  EXPECT_EQ(versions(2, p3), (std::vector<std::uint64_t>{2, 3}));     // resumes at a version
  EXPECT_EQ(versions(3, p2), std::vector<std::uint64_t>{});           // nothing after v2 by p2
  EXPECT_EQ(versions(0, p4 + 10), (std::vector<std::uint64_t>{1, 2, 3, 4}));
  EXPECT_EQ(versions(5, p4), std::vector<std::uint64_t>{});
  EXPECT_EQ(ReadStreamUpTo(ts_.store(), "workplace-none", 1, p4).size(), 0u);
}

TEST(ScratchTablesTest, ABatchWritesAndAViewReadsAndScansInKeyOrder) {
  ScratchTables scratch;
  ProjectionBatch b(&scratch);
  for (const char* k : {"b1", "a1", "b2", "c1"}) b.Put("t", k, std::string("v") + k);
  b.Delete("t", "c1");
  std::string v;
  EXPECT_TRUE(b.Get("t", "b2", &v));
  EXPECT_EQ(v, "vb2");
  EXPECT_FALSE(b.Get("t", "c1", &v));
  EXPECT_FALSE(b.Get("unknown", "a1", &v));

  const ReadView view(&scratch);
  std::vector<std::string> keys;
  view.Scan("t", "b", [&](const std::string& k, const std::string&) {
    keys.push_back(k);
    return true;
  });
  EXPECT_EQ(keys, (std::vector<std::string>{"b1", "b2"}));
  keys.clear();
  view.ScanFrom("t", "b1z", [&](const std::string& k, const std::string&) {
    keys.push_back(k);
    return true;
  }, true);
  EXPECT_EQ(keys, (std::vector<std::string>{"b1", "a1"}));
  keys.clear();
  view.ScanFrom("t", "", [&](const std::string& k, const std::string&) {
    keys.push_back(k);
    return keys.size() < 2;
  }, true);
  EXPECT_EQ(keys, (std::vector<std::string>{"b2", "b1"}));
  keys.clear();
  view.ScanViews("t", "", [&](std::string_view k, std::string_view) {
    keys.emplace_back(k);
    return true;
  });
  EXPECT_EQ(keys, (std::vector<std::string>{"a1", "b1", "b2"}));
}

}  // namespace
}  // namespace istihdam

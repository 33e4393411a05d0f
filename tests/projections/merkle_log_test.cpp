// The merkle projection (projections/merkle_log.h): its tree follows the log, its nodes are
// stored with its checkpoint so a reopened engine continues where it stopped (no rebuild),
// and the checkpoint signer signs, persists and reloads the latest checkpoint.
#include "projections/merkle_log.h"

#include <gtest/gtest.h>

#include <bit>
#include <filesystem>

#include "tests/merkle_reference.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using testing::OneStream;
using testing::RawEvent;
using testing::TestStore;

void Append(EventStore& store, int n, int from) {
  for (int i = from; i < from + n; ++i) {
    auto r = store.Append(OneStream("s-" + std::to_string(i % 3), ExpectedVersion::Any(),
                                    {RawEvent("payload " + std::to_string(i))}));
    ASSERT_TRUE(r.ok());
  }
}

// The root recomputed from the log's hashes, independently of the stored nodes.
merkle::Digest RootFromLog(EventStore& store, std::uint64_t n) {
  merkle::CompactRange range;
  for (const auto& e : store.ReadAll(1, n)) range.Append(e.hash);
  return range.Root();
}

std::size_t StoredNodes(const ProjectionEngine& engine) {
  std::size_t n = 0;
  engine.View(kMerkleProjection).Scan(kMerkleNodesTable, "", [&](const std::string&, const std::string&) {
    ++n;
    return true;
  });
  return n;
}

std::string B(const merkle::Digest& d) { return {reinterpret_cast<const char*>(d.data()), d.size()}; }

TEST(MerkleLogTest, TheTreeFollowsTheLogAndContinuesAfterAReopen) {
  TestStore t;
  Append(t.store(), 37, 0);
  merkle::Digest root37{};
  {
    ProjectionEngine engine(&t.db(), &t.store(), nullptr);
    engine.Add(MakeMerkleProjector());
    engine.CatchUp();
    const auto snap = MerkleNow(engine);
    ASSERT_EQ(snap.tree.Size(), 37u);
    root37 = *snap.tree.Root(37);
    EXPECT_EQ(root37, RootFromLog(t.store(), 37));
    EXPECT_EQ(StoredNodes(engine), 2 * 37 - std::popcount(37u));
  }
  t.Reopen();
  Append(t.store(), 20, 37);
  ProjectionEngine engine(&t.db(), &t.store(), nullptr);
  engine.Add(MakeMerkleProjector());
  EXPECT_EQ(engine.Position(kMerkleProjection), 37u);  // from its checkpoint: no replay from 1
  engine.CatchUp();
  const auto snap = MerkleNow(engine);
  ASSERT_EQ(snap.tree.Size(), 57u);
  EXPECT_EQ(*snap.tree.Root(57), RootFromLog(t.store(), 57));
  EXPECT_EQ(*snap.tree.Root(37), root37);
  EXPECT_EQ(StoredNodes(engine), 2 * 57 - std::popcount(57u));  // each node written once
  auto proof = snap.tree.ConsistencyProof(37, 57);
  ASSERT_TRUE(proof.ok());
  std::vector<std::string> hashes;
  for (const auto& d : *proof) hashes.push_back(B(d));
  EXPECT_TRUE(merkle_reference::VerifyConsistency(37, 57, B(root37), B(*snap.tree.Root(57)), hashes));
  const auto e10 = t.store().ReadAt(10);
  auto path = snap.tree.InclusionProof(9, 57);
  ASSERT_TRUE(path.ok());
  std::vector<std::string> p;
  for (const auto& d : *path) p.push_back(B(d));
  EXPECT_TRUE(merkle_reference::VerifyInclusion(9, 57, B(e10->hash), p, B(*snap.tree.Root(57))));
}

TEST(MerkleLogTest, TheSignerSignsWhenTheTreeGrewAndKeepsTheLatestInAFile) {
  TestStore t;
  Append(t.store(), 5, 0);
  ProjectionEngine engine(&t.db(), &t.store(), nullptr);
  engine.Add(MakeMerkleProjector());
  engine.CatchUp();
  const auto key = checkpoint::KeyFromSeed("unit", std::string(32, '\x01'));
  const checkpoint::VerifierKey vk{key.name, key.id, key.public_key};
  const std::string file = t.path() + "/checkpoint-latest.txt";
  int published = 0;
  std::string first_note;
  {
    CheckpointSigner signer(&engine, key, checkpoint::Origin("unit"), file, std::chrono::seconds(10),
                            [&](const checkpoint::Checkpoint&) { ++published; });
    const auto c = signer.Latest();
    first_note = c.note;
    EXPECT_EQ(c.size, 5u);
    EXPECT_EQ(c.root, RootFromLog(t.store(), 5));
    auto v = checkpoint::Verify(c.note, vk);
    ASSERT_TRUE(v.ok()) << v.error().detail;
    EXPECT_EQ(signer.SignIfGrown().note, c.note);  // not grown: the same checkpoint
    EXPECT_EQ(published, 1);
    Append(t.store(), 3, 5);
    engine.CatchUp();
    const auto c2 = signer.SignIfGrown();
    EXPECT_EQ(c2.size, 8u);
    EXPECT_EQ(published, 2);
  }
  // A new signer (a restart) answers the persisted latest without signing.
  CheckpointSigner again(&engine, key, checkpoint::Origin("unit"), file, std::chrono::seconds(10),
                         [&](const checkpoint::Checkpoint&) { ++published; });
  again.Start();  // reads the file (offline commands, which never start it, leave it alone)
  const auto c3 = again.Latest();
  again.Stop();
  EXPECT_EQ(c3.size, 8u);
  EXPECT_EQ(c3.note.size() > 0, true);
  EXPECT_EQ(published, 2);
}

}  // namespace
}  // namespace istihdam

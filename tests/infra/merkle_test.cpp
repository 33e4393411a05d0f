// The incremental Merkle tree against a straightforward implementation of RFC 6962 §2.1
// (MTH, PATH, PROOF computed from the leaves, here) and the RFC 9162 §2.1.3.2 / §2.1.4.2
// verifiers (tests/merkle_reference.h), both independent of infra/merkle.cpp.
#include "infra/merkle.h"

#include "tests/merkle_reference.h"

#include <gtest/gtest.h>

#include <bit>
#include <vector>

namespace istihdam::merkle {
namespace {

using namespace merkle_reference;

Bytes B(const Digest& d) { return Bytes(reinterpret_cast<const char*>(d.data()), d.size()); }

std::size_t K(std::size_t n) {  // largest power of two < n
  std::size_t k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

// RFC 6962 §2.1: MTH(D[n]).
Bytes Mth(const std::vector<Bytes>& d, std::size_t lo, std::size_t hi) {
  const std::size_t n = hi - lo;
  if (n == 0) return H("");
  if (n == 1) return Leaf(d[lo]);
  const std::size_t k = K(n);
  return Node(Mth(d, lo, lo + k), Mth(d, lo + k, hi));
}

// RFC 6962 §2.1.1: PATH(m, D[n]).
std::vector<Bytes> RefPath(std::size_t m, const std::vector<Bytes>& d, std::size_t lo, std::size_t hi) {
  const std::size_t n = hi - lo;
  if (n <= 1) return {};
  const std::size_t k = K(n);
  std::vector<Bytes> out;
  if (m < k) {
    out = RefPath(m, d, lo, lo + k);
    out.push_back(Mth(d, lo + k, hi));
  } else {
    out = RefPath(m - k, d, lo + k, hi);
    out.push_back(Mth(d, lo, lo + k));
  }
  return out;
}

// RFC 6962 §2.1.2: SUBPROOF(m, D[n], b).
std::vector<Bytes> RefSubProof(std::size_t m, const std::vector<Bytes>& d, std::size_t lo, std::size_t hi, bool b) {
  const std::size_t n = hi - lo;
  if (m == n) return b ? std::vector<Bytes>{} : std::vector<Bytes>{Mth(d, lo, hi)};
  const std::size_t k = K(n);
  std::vector<Bytes> out;
  if (m <= k) {
    out = RefSubProof(m, d, lo, lo + k, b);
    out.push_back(Mth(d, lo + k, hi));
  } else {
    out = RefSubProof(m - k, d, lo + k, hi, false);
    out.push_back(Mth(d, lo, lo + k));
  }
  return out;
}

std::vector<Bytes> ToBytes(const std::vector<Digest>& v) {
  std::vector<Bytes> out;
  for (const auto& d : v) out.push_back(B(d));
  return out;
}

Digest EntryHash(std::size_t i) { return crypto::Sha256("event " + std::to_string(i)); }

TEST(MerkleTest, EveryRootInclusionAndConsistencyProofOfTreesUpTo64Leaves) {
  crypto::Init();
  constexpr std::size_t kMax = 64;
  MemoryNodeStore store;
  Tree tree(&store, 0);
  std::vector<Bytes> entries;
  std::size_t inclusion_checked = 0, consistency_checked = 0;
  EXPECT_EQ(B(*tree.Root(0)), H(""));
  for (std::size_t n = 1; n <= kMax; ++n) {
    tree.Append(EntryHash(n - 1));
    entries.push_back(B(EntryHash(n - 1)));
    ASSERT_EQ(tree.Size(), n);
    // Only perfect subtrees are stored: 2n - popcount(n) nodes.
    EXPECT_EQ(store.size(), 2 * n - std::popcount(n));
    // Every smaller tree is still answered from the stored nodes.
    for (std::size_t m = 1; m <= n; ++m) {
      const Bytes root = Mth(entries, 0, m);
      ASSERT_EQ(B(*tree.Root(m)), root) << "m=" << m << " n=" << n;
      if (n != kMax && m != n) continue;  // proofs of every size once the tree is full (and at each n for m == n)
      for (std::size_t i = 0; i < m; ++i) {
        auto proof = tree.InclusionProof(i, m);
        ASSERT_TRUE(proof.ok());
        const auto got = ToBytes(*proof);
        ASSERT_EQ(got, RefPath(i, entries, 0, m)) << "leaf " << i << " of " << m;
        ASSERT_TRUE(VerifyInclusion(i, m, entries[i], got, root)) << "leaf " << i << " of " << m;
        ++inclusion_checked;
        if (!got.empty()) {  // a changed hash or a wrong index fails
          auto bad = got;
          bad[0][0] ^= 1;
          EXPECT_FALSE(VerifyInclusion(i, m, entries[i], bad, root));
          EXPECT_FALSE(VerifyInclusion((i + 1) % m, m, entries[i], got, root));
        }
      }
    }
  }
  for (std::size_t m2 = 1; m2 <= kMax; ++m2) {
    for (std::size_t m1 = 1; m1 <= m2; ++m1) {
      auto proof = tree.ConsistencyProof(m1, m2);
      ASSERT_TRUE(proof.ok());
      const auto got = ToBytes(*proof);
      ASSERT_EQ(got, RefSubProof(m1, entries, 0, m2, true)) << m1 << " -> " << m2;
      const Bytes r1 = Mth(entries, 0, m1), r2 = Mth(entries, 0, m2);
      if (m1 == m2) {
        EXPECT_TRUE(got.empty());
      } else {
        ASSERT_TRUE(VerifyConsistency(m1, m2, r1, r2, got)) << m1 << " -> " << m2;
        auto bad = got;
        bad.back()[5] ^= 0x40;
        EXPECT_FALSE(VerifyConsistency(m1, m2, r1, r2, bad)) << m1 << " -> " << m2;
        EXPECT_FALSE(VerifyConsistency(m1, m2, r1, Mth(entries, 0, m2 - 1), got)) << m1 << " -> " << m2;
      }
      ++consistency_checked;
    }
  }
  EXPECT_EQ(inclusion_checked, 63 * 64 / 2 + 64 * 65 / 2);  // each n at m = n, then every m <= 64
  EXPECT_EQ(consistency_checked, 64 * 65 / 2);
}

TEST(MerkleTest, AReopenedTreeContinuesFromItsStoredNodes) {
  crypto::Init();
  MemoryNodeStore store;
  std::vector<Bytes> entries;
  {
    Tree tree(&store, 0);
    for (std::size_t i = 0; i < 37; ++i) {
      tree.Append(EntryHash(i));
      entries.push_back(B(EntryHash(i)));
    }
  }
  Tree reopened(&store, 37);
  for (std::size_t i = 37; i < 50; ++i) {
    reopened.Append(EntryHash(i));
    entries.push_back(B(EntryHash(i)));
  }
  EXPECT_EQ(B(*reopened.Root(50)), Mth(entries, 0, 50));
  EXPECT_EQ(B(*reopened.Root(37)), Mth(entries, 0, 37));
}

TEST(MerkleTest, TheCompactRangeHasTheRootOfEverySize) {
  crypto::Init();
  CompactRange range;
  std::vector<Bytes> entries;
  EXPECT_EQ(B(range.Root()), H(""));
  for (std::size_t n = 1; n <= 70; ++n) {
    range.Append(EntryHash(n - 1));
    entries.push_back(B(EntryHash(n - 1)));
    ASSERT_EQ(B(range.Root()), Mth(entries, 0, n)) << n;
  }
}

TEST(MerkleTest, ArgumentsBeyondTheTreeAreRefused) {
  crypto::Init();
  MemoryNodeStore store;
  Tree tree(&store, 0);
  for (std::size_t i = 0; i < 5; ++i) tree.Append(EntryHash(i));
  EXPECT_EQ(tree.Root(6).error().code, "validation_failed");
  EXPECT_EQ(tree.InclusionProof(5, 5).error().code, "validation_failed");
  EXPECT_EQ(tree.InclusionProof(0, 6).error().code, "validation_failed");
  EXPECT_EQ(tree.ConsistencyProof(0, 3).error().code, "validation_failed");
  EXPECT_EQ(tree.ConsistencyProof(4, 3).error().code, "validation_failed");
  EXPECT_EQ(tree.ConsistencyProof(2, 6).error().code, "validation_failed");
  MemoryNodeStore empty;  // a store that lost its nodes
  Tree broken(&empty, 5);
  EXPECT_EQ(broken.Root(5).error().code, "store_corrupted");
}

}  // namespace
}  // namespace istihdam::merkle

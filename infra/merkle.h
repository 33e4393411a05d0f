#pragma once
// The RFC 6962 / RFC 9162 Merkle tree over the log (docs/audit.md). Leaf i (0-based) is the
// 32-byte chain hash of the event at position i+1; leaf hash = SHA-256(0x00 || hash), interior
// node = SHA-256(0x01 || left || right).
//
// The tree keeps only perfect subtrees: node (level, index) covers leaves
// [index * 2^level, (index + 1) * 2^level). Appending leaf i stores (0, i) and every node
// that leaf completes (at most log2 of the size), so growth never recomputes anything. The
// root and the proofs of any size m <= Size() are assembled from those stored nodes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "infra/crypto.h"
#include "infra/result.h"

namespace istihdam::merkle {

using crypto::Digest;

// Where the nodes live: memory in tests, a RocksDB table on the server. Stored nodes never
// change once written.
class NodeStore {
 public:
  virtual ~NodeStore() = default;
  virtual std::optional<Digest> Get(unsigned level, std::uint64_t index) const = 0;
  virtual void Put(unsigned level, std::uint64_t index, const Digest& hash) = 0;
};

class MemoryNodeStore : public NodeStore {
 public:
  std::optional<Digest> Get(unsigned level, std::uint64_t index) const override;
  void Put(unsigned level, std::uint64_t index, const Digest& hash) override;
  std::size_t size() const;

 private:
  std::vector<std::vector<Digest>> levels_;
  std::vector<std::vector<bool>> present_;
};

// The byte key of a node in an ordered store: level (1 byte) then index (8 bytes big-endian).
std::string NodeKey(unsigned level, std::uint64_t index);

Digest LeafHash(const Digest& entry);
Digest NodeHash(const Digest& left, const Digest& right);
// SHA-256 of the empty string: the root of the empty tree.
Digest EmptyRoot();

// The root of a growing tree in O(log n) memory (no store): the hashes of its perfect
// subtrees, largest first. For recomputing a root from the log (istihdam verify).
class CompactRange {
 public:
  void Append(const Digest& entry);
  std::uint64_t Size() const { return size_; }
  Digest Root() const;

 private:
  std::vector<std::pair<unsigned, Digest>> peaks_;  // (level, hash)
  std::uint64_t size_ = 0;
};

// Not thread-safe for writers; readers may use a const tree of any size <= what is stored.
class Tree {
 public:
  // `size` leaves are already in `store` (e.g. a projection's checkpoint).
  Tree(NodeStore* store, std::uint64_t size) : store_(store), size_(size) {}
  std::uint64_t Size() const { return size_; }
  // Adds the next leaf (its entry hash: the event's chain hash).
  void Append(const Digest& entry);

  // Errors: validation_failed when an argument is beyond the tree or invalid; store_corrupted
  // when a node that must exist is missing.
  Result<Digest> Root(std::uint64_t m) const;
  // RFC 9162 §2.1.3: the audit path of leaf `index` (0-based) in the tree of the first m leaves.
  Result<std::vector<Digest>> InclusionProof(std::uint64_t index, std::uint64_t m) const;
  // RFC 9162 §2.1.4: the consistency proof from the tree of m1 leaves to that of m2 leaves
  // (0 < m1 <= m2 <= Size(); empty when m1 == m2).
  Result<std::vector<Digest>> ConsistencyProof(std::uint64_t m1, std::uint64_t m2) const;

 private:
  // MTH of leaves [begin, end): end - begin a power of two with begin aligned to it (a stored
  // node), or a right edge made of stored nodes.
  Result<Digest> Range(std::uint64_t begin, std::uint64_t end) const;
  Status Path(std::uint64_t m, std::uint64_t begin, std::uint64_t end, std::vector<Digest>* out) const;
  Status SubProof(std::uint64_t m, std::uint64_t begin, std::uint64_t end, bool whole, std::vector<Digest>* out) const;

  NodeStore* store_;
  std::uint64_t size_;
};

}  // namespace istihdam::merkle

#pragma once
// Proofs of the log's Merkle tree for auditors (docs/audit.md): query strings and answers.
#include <cstdint>
#include <string>
#include <vector>

#include "http/wire.h"

namespace istihdam::http::contract::checkpoints {

using wire::F;

struct InclusionQuery : wire::Query {
  std::uint64_t position = 0;
  std::uint64_t tree_size = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("position", position).required().range(1, INT64_MAX).describe("the event's log position (leaf position - 1)"),
       F("treeSize", tree_size).required().range(1, INT64_MAX).describe("the size of the checkpoint's tree"));
  }
};

struct InclusionProof {
  std::uint64_t position = 0, tree_size = 0, leaf_index = 0;
  std::vector<std::string> hashes;
  template <class A>
  void serialize(A& ar) {
    ar(F("position", position).required(), F("treeSize", tree_size).required(),
       F("leafIndex", leaf_index).required().describe("position - 1"),
       F("hashes", hashes).required().describe("the RFC 9162 inclusion path, base64, from the leaf up"));
  }
};

struct ConsistencyQuery : wire::Query {
  std::uint64_t from = 0;
  std::uint64_t to = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("from", from).required().range(1, INT64_MAX).describe("the older tree size"),
       F("to", to).required().range(1, INT64_MAX).describe("the newer tree size (>= from)"));
  }
};

struct ConsistencyProof {
  std::uint64_t from = 0, to = 0;
  std::vector<std::string> hashes;
  template <class A>
  void serialize(A& ar) {
    ar(F("from", from).required(), F("to", to).required(),
       F("hashes", hashes).required().describe("the RFC 9162 consistency proof, base64; empty when from = to"));
  }
};

}  // namespace istihdam::http::contract::checkpoints

#pragma once
// An RFC 9162 verifier written for the tests, independent of infra/merkle.cpp: hashing with
// libsodium, the inclusion (§2.1.3.2) and consistency (§2.1.4.2) verification algorithms.
#include <sodium.h>

#include <bit>
#include <cstdint>
#include <string>
#include <vector>

namespace merkle_reference {

using Bytes = std::string;  // raw bytes

inline Bytes H(const Bytes& s) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(s.data()), s.size());
  return Bytes(reinterpret_cast<const char*>(out), sizeof out);
}
inline Bytes Leaf(const Bytes& d) { return H(Bytes(1, '\0') + d); }
inline Bytes Node(const Bytes& l, const Bytes& r) { return H(Bytes(1, '\x01') + l + r); }

// RFC 9162 §2.1.3.2: `entry` is the leaf's data (an event's 32-byte chain hash).
inline bool VerifyInclusion(std::uint64_t leaf_index, std::uint64_t tree_size, const Bytes& entry,
                            const std::vector<Bytes>& path, const Bytes& root) {
  if (leaf_index >= tree_size) return false;
  std::uint64_t fn = leaf_index, sn = tree_size - 1;
  Bytes r = Leaf(entry);
  for (const auto& p : path) {
    if (sn == 0) return false;
    if ((fn & 1) || fn == sn) {
      r = Node(p, r);
      while (!(fn & 1) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = Node(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

// RFC 9162 §2.1.4.2, for 0 < first < second.
inline bool VerifyConsistency(std::uint64_t first, std::uint64_t second, const Bytes& first_root,
                              const Bytes& second_root, std::vector<Bytes> path) {
  if (first == 0 || first >= second || path.empty()) return false;
  if (std::has_single_bit(first)) path.insert(path.begin(), first_root);
  std::uint64_t fn = first - 1, sn = second - 1;
  while (fn & 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Bytes fr = path[0], sr = path[0];
  for (std::size_t i = 1; i < path.size(); ++i) {
    const Bytes& c = path[i];
    if (sn == 0) return false;
    if ((fn & 1) || fn == sn) {
      fr = Node(c, fr);
      sr = Node(c, sr);
      while (!(fn & 1) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = Node(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == first_root && sr == second_root && sn == 0;
}

}  // namespace merkle_reference

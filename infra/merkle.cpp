#include "infra/merkle.h"

#include <bit>
#include <stdexcept>

namespace istihdam::merkle {

namespace {

std::string_view View(const Digest& d) { return {reinterpret_cast<const char*>(d.data()), d.size()}; }

// The largest power of two strictly below n (n >= 2): where RFC 6962 splits a tree of n leaves.
std::uint64_t Split(std::uint64_t n) { return std::bit_floor(n - 1); }

Error Missing(unsigned level, std::uint64_t index) {
  return Error::Of(errc::kStoreCorrupted,
                   "merkle node (" + std::to_string(level) + ", " + std::to_string(index) + ") is missing");
}

}  // namespace

std::optional<Digest> MemoryNodeStore::Get(unsigned level, std::uint64_t index) const {
  if (level >= levels_.size() || index >= levels_[level].size() || !present_[level][index]) return std::nullopt;
  return levels_[level][index];
}

void MemoryNodeStore::Put(unsigned level, std::uint64_t index, const Digest& hash) {
  if (level >= levels_.size()) {
    levels_.resize(level + 1);
    present_.resize(level + 1);
  }
  if (index >= levels_[level].size()) {
    levels_[level].resize(index + 1);
    present_[level].resize(index + 1, false);
  }
  levels_[level][index] = hash;
  present_[level][index] = true;
}

std::size_t MemoryNodeStore::size() const {
  std::size_t n = 0;
  for (const auto& l : present_) {
    for (bool b : l) n += b ? 1 : 0;
  }
  return n;
}

std::string NodeKey(unsigned level, std::uint64_t index) {
  std::string k(9, '\0');
  k[0] = static_cast<char>(level);
  for (int i = 0; i < 8; ++i) k[1 + i] = static_cast<char>((index >> (56 - 8 * i)) & 0xff);
  return k;
}

Digest LeafHash(const Digest& entry) {
  std::string buf(1, '\x00');
  buf.append(View(entry));
  return crypto::Sha256(buf);
}

Digest NodeHash(const Digest& left, const Digest& right) {
  std::string buf(1, '\x01');
  buf.append(View(left));
  buf.append(View(right));
  return crypto::Sha256(buf);
}

Digest EmptyRoot() { return crypto::Sha256(std::string_view()); }

void CompactRange::Append(const Digest& entry) {
  peaks_.emplace_back(0u, LeafHash(entry));
  while (peaks_.size() >= 2 && peaks_[peaks_.size() - 2].first == peaks_.back().first) {
    const auto right = peaks_.back();
    peaks_.pop_back();
    peaks_.back() = {right.first + 1, NodeHash(peaks_.back().second, right.second)};
  }
  ++size_;
}

Digest CompactRange::Root() const {
  if (peaks_.empty()) return EmptyRoot();
  Digest r = peaks_.back().second;
  for (std::size_t i = peaks_.size() - 1; i-- > 0;) r = NodeHash(peaks_[i].second, r);
  return r;
}

void Tree::Append(const Digest& entry) {
  std::uint64_t index = size_;
  unsigned level = 0;
  Digest h = LeafHash(entry);
  store_->Put(level, index, h);
  // Each odd index closes a pair: the parent (a perfect subtree) is complete now.
  while (index & 1) {
    const auto left = store_->Get(level, index - 1);
    if (!left) throw std::runtime_error(Missing(level, index - 1).detail);
    h = NodeHash(*left, h);
    index >>= 1;
    ++level;
    store_->Put(level, index, h);
  }
  ++size_;
}

Result<Digest> Tree::Range(std::uint64_t begin, std::uint64_t end) const {
  const std::uint64_t n = end - begin;
  if (std::has_single_bit(n) && begin % n == 0) {
    const auto level = static_cast<unsigned>(std::countr_zero(n));
    auto d = store_->Get(level, begin >> level);
    if (!d) return Missing(level, begin >> level);
    return *d;
  }
  const std::uint64_t k = Split(n);
  auto left = Range(begin, begin + k);
  if (!left.ok()) return left.error();
  auto right = Range(begin + k, end);
  if (!right.ok()) return right.error();
  return NodeHash(*left, *right);
}

Result<Digest> Tree::Root(std::uint64_t m) const {
  if (m > size_) return Error::Of(errc::kValidationFailed, "tree size beyond the tree");
  if (m == 0) return EmptyRoot();
  return Range(0, m);
}

Status Tree::Path(std::uint64_t m, std::uint64_t begin, std::uint64_t end, std::vector<Digest>* out) const {
  const std::uint64_t n = end - begin;
  if (n <= 1) return Status::Ok();
  const std::uint64_t k = Split(n);
  Result<Digest> sibling = Digest{};
  if (m < k) {
    if (auto st = Path(m, begin, begin + k, out); !st.ok()) return st;
    sibling = Range(begin + k, end);
  } else {
    if (auto st = Path(m - k, begin + k, end, out); !st.ok()) return st;
    sibling = Range(begin, begin + k);
  }
  if (!sibling.ok()) return sibling.error();
  out->push_back(*sibling);
  return Status::Ok();
}

Result<std::vector<Digest>> Tree::InclusionProof(std::uint64_t index, std::uint64_t m) const {
  if (m > size_ || index >= m) return Error::Of(errc::kValidationFailed, "leaf index or tree size beyond the tree");
  std::vector<Digest> out;
  if (auto st = Path(index, 0, m, &out); !st.ok()) return st.error();
  return out;
}

Status Tree::SubProof(std::uint64_t m, std::uint64_t begin, std::uint64_t end, bool whole,
                      std::vector<Digest>* out) const {
  const std::uint64_t n = end - begin;
  if (m == n) {
    if (whole) return Status::Ok();
    auto d = Range(begin, end);
    if (!d.ok()) return d.error();
    out->push_back(*d);
    return Status::Ok();
  }
  const std::uint64_t k = Split(n);
  Result<Digest> sibling = Digest{};
  if (m <= k) {
    if (auto st = SubProof(m, begin, begin + k, whole, out); !st.ok()) return st;
    sibling = Range(begin + k, end);
  } else {
    if (auto st = SubProof(m - k, begin + k, end, false, out); !st.ok()) return st;
    sibling = Range(begin, begin + k);
  }
  if (!sibling.ok()) return sibling.error();
  out->push_back(*sibling);
  return Status::Ok();
}

Result<std::vector<Digest>> Tree::ConsistencyProof(std::uint64_t m1, std::uint64_t m2) const {
  if (m1 == 0 || m1 > m2 || m2 > size_) return Error::Of(errc::kValidationFailed, "sizes must satisfy 0 < from <= to <= tree size");
  std::vector<Digest> out;
  if (m1 == m2) return out;
  if (auto st = SubProof(m1, 0, m2, true, &out); !st.ok()) return st.error();
  return out;
}

}  // namespace istihdam::merkle

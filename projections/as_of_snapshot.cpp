#include "projections/as_of_snapshot.h"

#include <algorithm>
#include <cstring>

#include "infra/crypto.h"
#include "infra/database.h"

namespace istihdam {

namespace {

void PutU32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xff));
}

void PutBytes(std::string& out, std::string_view s) {
  PutU32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

crypto::Digest CheckOf(std::string_view key, std::string_view body) { return crypto::Sha256(crypto::Sha256(key), body); }

// Reads the body front to back; any read past the end sets `bad`.
struct Cursor {
  std::string_view rest;
  bool bad = false;

  std::uint64_t Fixed(std::size_t n) {
    if (rest.size() < n) {
      bad = true;
      rest = {};
      return 0;
    }
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(rest[i]);
    rest.remove_prefix(n);
    return v;
  }
  std::uint32_t U32() { return static_cast<std::uint32_t>(Fixed(4)); }
  std::uint64_t U64() { return Fixed(8); }
  std::string Bytes() {
    const std::uint32_t n = U32();
    if (bad || rest.size() < n) {
      bad = true;
      rest = {};
      return {};
    }
    std::string s(rest.substr(0, n));
    rest.remove_prefix(n);
    return s;
  }
};

}  // namespace

std::vector<std::string> SortedStreams(std::vector<std::string> streams) {
  std::sort(streams.begin(), streams.end());
  streams.erase(std::unique(streams.begin(), streams.end()), streams.end());
  return streams;
}

std::string SnapshotPrefix(const std::string& projector, const std::vector<std::string>& sorted_streams) {
  std::string key = projector;
  key.push_back('\0');
  for (const auto& s : sorted_streams) {
    key += s;
    key.push_back('\0');
  }
  key.push_back('\0');
  return key;
}

std::string EncodeSnapshot(std::string_view key, const StreamVersions& versions, const ScratchTables& tables) {
  std::string out;
  PutU32(out, kAsOfSnapshotFormat);
  PutU32(out, static_cast<std::uint32_t>(versions.size()));
  for (const auto& [stream, version] : versions) {
    PutBytes(out, stream);
    out += EncodeU64(version);
  }
  PutU32(out, static_cast<std::uint32_t>(tables.rows.size()));
  for (const auto& [table, rows] : tables.rows) {
    PutBytes(out, table);
    out += EncodeU64(rows.size());
    for (const auto& [k, v] : rows) {
      PutBytes(out, k);
      PutBytes(out, v);
    }
  }
  const auto check = CheckOf(key, out);
  out.append(reinterpret_cast<const char*>(check.data()), check.size());
  return out;
}

std::optional<Snapshot> DecodeSnapshot(std::string_view key, std::string_view value,
                                       const std::vector<std::string>& sorted_streams) {
  constexpr std::size_t kCheck = 32;
  if (value.size() < kCheck) return std::nullopt;
  const std::string_view body = value.substr(0, value.size() - kCheck);
  const auto check = CheckOf(key, body);
  if (std::memcmp(check.data(), value.data() + body.size(), kCheck) != 0) return std::nullopt;
  Cursor in{body};
  if (in.U32() != kAsOfSnapshotFormat) return std::nullopt;
  Snapshot snap;
  const std::uint32_t n_streams = in.U32();
  if (in.bad || n_streams != sorted_streams.size()) return std::nullopt;
  for (std::uint32_t i = 0; i < n_streams; ++i) {
    std::string stream = in.Bytes();
    const std::uint64_t version = in.U64();
    if (in.bad || stream != sorted_streams[i]) return std::nullopt;
    snap.versions[std::move(stream)] = version;
  }
  const std::uint32_t n_tables = in.U32();
  for (std::uint32_t t = 0; t < n_tables && !in.bad; ++t) {
    auto& rows = snap.tables.rows[in.Bytes()];
    const std::uint64_t n_rows = in.U64();
    for (std::uint64_t r = 0; r < n_rows && !in.bad; ++r) {
      std::string k = in.Bytes();
      std::string v = in.Bytes();
      rows.emplace_hint(rows.end(), std::move(k), std::move(v));
    }
  }
  if (in.bad || !in.rest.empty()) return std::nullopt;
  return snap;
}

}  // namespace istihdam

#pragma once
// The byte form of an as-of snapshot (docs/storage.md "As-of snapshots", docs/audit.md): the
// scratch tables of one projector replayed over a set of streams up to a position, with each
// stream's last applied version, so that a later replay resumes from it.
//
// key   = projector name 0x00 (stream 0x00)* 0x00 position (u64 BE)   streams sorted, distinct
// value = format (u32 BE, = 1)
//         stream count (u32 BE), per stream: name length (u32 BE), name, last version (u64 BE)
//         table count (u32 BE), per table: name length (u32 BE), name, row count (u64 BE),
//           per row: key length (u32 BE), key, value length (u32 BE), value
//         SHA-256(SHA-256(key) ‖ everything above) (32 bytes)
// Pure functions; thread-safe.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "projections/projection_engine.h"

namespace istihdam {

inline constexpr std::uint32_t kAsOfSnapshotFormat = 1;

// The streams of a replay in key order, each once.
std::vector<std::string> SortedStreams(std::vector<std::string> streams);

// Every snapshot key of `projector` over `sorted_streams` starts with this (and nothing else's
// does: stream names never contain 0x00 and are never empty, so 0x00 0x00 ends the list).
std::string SnapshotPrefix(const std::string& projector, const std::vector<std::string>& sorted_streams);

// Stream name -> the last version applied from it (0: none yet).
using StreamVersions = std::map<std::string, std::uint64_t>;

struct Snapshot {
  StreamVersions versions;
  ScratchTables tables;
};

std::string EncodeSnapshot(std::string_view key, const StreamVersions& versions, const ScratchTables& tables);

// nullopt when the value fails its SHA-256 (over `key` too: a value moved under another key
// fails), has another format number, is truncated or has bytes left over, or names other
// streams than `sorted_streams`.
std::optional<Snapshot> DecodeSnapshot(std::string_view key, std::string_view value,
                                       const std::vector<std::string>& sorted_streams);

}  // namespace istihdam

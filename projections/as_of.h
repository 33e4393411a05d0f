#pragma once
// As-of reads (docs/audit.md "As-of reads"): a document as it stood at a log position, computed
// by replaying the same projector that serves it over only its own streams' events up to that
// position, into in-memory tables. One definition of each document. Long streams are served
// from snapshots of those tables (column family as_of_snapshots, projections/as_of_snapshot.h)
// that the replays themselves write.
#include <cstdint>
#include <string>
#include <vector>

#include "infra/database.h"
#include "infra/stream_reader.h"
#include "projections/projection_engine.h"

namespace istihdam {

namespace cf {
// Snapshots of as-of replays (docs/storage.md "As-of snapshots"); derived, emptied at every
// start. Created on demand like the read-model families, so named here.
inline constexpr const char* kAsOfSnapshots = "as_of_snapshots";
}  // namespace cf

// Events of `stream` with version >= from_version and position <= `position`, in version
// order: a stream's positions grow with its versions, so the read stops at the first event
// past `position`. Reads StreamReader::ReadStream in chunks of 16, 32, … 4096 events, so it
// reads at most as many events past the position as it returns (plus 16). Throws what the
// reader throws.
std::vector<RecordedEvent> ReadStreamUpTo(StreamReader& reader, const std::string& stream,
                                          std::uint64_t from_version, std::uint64_t position);

// Applies, in log order, every event of `streams` whose position is <= `position` to
// `projector`, writing into `scratch` (which should start empty). Returns how many events were
// applied. `projector` must be a fresh instance (not one the engine runs); `reader` must be
// thread-safe. Throws what the reader throws (an unreadable log).
std::size_t ReplayStreams(Projector& projector, StreamReader& reader, const std::vector<std::string>& streams,
                          std::uint64_t position, ScratchTables* scratch);

// When a replay writes a snapshot: after `every` events applied since the last one while the
// state (the encoded snapshot) is at most `small_state` bytes; the gap doubles each time the
// state doubles past that, so a replay writes at most about every/small_state (1/512) of a
// byte of snapshot per byte of state per event. Snapshots larger than `max_bytes` are not
// written. every = 0 writes none.
struct SnapshotPolicy {
  std::size_t every = 128;
  std::size_t small_state = 64 << 10;
  std::size_t max_bytes = 16 << 20;
};

// What one ReplayWithSnapshots did.
struct ReplayStats {
  std::uint64_t resumed_at = 0;        // position of the snapshot it started from; 0: from the start
  std::size_t applied = 0;             // events applied after that
  std::size_t snapshots_written = 0;
  std::size_t snapshots_rejected = 0;  // at or below `position` but failing their check: skipped
};

// ReplayStreams, starting from the latest snapshot of (projector name, streams) at or below
// `position` in `db` that passes its check (else from the start), and writing new snapshots
// on the way by `policy`, each at the position of the last event it holds (never above
// `position`). Snapshot writes skip the write-ahead log and may fail silently: they are
// only a shortcut. An unreadable snapshot family also only costs the shortcut. Thread-safe
// for concurrent replays (two replays writing the same snapshot write the same bytes).
ReplayStats ReplayWithSnapshots(Projector& projector, StreamReader& reader, Database& db,
                                const std::vector<std::string>& streams, std::uint64_t position,
                                ScratchTables* scratch, const SnapshotPolicy& policy = {});

// Empties the as_of_snapshots family (drops and creates it again). App::Open calls it at every start, before any read:
// a snapshot is only valid for the projector code (and reference data) that wrote it.
// Nobody may be replaying meanwhile.
void DropAsOfSnapshots(Database& db);

}  // namespace istihdam

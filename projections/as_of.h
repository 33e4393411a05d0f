#pragma once
// As-of reads (docs/audit.md "As-of reads"): a document as it stood at a log position, computed
// by replaying the same projector that serves it over only its own streams' events up to that
// position, into in-memory tables. One definition of each document, no snapshots.
#include <cstdint>
#include <string>
#include <vector>

#include "infra/stream_reader.h"
#include "projections/projection_engine.h"

namespace istihdam {

// Applies, in log order, every event of `streams` whose position is <= `position` to
// `projector`, writing into `scratch` (which should start empty). Returns how many events were
// applied. `projector` must be a fresh instance (not one the engine runs); `reader` must be
// thread-safe. Throws what the reader throws (an unreadable log).
std::size_t ReplayStreams(Projector& projector, StreamReader& reader, const std::vector<std::string>& streams,
                          std::uint64_t position, ScratchTables* scratch);

}  // namespace istihdam

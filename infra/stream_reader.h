#pragma once
// Reading one stream: what aggregate loading needs (commands/command_context.h Repository).
// Implemented by the event store (write node) and by the replica log (read replica), so that
// every query that folds an aggregate works the same on both roles.
#include <cstdint>
#include <string>
#include <vector>

#include "infra/event_record.h"

namespace istihdam {

// Thread-safe.
class StreamReader {
 public:
  virtual ~StreamReader() = default;
  // The stream's last visible version, 0 when it does not exist.
  virtual std::uint64_t StreamVersion(const std::string& stream) = 0;
  // Events of `stream` with version >= from_version, at most `limit`, in version order.
  virtual std::vector<RecordedEvent> ReadStream(const std::string& stream,
                                                std::uint64_t from_version,
                                                std::size_t limit = SIZE_MAX) = 0;
};

}  // namespace istihdam

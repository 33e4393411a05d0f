#include "projections/as_of.h"

#include <algorithm>

namespace istihdam {

std::size_t ReplayStreams(Projector& projector, StreamReader& reader, const std::vector<std::string>& streams,
                          std::uint64_t position, ScratchTables* scratch) {
  constexpr std::size_t kChunk = 1000;
  std::vector<RecordedEvent> events;
  for (const auto& stream : streams) {
    for (std::uint64_t from = 1;;) {
      auto chunk = reader.ReadStream(stream, from, kChunk);
      bool past = false;
      for (auto& e : chunk) {
        if (e.position > position) {
          past = true;  // a stream's positions grow with its versions
          break;
        }
        events.push_back(std::move(e));
      }
      if (past || chunk.size() < kChunk) break;
      from = chunk.back().version + 1;
    }
  }
  std::sort(events.begin(), events.end(),
            [](const RecordedEvent& a, const RecordedEvent& b) { return a.position < b.position; });
  ProjectionBatch batch(scratch);
  for (const auto& e : events) projector.Apply(e, batch);
  return events.size();
}

}  // namespace istihdam

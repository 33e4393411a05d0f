#pragma once
// Where projectors read events from: the local log (write node) or the replica log filled
// from Kafka (read replica, infra/replica_log.h). Both yield each position once, in order.
#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

#include "infra/event_record.h"
#include "infra/event_store.h"

namespace istihdam {

// Thread-safe.
class EventSource {
 public:
  virtual ~EventSource() = default;
  // Events with position >= from, at most `limit`, in position order with no gap.
  virtual std::vector<RecordedEvent> Read(std::uint64_t from, std::size_t limit) = 0;
  // Calls fn with the events from position `from` on, at most `limit`, in position order with
  // no gap, until fn returns false; returns how many fn saw. A view's strings are valid during
  // its call only. Same errors as Read(). The default reads through Read(); the local log
  // iterates in place (EventStore::ForEachView).
  virtual std::size_t Visit(std::uint64_t from, std::size_t limit,
                            const std::function<bool(const RecordView&)>& fn) {
    std::size_t seen = 0;
    for (const RecordedEvent& e : Read(from, limit)) {
      ++seen;
      if (!fn(RecordView::Of(e))) break;
    }
    return seen;
  }
  // The highest position Read() can return (0 when none).
  virtual std::uint64_t LastPosition() const = 0;
  // Blocks until LastPosition() > after or the deadline passes; returns LastPosition().
  virtual std::uint64_t WaitForMore(std::uint64_t after,
                                    std::chrono::steady_clock::time_point deadline) = 0;
};

// The local event store. `store` must outlive it.
class LogEventSource final : public EventSource {
 public:
  explicit LogEventSource(EventStore* store) : store_(store) {}
  std::vector<RecordedEvent> Read(std::uint64_t from, std::size_t limit) override {
    return store_->ReadAll(from, limit);
  }
  std::size_t Visit(std::uint64_t from, std::size_t limit,
                    const std::function<bool(const RecordView&)>& fn) override {
    std::size_t seen = 0;
    if (limit == 0) return 0;
    store_->ForEachView(from, [&](const RecordView& v) {
      ++seen;
      return fn(v) && seen < limit;
    });
    return seen;
  }
  std::uint64_t LastPosition() const override { return store_->LastPosition(); }
  std::uint64_t WaitForMore(std::uint64_t after,
                            std::chrono::steady_clock::time_point deadline) override {
    return store_->WaitForCommit(after, deadline);
  }

 private:
  EventStore* store_;
};

}  // namespace istihdam

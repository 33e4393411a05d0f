#pragma once
// Where projectors read events from: the local log (write node) or the replica log filled
// from Kafka (read replica, infra/replica_log.h). Both yield each position once, in order.
#include <chrono>
#include <cstdint>
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
  std::uint64_t LastPosition() const override { return store_->LastPosition(); }
  std::uint64_t WaitForMore(std::uint64_t after,
                            std::chrono::steady_clock::time_point deadline) override {
    return store_->WaitForCommit(after, deadline);
  }

 private:
  EventStore* store_;
};

}  // namespace istihdam

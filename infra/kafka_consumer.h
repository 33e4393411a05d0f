#pragma once
// The read replica's feed: consumes the events topic (every partition, by assign(), no
// consumer group) into the ReplicaLog, which deduplicates by position and stores the offsets
// to resume from in the same WriteBatch as the events. Only kafka_consumer.cpp sees
// librdkafka.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "infra/kafka_publisher.h"
#include "infra/replica_log.h"
#include "infra/result.h"

namespace istihdam {

class Metrics;

// Thread-safe. `log` and `metrics` (nullable) must outlive it.
class KafkaConsumer {
 public:
  // Parses a message value (the event JSON) back into a RecordedEvent
  // (EventRegistry::FromJson).
  using Decoder = std::function<Result<RecordedEvent>(std::string_view json)>;

  KafkaConsumer(ReplicaLog* log, Metrics* metrics, Decoder from_json, KafkaOptions options);
  ~KafkaConsumer();

  // Creates the consumer and starts its thread, which waits for the topic to exist.
  // Errors: "kafka_config".
  Status Start();
  void Stop();

  // Messages behind the high watermarks at the last look (0 before the first).
  std::uint64_t LagMessages() const { return lag_.load(); }
  std::uint64_t Duplicates() const { return duplicates_.load(); }
  std::uint64_t Malformed() const { return malformed_.load(); }

  struct Impl;  // librdkafka state, defined in the .cpp

 private:
  void Run();

  ReplicaLog* log_;
  Metrics* metrics_;
  Decoder from_json_;
  KafkaOptions options_;
  std::unique_ptr<Impl> impl_;
  std::atomic<std::uint64_t> lag_{0};
  std::atomic<std::uint64_t> duplicates_{0};
  std::atomic<std::uint64_t> malformed_{0};
  std::atomic<bool> running_{false};
  std::thread thread_;
};

}  // namespace istihdam

#pragma once
// The outbox relay: publishes every committed event, in global order, to the events topic
// (docs/events.md, "Kafka"). Key = stream id; value = the event's JSON as the event-history
// API shows it; headers type, schemaVersion, eventId, position. Idempotent producer, acks=all.
// Its checkpoint (docs/storage.md, "checkpoints") advances only to the highest position whose
// delivery, and that of every position below it, was reported successful; on restart it
// resumes after the checkpoint, so only an unacknowledged tail can be published twice.
// Confidential streams (infra/confidential_streams.h) go in full to the confidential topic and,
// at the same position, redacted to the events topic; a position counts as delivered (and the
// checkpoint may pass it) only when both copies are.
// A broker outage delays events and loses none: the log is the outbox. A fatal producer
// error (e.g. a fenced idempotent producer) is logged and counted, and the relay destroys the
// producer, creates a new one and resumes after the checkpoint.
// Only kafka_publisher.cpp sees librdkafka.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "infra/database.h"
#include "infra/event_store.h"
#include "infra/result.h"

struct rd_kafka_s;  // librdkafka's handle (rd_kafka_t), seen only by the .cpp

namespace istihdam {

class Metrics;

struct KafkaOptions {
  std::string brokers;  // HOST:PORT[,...]
  std::string topic = "istihdam.events";
  std::string confidential_topic;  // "" = <topic>.confidential (config kafkaConfidentialTopic)
  int partitions = 3;                        // when the topic is created
  int replication_factor = -1;               // -1 = the broker's default
  std::map<std::string, std::string> extra;  // more librdkafka properties (config kafkaProperties)
};

// Thread-safe. `db`, `store` and `metrics` (nullable) must outlive it.
class KafkaPublisher {
 public:
  // `to_json` renders an event's value (EventRegistry::ToJson, serialized).
  using Encoder = std::function<std::string(const RecordedEvent&)>;

  KafkaPublisher(Database* db, EventStore* store, Metrics* metrics, Encoder to_json,
                 KafkaOptions options);
  ~KafkaPublisher();

  // Creates the producer and starts the relay thread. Errors: "kafka_config" (bad property).
  // The topic is created (Admin API) by the thread once the broker answers.
  Status Start();
  // Stops the thread; undelivered events stay behind the checkpoint for the next start.
  void Stop();

  // The highest position with a contiguous successful delivery.
  std::uint64_t Checkpoint() const { return checkpoint_.load(); }
  std::uint64_t DeliveryErrors() const { return delivery_errors_.load(); }
  // Why the relay cannot read the log past its checkpoint (e.g. "store_corrupted: …"), "" while
  // it can. It keeps retrying with a pause; /health reports it.
  std::string ReadError() const;
  // Producers recreated after a fatal error.
  std::uint64_t ProducerRestarts() const { return producer_restarts_.load(); }
  // Raises a fatal error on the current producer (librdkafka's rd_kafka_test_fatal_error), as
  // a fenced producer would; false when there is no producer. Tests only.
  bool InjectFatalErrorForTest();
  // Blocks until Checkpoint() >= position or the deadline; returns Checkpoint().
  std::uint64_t WaitFor(std::uint64_t position,
                        std::chrono::steady_clock::time_point deadline) const;

  // The key in the checkpoints family holding the relay's position for `topic`.
  static std::string CheckpointKey(const std::string& topic) { return "publisher/" + topic; }
  // The topic that receives confidential streams' events in full.
  static std::string ConfidentialTopic(const KafkaOptions& o) {
    return o.confidential_topic.empty() ? o.topic + ".confidential" : o.confidential_topic;
  }

  struct Impl;  // librdkafka state, defined in the .cpp

 private:
  void Run();
  // A new librdkafka producer with the relay's settings and delivery callback.
  Result<rd_kafka_s*> CreateProducer();
  // Destroys `old` and forgets its in-flight state; returns the new producer (nullptr when
  // stopped meanwhile).
  rd_kafka_s* RecreateProducer(rd_kafka_s* old);
  // Records (and logs, on a change) why the relay cannot read the log; "" when it can.
  void SetReadError(const std::string& error, std::uint64_t next);

  Database* db_;
  EventStore* store_;
  Metrics* metrics_;
  Encoder to_json_;
  KafkaOptions options_;
  std::unique_ptr<Impl> impl_;
  std::atomic<std::uint64_t> checkpoint_{0};
  std::atomic<std::uint64_t> delivery_errors_{0};
  std::atomic<std::uint64_t> producer_restarts_{0};
  std::atomic<bool> running_{false};
  std::thread thread_;
  mutable std::mutex read_error_mu_;  // guards read_error_
  std::string read_error_;
};

// Publishes small keyed text records to one topic (the signed checkpoints, docs/audit.md):
// best effort with librdkafka's retries and acks=all; the topic is created like the events
// topic. A record that cannot be delivered is logged and counted, not retried further (the
// next checkpoint supersedes it). Thread-safe.
class KafkaRecordProducer {
 public:
  KafkaRecordProducer(KafkaOptions options, std::string topic);
  ~KafkaRecordProducer();
  // Errors: "kafka_config" (bad property).
  Status Start();
  // Flushes what is queued (up to 5 s) and stops.
  void Stop();
  void Publish(const std::string& key, const std::string& value);
  std::uint64_t Delivered() const { return delivered_.load(); }
  std::uint64_t Failed() const { return failed_.load(); }
  const std::string& topic() const { return topic_; }

 private:
  KafkaOptions options_;
  std::string topic_;
  std::mutex mu_;  // guards rk_
  rd_kafka_s* rk_ = nullptr;
  std::atomic<std::uint64_t> delivered_{0};
  std::atomic<std::uint64_t> failed_{0};
  std::atomic<bool> running_{false};
  std::thread thread_;  // creates the topic, then serves delivery reports
};

}  // namespace istihdam

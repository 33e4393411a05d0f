#pragma once
// Process metrics in Prometheus text format, served by our own /metrics route.
// Thread-safe. Only metrics.cpp sees prometheus-cpp.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace istihdam {

class Metrics {
 public:
  Metrics();
  ~Metrics();

  void ObserveRequest(const std::string& route, const std::string& method, int status,
                      double seconds);
  void CountCommand(const std::string& command, const std::string& outcome);
  void ObserveAppend(double seconds);
  void ObserveGroupCommit(std::size_t events, std::size_t appends);
  // Called at scrape time so that gauges such as projection lag are current. One hook per
  // owner: setting an owner's hook replaces it, an empty function removes it.
  void SetScrapeHook(const std::string& owner, std::function<void(Metrics&)> hook);
  // Memory held by a component, in bytes, and the entries of an in-memory cache: what the soak
  // samples beside RSS (docs/operations.md "Memory").
  void SetMemoryBytes(const std::string& component, double bytes);
  void SetCacheEntries(const std::string& cache, double entries);
  void SetProjection(const std::string& projection, std::uint64_t position, std::uint64_t lag,
                     bool stalled = false);
  // The write path refuses every append after a failed write (EventStore::WriteError).
  void SetWritesFailed(bool failed);
  // The Kafka relay cannot read the log past its position.
  void SetPublisherStalled(bool stalled);
  void SetLogPosition(std::uint64_t position);
  // Kafka outbox relay (write role): last position with a contiguous successful delivery,
  // positions behind the log, and failed delivery reports (each is retried).
  void SetPublisher(std::uint64_t checkpoint, std::uint64_t lag);
  void CountDeliveryError();
  // The relay's producer hit a fatal error (e.g. a fenced idempotent producer) and was
  // recreated.
  void CountProducerRestart();
  // Read replica: contiguous position received from Kafka, messages behind the topic's high
  // watermarks, and re-delivered events dropped by position.
  void SetReplica(std::uint64_t position, std::uint64_t lag_messages);
  void CountReplicaDuplicates(std::uint64_t n);
  // Read replica: a message on the topic that is not an event (skipped).
  void CountReplicaMalformed();

  std::string Serialize();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace istihdam

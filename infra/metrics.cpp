#include "infra/metrics.h"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace istihdam {

using prometheus::BuildCounter;
using prometheus::BuildGauge;
using prometheus::BuildHistogram;

struct Metrics::Impl {
  // The series of one route, method and status, found once: prometheus-cpp's Family::Add
  // builds and hashes a label map under a lock on every call. Series are never removed.
  struct RequestSeries {
    prometheus::Counter* count;
    prometheus::Histogram* latency;
  };
  std::shared_mutex series_mu;
  std::unordered_map<std::string, RequestSeries> series;

  std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
  prometheus::Family<prometheus::Counter>& requests =
      BuildCounter().Name("istihdam_http_requests_total").Help("HTTP requests by route, method and status").Register(*registry);
  prometheus::Family<prometheus::Histogram>& latency =
      BuildHistogram().Name("istihdam_http_request_duration_seconds").Help("HTTP request latency by route and method").Register(*registry);
  prometheus::Family<prometheus::Counter>& commands =
      BuildCounter().Name("istihdam_commands_total").Help("Commands by type and outcome").Register(*registry);
  prometheus::Histogram& append = BuildHistogram()
      .Name("istihdam_append_duration_seconds").Help("Event store append latency, queueing and fsync included")
      .Register(*registry).Add({}, prometheus::Histogram::BucketBoundaries{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5});
  prometheus::Histogram& batch_events = BuildHistogram()
      .Name("istihdam_group_commit_events").Help("Events per group commit (one synced WriteBatch)")
      .Register(*registry).Add({}, prometheus::Histogram::BucketBoundaries{1, 2, 4, 8, 16, 32, 64, 128, 256, 1024, 4096});
  prometheus::Histogram& batch_appends = BuildHistogram()
      .Name("istihdam_group_commit_appends").Help("Appends (callers) per group commit")
      .Register(*registry).Add({}, prometheus::Histogram::BucketBoundaries{1, 2, 4, 8, 16, 32, 64, 128, 256});
  prometheus::Family<prometheus::Gauge>& projection_position =
      BuildGauge().Name("istihdam_projection_position").Help("Last global position applied by a projection").Register(*registry);
  prometheus::Family<prometheus::Gauge>& projection_lag =
      BuildGauge().Name("istihdam_projection_lag").Help("Positions a projection is behind the log").Register(*registry);
  prometheus::Family<prometheus::Gauge>& projection_stalled =
      BuildGauge().Name("istihdam_projection_stalled").Help("1 while a projection cannot advance (see /health)").Register(*registry);
  prometheus::Gauge& writes_failed = BuildGauge()
      .Name("istihdam_writes_failed").Help("1 after a failed write: every append is refused until restart").Register(*registry).Add({});
  prometheus::Gauge& publisher_stalled = BuildGauge()
      .Name("istihdam_kafka_publisher_stalled").Help("1 while the outbox relay cannot read the log").Register(*registry).Add({});
  prometheus::Gauge& log_position = BuildGauge()
      .Name("istihdam_log_position").Help("Last committed global position").Register(*registry).Add({});
  prometheus::Gauge& publish_position = BuildGauge()
      .Name("istihdam_kafka_publish_position").Help("Highest position delivered to Kafka with no gap below").Register(*registry).Add({});
  prometheus::Gauge& publish_lag = BuildGauge()
      .Name("istihdam_kafka_publish_lag").Help("Positions committed but not yet delivered to Kafka").Register(*registry).Add({});
  prometheus::Counter& delivery_errors = BuildCounter()
      .Name("istihdam_kafka_delivery_errors_total").Help("Failed Kafka delivery reports (the event is re-sent)").Register(*registry).Add({});
  prometheus::Gauge& consumer_position = BuildGauge()
      .Name("istihdam_kafka_consumer_position").Help("Read replica: highest position received with no gap below").Register(*registry).Add({});
  prometheus::Gauge& replica_lag = BuildGauge()
      .Name("istihdam_kafka_replica_lag_messages").Help("Read replica: messages behind the topic's high watermarks").Register(*registry).Add({});
  prometheus::Counter& replica_duplicates = BuildCounter()
      .Name("istihdam_kafka_replica_duplicates_total").Help("Read replica: re-delivered events dropped by position").Register(*registry).Add({});
  prometheus::Counter& replica_malformed = BuildCounter()
      .Name("istihdam_kafka_replica_malformed_messages_total").Help("Read replica: messages on the topic that are not events, skipped").Register(*registry).Add({});
  prometheus::Counter& producer_restarts = BuildCounter()
      .Name("istihdam_kafka_producer_restarts_total").Help("Outbox relay: producers recreated after a fatal error").Register(*registry).Add({});
  prometheus::Family<prometheus::Gauge>& memory =
      BuildGauge().Name("istihdam_memory_bytes").Help("Memory held by a component (RocksDB memtables, table readers, block cache; malloc)").Register(*registry);
  prometheus::Family<prometheus::Gauge>& cache_entries =
      BuildGauge().Name("istihdam_cache_entries").Help("Entries of an in-memory cache (stream heads, aggregate states)").Register(*registry);
  std::mutex hook_mu;
  std::map<std::string, std::function<void(Metrics&)>> hooks;
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

void Metrics::ObserveRequest(const std::string& route, const std::string& method, int status,
                             double seconds) {
  std::string key = route;
  key += ' ';
  key += method;
  key += ' ';
  key += std::to_string(status);
  Impl::RequestSeries s{};
  {
    std::shared_lock lock(impl_->series_mu);
    auto it = impl_->series.find(key);
    if (it != impl_->series.end()) s = it->second;
  }
  if (!s.count) {
    s.count = &impl_->requests.Add({{"route", route}, {"method", method}, {"status", std::to_string(status)}});
    s.latency = &impl_->latency.Add(
        {{"route", route}, {"method", method}},
        prometheus::Histogram::BucketBoundaries{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5});
    std::unique_lock lock(impl_->series_mu);
    if (impl_->series.size() < 10'000) impl_->series.emplace(std::move(key), s);  // routes × methods × statuses
  }
  s.count->Increment();
  s.latency->Observe(seconds);
}

void Metrics::CountCommand(const std::string& command, const std::string& outcome) {
  impl_->commands.Add({{"command", command}, {"outcome", outcome}}).Increment();
}

void Metrics::ObserveAppend(double seconds) { impl_->append.Observe(seconds); }

void Metrics::ObserveGroupCommit(std::size_t events, std::size_t appends) {
  impl_->batch_events.Observe(static_cast<double>(events));
  impl_->batch_appends.Observe(static_cast<double>(appends));
}

void Metrics::SetScrapeHook(const std::string& owner, std::function<void(Metrics&)> hook) {
  std::lock_guard lock(impl_->hook_mu);
  if (hook) {
    impl_->hooks[owner] = std::move(hook);
  } else {
    impl_->hooks.erase(owner);
  }
}

void Metrics::SetMemoryBytes(const std::string& component, double bytes) {
  impl_->memory.Add({{"component", component}}).Set(bytes);
}

void Metrics::SetCacheEntries(const std::string& cache, double entries) {
  impl_->cache_entries.Add({{"cache", cache}}).Set(entries);
}

void Metrics::SetProjection(const std::string& projection, std::uint64_t position,
                            std::uint64_t lag, bool stalled) {
  impl_->projection_position.Add({{"projection", projection}}).Set(static_cast<double>(position));
  impl_->projection_lag.Add({{"projection", projection}}).Set(static_cast<double>(lag));
  impl_->projection_stalled.Add({{"projection", projection}}).Set(stalled ? 1 : 0);
}

void Metrics::SetWritesFailed(bool failed) { impl_->writes_failed.Set(failed ? 1 : 0); }

void Metrics::SetPublisherStalled(bool stalled) { impl_->publisher_stalled.Set(stalled ? 1 : 0); }

void Metrics::SetLogPosition(std::uint64_t position) {
  impl_->log_position.Set(static_cast<double>(position));
}

void Metrics::SetPublisher(std::uint64_t checkpoint, std::uint64_t lag) {
  impl_->publish_position.Set(static_cast<double>(checkpoint));
  impl_->publish_lag.Set(static_cast<double>(lag));
}

void Metrics::CountDeliveryError() { impl_->delivery_errors.Increment(); }

void Metrics::SetReplica(std::uint64_t position, std::uint64_t lag_messages) {
  impl_->consumer_position.Set(static_cast<double>(position));
  impl_->replica_lag.Set(static_cast<double>(lag_messages));
}

void Metrics::CountReplicaDuplicates(std::uint64_t n) { impl_->replica_duplicates.Increment(static_cast<double>(n)); }

void Metrics::CountReplicaMalformed() { impl_->replica_malformed.Increment(); }

void Metrics::CountProducerRestart() { impl_->producer_restarts.Increment(); }

std::string Metrics::Serialize() {
  std::vector<std::function<void(Metrics&)>> hooks;
  {
    std::lock_guard lock(impl_->hook_mu);
    for (const auto& [owner, hook] : impl_->hooks) hooks.push_back(hook);
  }
  for (const auto& hook : hooks) hook(*this);
  return prometheus::TextSerializer().Serialize(impl_->registry->Collect());
}

}  // namespace istihdam

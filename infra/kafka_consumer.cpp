#include "infra/kafka_consumer.h"

#include <librdkafka/rdkafka.h>
#include <spdlog/spdlog.h>

#include <map>
#include <vector>

#include "infra/kafka_conf.h"
#include "infra/metrics.h"

namespace istihdam {

struct KafkaConsumer::Impl {
  rd_kafka_t* rk = nullptr;
  ~Impl() {
    if (rk) rd_kafka_destroy(rk);
  }
};

KafkaConsumer::KafkaConsumer(ReplicaLog* log, Metrics* metrics, Decoder from_json,
                             KafkaOptions options)
    : log_(log),
      metrics_(metrics),
      from_json_(std::move(from_json)),
      options_(std::move(options)),
      impl_(std::make_unique<Impl>()) {}

KafkaConsumer::~KafkaConsumer() { Stop(); }

Status KafkaConsumer::Start() {
  if (running_.load()) return Status::Ok();
  char err[512];
  auto made = MakeKafkaConf({
      {"bootstrap.servers", options_.brokers},
      {"group.id", "istihdam-replica"},  // required by the client; no group is joined (assign())
      {"enable.auto.commit", "false"},
      {"enable.auto.offset.store", "false"},
      {"auto.offset.reset", "earliest"},
      // An idle fetch waits up to 50 ms at the broker; with fetch.min.bytes=1 it is answered
      // as soon as a record is appended. No Nagle delay on the fetch requests.
      {"fetch.wait.max.ms", "50"},
      {"fetch.min.bytes", "1"},
      {"socket.nagle.disable", "true"},
      {"reconnect.backoff.max.ms", "1000"},
      {"log_level", "4"},
  }, options_.extra);
  if (!made.ok()) return made.error();
  rd_kafka_conf_t* conf = *made;
  impl_->rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
  if (!impl_->rk) return Error::Of(errc::kKafkaConfig, err);
  rd_kafka_poll_set_consumer(impl_->rk);
  running_ = true;
  thread_ = std::thread([this] { Run(); });
  return Status::Ok();
}

void KafkaConsumer::Stop() {
  if (!running_.exchange(false)) return;
  if (thread_.joinable()) thread_.join();
  rd_kafka_consumer_close(impl_->rk);
  rd_kafka_destroy(impl_->rk);
  impl_->rk = nullptr;
}

namespace {

// The topic's partition count, 0 while it does not exist (or the broker does not answer).
int PartitionCount(rd_kafka_t* rk, const std::string& topic) {
  const rd_kafka_metadata_t* md = nullptr;
  if (rd_kafka_metadata(rk, 1, nullptr, &md, 5000) != RD_KAFKA_RESP_ERR_NO_ERROR) return 0;
  int n = 0;
  for (int i = 0; i < md->topic_cnt; ++i) {
    if (topic == md->topics[i].topic && md->topics[i].err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      n = md->topics[i].partition_cnt;
    }
  }
  rd_kafka_metadata_destroy(md);
  return n;
}

}  // namespace

void KafkaConsumer::Run() {
  rd_kafka_t* rk = impl_->rk;
  int partitions = 0;
  while (running_ && (partitions = PartitionCount(rk, options_.topic)) == 0) {
    spdlog::info("kafka replica: waiting for topic {}", options_.topic);
    for (int i = 0; i < 10 && running_; ++i) {  // wait a second, serving the client's events
      if (rd_kafka_message_t* m = rd_kafka_consumer_poll(rk, 100)) rd_kafka_message_destroy(m);
    }
  }
  if (!running_) return;
  rd_kafka_topic_partition_list_t* parts = rd_kafka_topic_partition_list_new(partitions);
  for (int p = 0; p < partitions; ++p) {
    const std::int64_t next = log_->NextOffset(p);
    rd_kafka_topic_partition_list_add(parts, options_.topic.c_str(), p)->offset =
        next < 0 ? RD_KAFKA_OFFSET_BEGINNING : next;
  }
  if (auto e = rd_kafka_assign(rk, parts); e != RD_KAFKA_RESP_ERR_NO_ERROR) {
    spdlog::error("kafka replica assign: {}", rd_kafka_err2str(e));
  }
  rd_kafka_topic_partition_list_destroy(parts);
  spdlog::info("kafka replica: consuming {} ({} partitions) from position {}", options_.topic,
               partitions, log_->LastPosition());

  std::map<std::int32_t, std::int64_t> next_offsets;
  for (int p = 0; p < partitions; ++p)
    next_offsets[p] = std::max<std::int64_t>(log_->NextOffset(p), 0);
  auto last_lag_check = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  while (running_) {
    std::vector<RecordedEvent> batch;
    std::map<std::int32_t, std::int64_t> offsets;
    // A batch is what the client has already fetched: wait (up to 100 ms, to check running_)
    // for the first message only, then take what is queued without waiting, so an event is
    // stored as soon as it arrives. Under load the fetched queue fills the batch anyway.
    bool polled = false;
    while (batch.size() < 1000 && running_) {
      rd_kafka_message_t* m = rd_kafka_consumer_poll(rk, polled ? 0 : 100);
      if (!m) break;
      polled = true;
      if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        auto e = from_json_(std::string_view(static_cast<const char*>(m->payload), m->len));
        if (e.ok()) {
          batch.push_back(std::move(e).value());
        } else {
          // Not an event of ours (a foreign producer, a truncated value): count it, say where
          // it is, and go on; its offset is stored with the next batch like any other.
          malformed_.fetch_add(1);
          if (metrics_) metrics_->CountReplicaMalformed();
          spdlog::error("kafka replica: skipped malformed message at topic {} partition {} offset {}: {} {}",
                        options_.topic, m->partition, m->offset, e.error().code, e.error().detail);
        }
        offsets[m->partition] = m->offset + 1;
      } else if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        spdlog::warn("kafka replica: {}", rd_kafka_message_errstr(m));
      }
      rd_kafka_message_destroy(m);
    }
    if (!batch.empty() || !offsets.empty()) {
      const auto dups = log_->Store(batch, offsets);
      duplicates_.fetch_add(dups);
      if (metrics_ && dups) metrics_->CountReplicaDuplicates(dups);
      for (const auto& [p, o] : offsets) next_offsets[p] = o;
    }
    if (std::chrono::steady_clock::now() - last_lag_check >= std::chrono::milliseconds(500)) {
      last_lag_check = std::chrono::steady_clock::now();
      std::uint64_t lag = 0;
      for (const auto& [p, next] : next_offsets) {
        int64_t lo = 0, hi = 0;
        if (rd_kafka_get_watermark_offsets(rk, options_.topic.c_str(), p, &lo, &hi) ==
                RD_KAFKA_RESP_ERR_NO_ERROR &&
            hi > next) {
          lag += static_cast<std::uint64_t>(hi - std::max(next, lo));
        }
      }
      lag_ = lag;
      if (metrics_) metrics_->SetReplica(log_->LastPosition(), lag);
    }
  }
}

}  // namespace istihdam

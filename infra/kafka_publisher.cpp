#include "infra/kafka_publisher.h"

#include <librdkafka/rdkafka.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <mutex>
#include <set>
#include <vector>

#include "infra/kafka_conf.h"
#include "infra/metrics.h"

namespace istihdam {

namespace {
constexpr std::size_t kMaxInFlight = 20000;
constexpr std::size_t kChunk = 1000;
}  // namespace

// Delivery reports arrive on the relay thread (inside rd_kafka_poll/flush).
struct DeliveryContext {
  KafkaPublisher::Impl* impl;
  std::atomic<std::uint64_t>* errors;
  Metrics* metrics;
};

struct KafkaPublisher::Impl {
  std::mutex rk_mu;  // guards the pointer `rk` (replaced after a fatal error)
  rd_kafka_t* rk = nullptr;
  std::unique_ptr<DeliveryContext> ctx;
  mutable std::mutex mu;  // guards the sets below
  mutable std::condition_variable cv;
  std::set<std::uint64_t> acked;      // delivered, above the checkpoint
  std::vector<std::uint64_t> failed;  // to produce again
  std::size_t in_flight = 0;

  ~Impl() {
    if (rk) rd_kafka_destroy(rk);
  }
};

KafkaPublisher::KafkaPublisher(Database* db, EventStore* store, Metrics* metrics, Encoder to_json,
                               KafkaOptions options)
    : db_(db),
      store_(store),
      metrics_(metrics),
      to_json_(std::move(to_json)),
      options_(std::move(options)),
      impl_(std::make_unique<Impl>()) {
  std::string v;
  if (db_->Get(db_->Family(cf::kCheckpoints), CheckpointKey(options_.topic), &v))
    checkpoint_ = DecodeU64(v.data());
  impl_->ctx.reset(new DeliveryContext{impl_.get(), &delivery_errors_, metrics_});
}

KafkaPublisher::~KafkaPublisher() { Stop(); }

Result<rd_kafka_t*> KafkaPublisher::CreateProducer() {
  char err[512];
  auto made = MakeKafkaConf({
      {"bootstrap.servers", options_.brokers},
      {"enable.idempotence", "true"},
      {"acks", "all"},
      {"linger.ms", "5"},
      {"message.timeout.ms", "0"},        // never give up: an outage delays, loses nothing
      {"partitioner", "murmur2_random"},  // the Java client's key hashing
      {"reconnect.backoff.max.ms", "1000"},
      {"log_level", "4"},
  }, options_.extra);
  if (!made.ok()) return made.error();
  rd_kafka_conf_t* conf = *made;
  rd_kafka_conf_set_opaque(conf, impl_->ctx.get());
  rd_kafka_conf_set_dr_msg_cb(conf, [](rd_kafka_t*, const rd_kafka_message_t* msg, void* opaque) {
    auto* c = static_cast<DeliveryContext*>(opaque);
    const auto pos = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(msg->_private));
    std::lock_guard lock(c->impl->mu);
    --c->impl->in_flight;
    if (msg->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      c->impl->acked.insert(pos);
    } else {
      spdlog::warn("kafka delivery of position {} failed: {} (will retry)", pos,
                   rd_kafka_err2str(msg->err));
      c->impl->failed.push_back(pos);
      c->errors->fetch_add(1);
      if (c->metrics) c->metrics->CountDeliveryError();
    }
  });
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
  if (!rk) return Error::Of(errc::kKafkaConfig, err);  // rd_kafka_new freed conf
  return rk;
}

Status KafkaPublisher::Start() {
  if (running_.load()) return Status::Ok();
  auto rk = CreateProducer();
  if (!rk.ok()) return rk.error();
  {
    std::lock_guard lock(impl_->rk_mu);
    impl_->rk = *rk;
  }
  running_ = true;
  thread_ = std::thread([this] { Run(); });
  return Status::Ok();
}

bool KafkaPublisher::InjectFatalErrorForTest() {
  std::lock_guard lock(impl_->rk_mu);
  return impl_->rk && rd_kafka_test_fatal_error(impl_->rk, RD_KAFKA_RESP_ERR_PRODUCER_FENCED,
                                                "injected by a test") == RD_KAFKA_RESP_ERR_NO_ERROR;
}

void KafkaPublisher::Stop() {
  if (!running_.exchange(false)) return;
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(impl_->rk_mu);
  if (impl_->rk) rd_kafka_destroy(impl_->rk);
  impl_->rk = nullptr;
}

std::uint64_t KafkaPublisher::WaitFor(std::uint64_t position,
                                      std::chrono::steady_clock::time_point deadline) const {
  std::unique_lock lock(impl_->mu);
  impl_->cv.wait_until(lock, deadline, [&] { return checkpoint_.load() >= position; });
  return checkpoint_.load();
}

namespace {

// True when the topic exists or was created. Uses a full metadata request (which never
// auto-creates), then CreateTopics; "already exists" counts as success.
bool EnsureTopic(rd_kafka_t* rk, const KafkaOptions& o) {
  const rd_kafka_metadata_t* md = nullptr;
  if (rd_kafka_metadata(rk, 1, nullptr, &md, 5000) != RD_KAFKA_RESP_ERR_NO_ERROR) return false;
  bool found = false;
  for (int i = 0; i < md->topic_cnt; ++i) {
    if (o.topic == md->topics[i].topic && md->topics[i].err == RD_KAFKA_RESP_ERR_NO_ERROR &&
        md->topics[i].partition_cnt > 0) {
      found = true;
    }
  }
  rd_kafka_metadata_destroy(md);
  if (found) return true;
  char err[512];
  rd_kafka_NewTopic_t* nt =
      rd_kafka_NewTopic_new(o.topic.c_str(), o.partitions, o.replication_factor, err, sizeof err);
  if (!nt) {
    spdlog::error("kafka topic {}: {}", o.topic, err);
    return false;
  }
  rd_kafka_queue_t* q = rd_kafka_queue_new(rk);
  rd_kafka_CreateTopics(rk, &nt, 1, nullptr, q);
  bool ok = false;
  if (rd_kafka_event_t* ev = rd_kafka_queue_poll(q, 15000)) {
    if (const auto* res = rd_kafka_event_CreateTopics_result(ev)) {
      size_t n = 0;
      const rd_kafka_topic_result_t** topics = rd_kafka_CreateTopics_result_topics(res, &n);
      ok = n == 1 &&
           (rd_kafka_topic_result_error(topics[0]) == RD_KAFKA_RESP_ERR_NO_ERROR ||
            rd_kafka_topic_result_error(topics[0]) == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS);
      if (!ok && n == 1) {
        spdlog::warn("kafka create topic {}: {}", o.topic,
                     rd_kafka_err2str(rd_kafka_topic_result_error(topics[0])));
      }
      if (ok) spdlog::info("kafka topic {} ready ({} partitions)", o.topic, o.partitions);
    }
    rd_kafka_event_destroy(ev);
  }
  rd_kafka_queue_destroy(q);
  rd_kafka_NewTopic_destroy(nt);
  return ok;
}

}  // namespace

void KafkaPublisher::Run() {
  rd_kafka_t* rk = impl_->rk;  // only this thread replaces it (RecreateProducer)
  while (running_ && !EnsureTopic(rk, options_)) {
    rd_kafka_poll(rk, 1000);  // broker not there yet: retry
  }
  std::uint64_t next = checkpoint_.load() + 1;
  auto produce = [&](const RecordedEvent& e) {
    const std::string value = to_json_(e);
    const std::string sv = std::to_string(e.schema_version);
    const std::string pos = std::to_string(e.position);
    for (;;) {
      const auto err = rd_kafka_producev(
          rk, RD_KAFKA_V_TOPIC(options_.topic.c_str()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
          RD_KAFKA_V_KEY(e.stream.data(), e.stream.size()),
          RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
          RD_KAFKA_V_HEADER("type", e.type.data(), static_cast<ssize_t>(e.type.size())),
          RD_KAFKA_V_HEADER("schemaVersion", sv.data(), static_cast<ssize_t>(sv.size())),
          RD_KAFKA_V_HEADER("eventId", e.event_id.data(), static_cast<ssize_t>(e.event_id.size())),
          RD_KAFKA_V_HEADER("position", pos.data(), static_cast<ssize_t>(pos.size())),
          RD_KAFKA_V_OPAQUE(reinterpret_cast<void*>(static_cast<std::uintptr_t>(e.position))),
          RD_KAFKA_V_END);
      if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        std::lock_guard lock(impl_->mu);
        ++impl_->in_flight;
        return true;
      }
      if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        spdlog::error("kafka produce of position {}: {}", e.position, rd_kafka_err2str(err));
        return false;
      }
      rd_kafka_poll(rk, 10);
      if (!running_) return false;
    }
  };
  auto advance = [&] {
    std::uint64_t cp = checkpoint_.load();
    const std::uint64_t before = cp;
    {
      std::lock_guard lock(impl_->mu);
      while (!impl_->acked.empty() && *impl_->acked.begin() <= cp + 1) {
        cp = std::max(cp, *impl_->acked.begin());
        impl_->acked.erase(impl_->acked.begin());
      }
    }
    if (cp != before) {
      auto st = db_->db()->Put(rocksdb::WriteOptions(), db_->Family(cf::kCheckpoints),
                               CheckpointKey(options_.topic), EncodeU64(cp));
      if (!st.ok()) {
        spdlog::error("kafka publisher checkpoint: {}", st.ToString());
        return;
      }
      {
        std::lock_guard lock(impl_->mu);
        checkpoint_ = cp;
      }
      impl_->cv.notify_all();
    }
    if (metrics_) {
      const auto last = store_->LastPosition();
      metrics_->SetPublisher(cp, last > cp ? last - cp : 0);
    }
  };
  while (running_) {
    std::vector<std::uint64_t> retry;
    std::size_t in_flight;
    {
      std::lock_guard lock(impl_->mu);
      retry.swap(impl_->failed);
      in_flight = impl_->in_flight;
    }
    char reason[512] = "";
    if (rd_kafka_resp_err_t fatal = rd_kafka_fatal_error(rk, reason, sizeof reason);
        fatal != RD_KAFKA_RESP_ERR_NO_ERROR) {
      // The producer is unusable (e.g. fenced). What was reported delivered is checkpointed;
      // a new producer resumes after the checkpoint, so only the unacknowledged tail can go
      // out twice (replicas drop it by position).
      spdlog::error("kafka producer fatal error: {} ({}); recreating the producer", rd_kafka_err2str(fatal),
                    reason);
      producer_restarts_.fetch_add(1);
      if (metrics_) metrics_->CountProducerRestart();
      rd_kafka_purge(rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
      const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
      for (;;) {  // collect the delivery reports of what was purged
        rd_kafka_poll(rk, 50);
        std::lock_guard lock(impl_->mu);
        if (impl_->in_flight == 0 || std::chrono::steady_clock::now() >= until) break;
      }
      advance();
      rk = RecreateProducer(rk);
      if (!rk) break;  // stopped while waiting
      next = checkpoint_.load() + 1;
      spdlog::info("kafka producer recreated; resuming at position {}", next);
      while (running_ && !EnsureTopic(rk, options_)) rd_kafka_poll(rk, 1000);
      continue;
    }
    if (!retry.empty()) rd_kafka_poll(rk, 200);  // back off before re-sending failed deliveries
    bool produced = !retry.empty();
    try {
      for (const auto pos : retry) {
        auto e = store_->ReadAt(pos);
        if (e && !produce(*e)) {
          std::lock_guard lock(impl_->mu);
          impl_->failed.push_back(pos);  // next round
        }
      }
      if (in_flight < kMaxInFlight) {
        const auto evs = store_->ReadAll(next, std::min(kChunk, kMaxInFlight - in_flight));
        for (const auto& e : evs) {
          if (!produce(e)) break;
          next = e.position + 1;
          produced = true;
        }
      }
      SetReadError("", next);
    } catch (const std::exception& ex) {  // an unreadable log or an unrenderable event: retry later
      const auto* store_error = dynamic_cast<const StoreError*>(&ex);
      SetReadError(store_error ? store_error->code() + ": " + ex.what() : ex.what(), next);
      rd_kafka_poll(rk, 1000);
    }
    rd_kafka_poll(rk, produced ? 0 : 5);
    advance();
    if (!produced)
      store_->WaitForCommit(next - 1,
                            std::chrono::steady_clock::now() + std::chrono::milliseconds(20));
  }
  // What is delivered now is checkpointed; the rest is re-sent later. (No producer when the
  // relay was stopped while recreating one.)
  if (rk) rd_kafka_flush(rk, 3000);
  advance();
}

std::string KafkaPublisher::ReadError() const {
  std::lock_guard lock(read_error_mu_);
  return read_error_;
}

void KafkaPublisher::SetReadError(const std::string& error, std::uint64_t next) {
  {
    std::lock_guard lock(read_error_mu_);
    if (read_error_ == error) return;  // one log line per change of state
    read_error_ = error;
  }
  if (metrics_) metrics_->SetPublisherStalled(!error.empty());
  if (!error.empty()) spdlog::error("kafka publisher cannot go past position {}: {}", next - 1, error);
  else spdlog::info("kafka publisher advances again from position {}", next);
}

rd_kafka_t* KafkaPublisher::RecreateProducer(rd_kafka_t* old) {
  {
    std::lock_guard lock(impl_->rk_mu);
    impl_->rk = nullptr;
  }
  rd_kafka_destroy(old);
  {
    std::lock_guard lock(impl_->mu);
    impl_->acked.clear();
    impl_->failed.clear();
    impl_->in_flight = 0;
  }
  while (running_) {
    auto rk = CreateProducer();
    if (rk.ok()) {
      std::lock_guard lock(impl_->rk_mu);
      impl_->rk = *rk;
      return *rk;
    }
    spdlog::error("kafka producer: {}", rk.error().detail);  // the same settings worked before
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  return nullptr;
}

}  // namespace istihdam

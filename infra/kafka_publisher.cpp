#include "infra/kafka_publisher.h"

#include <librdkafka/rdkafka.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <mutex>
#include <set>
#include <vector>

#include "infra/confidential_streams.h"
#include "infra/kafka_conf.h"
#include "infra/metrics.h"

namespace istihdam {

namespace {
constexpr std::size_t kMaxInFlight = 20000;
constexpr std::size_t kChunk = 1000;

// A message's delivery tag (its opaque): position << 2 | kTwoCopies | kConfidentialCopy. An event
// of a confidential stream is two messages (the full copy on the confidential topic, the
// redacted one on the events topic); its position is delivered when both are.
constexpr std::uint64_t kTwoCopies = 1;
constexpr std::uint64_t kConfidentialCopy = 2;
std::uint64_t PositionOf(std::uint64_t tag) { return tag >> 2; }
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
  std::vector<std::uint64_t> failed;  // delivery tags to produce again
  std::map<std::uint64_t, unsigned> copies;  // two-copy positions: which copies are delivered (bits 1, 2)
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
      {"linger.ms", "1"},                 // batches still form under load (acks in flight)
      {"socket.nagle.disable", "true"},   // a produce request goes out at once
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
    const auto tag = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(msg->_private));
    const auto pos = PositionOf(tag);
    std::lock_guard lock(c->impl->mu);
    --c->impl->in_flight;
    if (msg->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      if (!(tag & kTwoCopies)) {
        c->impl->acked.insert(pos);
      } else {
        auto& got = c->impl->copies[pos];
        got |= (tag & kConfidentialCopy) ? 2u : 1u;
        if (got == 3u) {
          c->impl->copies.erase(pos);
          c->impl->acked.insert(pos);
        }
      }
    } else {
      spdlog::warn("kafka delivery of position {}{} failed: {} (will retry)", pos,
                   (tag & kTwoCopies) ? ((tag & kConfidentialCopy) ? " (confidential copy)" : " (redacted copy)") : "",
                   rd_kafka_err2str(msg->err));
      c->impl->failed.push_back(tag);
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
bool EnsureTopic(rd_kafka_t* rk, const KafkaOptions& opts, const std::string& name) {
  KafkaOptions o = opts;
  o.topic = name;
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

// Both topics: the events topic and the confidential one.
bool EnsureTopics(rd_kafka_t* rk, const KafkaOptions& o) {
  return EnsureTopic(rk, o, o.topic) && EnsureTopic(rk, o, KafkaPublisher::ConfidentialTopic(o));
}

}  // namespace

void KafkaPublisher::Run() {
  rd_kafka_t* rk = impl_->rk;  // only this thread replaces it (RecreateProducer)
  while (running_ && !EnsureTopics(rk, options_)) {
    rd_kafka_poll(rk, 1000);  // broker not there yet: retry
  }
  std::uint64_t next = checkpoint_.load() + 1;
  const std::string confidential_topic = ConfidentialTopic(options_);
  // Produces one message of `e`: `tag` says which (the plain event, or one of a confidential
  // event's two copies). False on an error other than a full queue (or when stopped).
  auto produce_one = [&](const RecordedEvent& e, std::uint64_t tag, const std::string& topic,
                         const std::string& value, bool redacted) {
    const std::string sv = std::to_string(e.schema_version);
    const std::string pos = std::to_string(e.position);
    for (;;) {
      rd_kafka_headers_t* headers = rd_kafka_headers_new(5);
      rd_kafka_header_add(headers, "type", -1, e.type.data(), static_cast<ssize_t>(e.type.size()));
      rd_kafka_header_add(headers, "schemaVersion", -1, sv.data(), static_cast<ssize_t>(sv.size()));
      rd_kafka_header_add(headers, "eventId", -1, e.event_id.data(), static_cast<ssize_t>(e.event_id.size()));
      rd_kafka_header_add(headers, "position", -1, pos.data(), static_cast<ssize_t>(pos.size()));
      if (redacted) rd_kafka_header_add(headers, "redacted", -1, "true", 4);
      const auto err = rd_kafka_producev(
          rk, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
          RD_KAFKA_V_KEY(e.stream.data(), e.stream.size()),
          RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()), RD_KAFKA_V_HEADERS(headers),
          RD_KAFKA_V_OPAQUE(reinterpret_cast<void*>(static_cast<std::uintptr_t>(tag))), RD_KAFKA_V_END);
      if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {  // librdkafka owns the headers now
        std::lock_guard lock(impl_->mu);
        ++impl_->in_flight;
        return true;
      }
      rd_kafka_headers_destroy(headers);
      if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        spdlog::error("kafka produce of position {}: {}", e.position, rd_kafka_err2str(err));
        return false;
      }
      rd_kafka_poll(rk, 10);
      if (!running_) return false;
    }
  };
  // Produces the messages of `tag` (a whole event: tag = position << 2; a retry: the failed copy).
  auto produce_tag = [&](const RecordedEvent& e, std::uint64_t tag) {
    if (!IsConfidentialStream(e.stream)) return produce_one(e, tag, options_.topic, to_json_(e), false);
    const std::string full = to_json_(e);
    const bool retry = tag & kTwoCopies;
    tag |= kTwoCopies;
    if (!retry || (tag & kConfidentialCopy)) {
      if (!produce_one(e, tag | kConfidentialCopy, confidential_topic, full, false)) return false;
    }
    if (!retry || !(tag & kConfidentialCopy)) {
      if (!produce_one(e, tag & ~kConfidentialCopy, options_.topic, RedactEventJson(full), true)) return false;
    }
    return true;
  };
  auto produce = [&](const RecordedEvent& e) { return produce_tag(e, e.position << 2); };
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
      while (running_ && !EnsureTopics(rk, options_)) rd_kafka_poll(rk, 1000);
      continue;
    }
    if (!retry.empty()) rd_kafka_poll(rk, 200);  // back off before re-sending failed deliveries
    bool produced = !retry.empty();
    try {
      for (const auto tag : retry) {
        auto e = store_->ReadAt(PositionOf(tag));
        if (e && !produce_tag(*e, tag)) {
          std::lock_guard lock(impl_->mu);
          impl_->failed.push_back(tag);  // next round
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
    // Window full: wait for delivery reports. Idle: sleep on the store's commit signal, so a
    // commit is produced at once (no timer between a commit and its produce); delivery
    // reports are served between waits, every 2 ms while messages are in flight (the
    // checkpoint follows the broker's acks closely), every 20 ms otherwise.
    const bool window_full = !produced && in_flight >= kMaxInFlight;
    rd_kafka_poll(rk, window_full ? 5 : 0);
    advance();
    if (!produced && !window_full) {
      std::size_t pending;
      {
        std::lock_guard lock(impl_->mu);
        pending = impl_->in_flight;
      }
      store_->WaitForCommit(next - 1, std::chrono::steady_clock::now() +
                                          std::chrono::milliseconds(pending > 0 ? 2 : 20));
    }
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
    impl_->copies.clear();
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

// ----- KafkaRecordProducer -----

KafkaRecordProducer::KafkaRecordProducer(KafkaOptions options, std::string topic)
    : options_(std::move(options)), topic_(std::move(topic)) {}

KafkaRecordProducer::~KafkaRecordProducer() { Stop(); }

Status KafkaRecordProducer::Start() {
  auto made = MakeKafkaConf({{"bootstrap.servers", options_.brokers},
                             {"enable.idempotence", "true"},
                             {"acks", "all"},
                             {"linger.ms", "5"},
                             {"reconnect.backoff.max.ms", "1000"},
                             {"log_level", "4"}},
                            options_.extra);
  if (!made.ok()) return made.error();
  rd_kafka_conf_t* conf = *made;
  rd_kafka_conf_set_opaque(conf, this);
  rd_kafka_conf_set_dr_msg_cb(conf, [](rd_kafka_t*, const rd_kafka_message_t* msg, void* opaque) {
    auto* self = static_cast<KafkaRecordProducer*>(opaque);
    if (msg->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      self->delivered_.fetch_add(1);
    } else {
      self->failed_.fetch_add(1);
      spdlog::warn("kafka {}: a record was not delivered: {}", self->topic_, rd_kafka_err2str(msg->err));
    }
  });
  char err[512];
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
  if (!rk) return Error::Of(errc::kKafkaConfig, err);  // rd_kafka_new freed conf
  {
    std::lock_guard lock(mu_);
    rk_ = rk;
  }
  running_ = true;
  thread_ = std::thread([this, rk] {
    while (running_ && !EnsureTopic(rk, options_, topic_)) rd_kafka_poll(rk, 1000);
    while (running_) rd_kafka_poll(rk, 200);
  });
  return Status::Ok();
}

void KafkaRecordProducer::Stop() {
  if (!running_.exchange(false)) return;
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mu_);
  if (rk_) {
    rd_kafka_flush(rk_, 5000);
    rd_kafka_destroy(rk_);
  }
  rk_ = nullptr;
}

void KafkaRecordProducer::Publish(const std::string& key, const std::string& value) {
  std::lock_guard lock(mu_);
  if (!rk_) return;
  const auto e = rd_kafka_producev(rk_, RD_KAFKA_V_TOPIC(topic_.c_str()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                   RD_KAFKA_V_KEY(key.data(), key.size()),
                                   RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()), RD_KAFKA_V_END);
  if (e != RD_KAFKA_RESP_ERR_NO_ERROR) {
    failed_.fetch_add(1);
    spdlog::warn("kafka {}: cannot queue a record: {}", topic_, rd_kafka_err2str(e));
  }
}

}  // namespace istihdam

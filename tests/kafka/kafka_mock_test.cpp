// The outbox relay against librdkafka's mock cluster, where faults are injected
// deterministically: retriable produce errors with latency, a permanent produce error, a
// broker outage, and a fatal producer error (the relay recreates its producer). Every
// position ends up on the topic once, and the checkpoint never passes an undelivered
// position. Also the replica's consumer against the mock cluster: a malformed message is
// counted and skipped.
#include <gtest/gtest.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <boost/json.hpp>

#include <map>

#include "infra/kafka_consumer.h"
#include "infra/kafka_publisher.h"
#include "infra/metrics.h"
#include "infra/replica_log.h"
#include "kafka_test_util.h"
#include "server_fixture.h"
#include "storage_damage.h"
#include "test_util.h"

namespace istihdam {
namespace {

using namespace std::chrono_literals;

class MockCluster {
 public:
  MockCluster() {
    char err[256];
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "test.mock.num.brokers", "1", err, sizeof err);
    rd_kafka_conf_set(conf, "log_level", "3", err, sizeof err);
    rk_ = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    mc_ = rd_kafka_handle_mock_cluster(rk_);
    bootstrap_ = rd_kafka_mock_cluster_bootstraps(mc_);
  }
  ~MockCluster() { rd_kafka_destroy(rk_); }
  rd_kafka_mock_cluster_t* mc() { return mc_; }
  // Produces one message with the cluster's own producer and waits for its delivery.
  void Produce(const std::string& topic, const std::string& value) {
    ASSERT_EQ(rd_kafka_producev(rk_, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_PARTITION(0),
                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
                                RD_KAFKA_V_END),
              RD_KAFKA_RESP_ERR_NO_ERROR);
    ASSERT_EQ(rd_kafka_flush(rk_, 10000), RD_KAFKA_RESP_ERR_NO_ERROR);
  }
  const std::string& bootstrap() const { return bootstrap_; }

 private:
  rd_kafka_t* rk_;
  rd_kafka_mock_cluster_t* mc_;
  std::string bootstrap_;
};

void AppendEvents(EventStore& store, int n) {
  for (int i = 0; i < n; ++i) {
    auto r = store.Append(testing::OneStream("s-" + std::to_string(i % 5), ExpectedVersion::Any(),
                                             {testing::RawEvent("e" + std::to_string(i))}));
    ASSERT_TRUE(r.ok());
  }
}

std::string Encode(const RecordedEvent& e) {
  return "{\"position\":" + std::to_string(e.position) + ",\"streamId\":\"" + e.stream + "\"}";
}

// kafkaProperties reach librdkafka as they are: one it does not know stops start-up, named.
// A write node's log in a temporary directory: what the relay publishes from.
struct LocalLog {
  testing::TempDir dir;
  std::unique_ptr<Database> db;
  ManualClock clock{1'800'000'000'000'000};
  std::unique_ptr<EventStore> store;
  LocalLog() {
    auto opened = Database::Open(dir.path());
    if (!opened.ok()) return;
    db = std::move(opened.value());
    store = std::make_unique<EventStore>(db.get(), &clock);
  }
};

TEST(KafkaPublisherMock, AnUnknownLibrdkafkaPropertyIsRefusedByName) {
  testing::InitCrypto();
  LocalLog local;
  ASSERT_NE(local.db, nullptr);
  EventStore& store = *local.store;
  KafkaOptions options;
  options.brokers = "127.0.0.1:1";
  options.extra["sasl.mechanismz"] = "PLAIN";
  KafkaPublisher publisher(local.db.get(), &store, nullptr, Encode, options);
  const Status st = publisher.Start();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, "kafka_config");
  EXPECT_NE(st.error().detail.find("sasl.mechanismz"), std::string::npos) << st.error().detail;
}

TEST(KafkaPublisherMock, InjectedErrorsLatencyAndOutageDelayButLoseAndDuplicateNothing) {
  testing::InitCrypto();
  MockCluster cluster;
  ASSERT_EQ(rd_kafka_mock_topic_create(cluster.mc(), "events", 2, 1), RD_KAFKA_RESP_ERR_NO_ERROR);
  ASSERT_EQ(rd_kafka_mock_topic_create(cluster.mc(), "events.confidential", 2, 1), RD_KAFKA_RESP_ERR_NO_ERROR);
  LocalLog local;
  ASSERT_NE(local.db, nullptr);
  EventStore& store = *local.store;
  KafkaOptions options;
  options.brokers = cluster.bootstrap();
  options.topic = "events";
  options.extra["log_level"] = "0";

  // Retriable errors and 50 ms round trips: the idempotent producer retries them itself.
  rd_kafka_mock_broker_set_rtt(cluster.mc(), 1, 50);
  rd_kafka_mock_push_request_errors(
      cluster.mc(), 0 /* Produce */, 4, RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
      RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
      RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE);
  AppendEvents(store, 100);
  {
    KafkaPublisher publisher(local.db.get(), &store, nullptr, Encode, options);
    ASSERT_TRUE(publisher.Start().ok());
    EXPECT_EQ(publisher.WaitFor(100, std::chrono::steady_clock::now() + 30s), 100u);
    rd_kafka_mock_broker_set_rtt(cluster.mc(), 1, 0);

    // A permanent error fails one delivery report: the checkpoint waits for the re-send.
    rd_kafka_mock_push_request_errors(cluster.mc(), 0, 1,
                                      RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED);
    AppendEvents(store, 50);
    EXPECT_EQ(publisher.WaitFor(150, std::chrono::steady_clock::now() + 30s), 150u);
    EXPECT_GE(publisher.DeliveryErrors(), 1u);

    // An outage: commits continue, the checkpoint stays, then everything goes out.
    rd_kafka_mock_broker_set_down(cluster.mc(), 1);
    AppendEvents(store, 50);
    EXPECT_EQ(publisher.WaitFor(151, std::chrono::steady_clock::now() + 1s), 150u);
    rd_kafka_mock_broker_set_up(cluster.mc(), 1);
    EXPECT_EQ(publisher.WaitFor(200, std::chrono::steady_clock::now() + 30s), 200u);
  }
  // The checkpoint survives a restart of the relay.
  KafkaPublisher again(local.db.get(), &store, nullptr, Encode, options);
  EXPECT_EQ(again.Checkpoint(), 200u);

  const auto msgs = kafka_test::ReadTopic(cluster.bootstrap(), "events");
  std::map<std::uint64_t, int> seen;
  for (const auto& m : msgs) ++seen[m.position];
  EXPECT_EQ(seen.size(), 200u);
  for (const auto& [pos, n] : seen) EXPECT_EQ(n, 1) << "position " << pos;
  EXPECT_EQ(seen.begin()->first, 1u);
  EXPECT_EQ(seen.rbegin()->first, 200u);
}

// An unreadable block of the log stops the relay at the last position before it, says why
// (ReadError, the stalled gauge), and never skips past it.
TEST(KafkaPublisherMock, AnUnreadableLogStallsTheRelayAndSaysWhy) {
  testing::InitCrypto();
  MockCluster cluster;
  ASSERT_EQ(rd_kafka_mock_topic_create(cluster.mc(), "events", 2, 1), RD_KAFKA_RESP_ERR_NO_ERROR);
  ASSERT_EQ(rd_kafka_mock_topic_create(cluster.mc(), "events.confidential", 2, 1), RD_KAFKA_RESP_ERR_NO_ERROR);
  LocalLog local;
  ASSERT_NE(local.db, nullptr);
  ASSERT_TRUE(testing::AppendIncompressible(*local.store, 3000));  // many data blocks
  local.store.reset();
  local.db.reset();
  testing::CorruptLargestSst(local.dir.path());
  local.db = std::move(Database::Open(local.dir.path()).value());
  local.store = std::make_unique<EventStore>(local.db.get(), &local.clock);
  ASSERT_EQ(local.store->LastPosition(), 3000u);

  Metrics metrics;
  KafkaOptions options;
  options.brokers = cluster.bootstrap();
  options.topic = "events";
  options.extra["log_level"] = "0";
  KafkaPublisher publisher(local.db.get(), local.store.get(), &metrics, Encode, options);
  ASSERT_TRUE(publisher.Start().ok());
  ASSERT_TRUE(e2e::WaitUntil([&] { return !publisher.ReadError().empty(); }, 30s));
  EXPECT_NE(publisher.ReadError().find("store_corrupted"), std::string::npos) << publisher.ReadError();
  EXPECT_NE(publisher.ReadError().find("cannot be read"), std::string::npos) << publisher.ReadError();
  EXPECT_NE(metrics.Serialize().find("istihdam_kafka_publisher_stalled 1"), std::string::npos);
  const auto stalled_at = publisher.WaitFor(3000, std::chrono::steady_clock::now() + 1s);
  EXPECT_LT(stalled_at, 3000u);
  publisher.Stop();
  std::map<std::uint64_t, int> seen;
  for (const auto& m : kafka_test::ReadTopic(cluster.bootstrap(), "events")) ++seen[m.position];
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.begin()->first, 1u);
  EXPECT_EQ(seen.size(), seen.rbegin()->first) << "positions on the topic are gap-free";
  EXPECT_LT(seen.rbegin()->first, 3000u);
}

TEST(KafkaPublisherMock, FatalProducerErrorRecreatesTheProducerAndResumesAfterTheCheckpoint) {
  testing::InitCrypto();
  MockCluster cluster;
  ASSERT_EQ(rd_kafka_mock_topic_create(cluster.mc(), "events", 2, 1), RD_KAFKA_RESP_ERR_NO_ERROR);
  ASSERT_EQ(rd_kafka_mock_topic_create(cluster.mc(), "events.confidential", 2, 1), RD_KAFKA_RESP_ERR_NO_ERROR);
  LocalLog local;
  ASSERT_NE(local.db, nullptr);
  EventStore& store = *local.store;
  Metrics metrics;
  KafkaOptions options;
  options.brokers = cluster.bootstrap();
  options.topic = "events";
  options.extra["log_level"] = "0";
  AppendEvents(store, 60);
  KafkaPublisher publisher(local.db.get(), &store, &metrics, Encode, options);
  ASSERT_TRUE(publisher.Start().ok());
  ASSERT_EQ(publisher.WaitFor(60, std::chrono::steady_clock::now() + 30s), 60u);
  EXPECT_EQ(publisher.ProducerRestarts(), 0u);

  // As if the broker had fenced the idempotent producer: the old one cannot send any more.
  ASSERT_TRUE(publisher.InjectFatalErrorForTest());
  AppendEvents(store, 40);
  EXPECT_EQ(publisher.WaitFor(100, std::chrono::steady_clock::now() + 30s), 100u);
  EXPECT_EQ(publisher.ProducerRestarts(), 1u);
  EXPECT_NE(metrics.Serialize().find("\nistihdam_kafka_producer_restarts_total 1\n"), std::string::npos);
  publisher.Stop();

  // Nothing was in flight at the fatal error, so nothing went out twice.
  std::map<std::uint64_t, int> seen;
  for (const auto& m : kafka_test::ReadTopic(cluster.bootstrap(), "events")) ++seen[m.position];
  ASSERT_EQ(seen.size(), 100u);
  EXPECT_EQ(seen.begin()->first, 1u);
  EXPECT_EQ(seen.rbegin()->first, 100u);
  for (const auto& [pos, n] : seen) EXPECT_EQ(n, 1) << "position " << pos;
}

// Confidential streams (period reports) go in full to "<topic>.confidential" and redacted to the
// events topic at the same position; with a failed delivery of one copy the checkpoint waits for
// its re-send, and each copy ends up on its topic once.
TEST(KafkaPublisherMock, ConfidentialStreamsGoToBothTopicsAndTheCheckpointWaitsForBothCopies) {
  testing::InitCrypto();
  MockCluster cluster;
  ASSERT_EQ(rd_kafka_mock_topic_create(cluster.mc(), "events", 2, 1), RD_KAFKA_RESP_ERR_NO_ERROR);
  ASSERT_EQ(rd_kafka_mock_topic_create(cluster.mc(), "events.confidential", 2, 1), RD_KAFKA_RESP_ERR_NO_ERROR);
  LocalLog local;
  ASSERT_NE(local.db, nullptr);
  EventStore& store = *local.store;
  for (int i = 0; i < 60; ++i) {
    const std::string stream = i % 3 == 0 ? "period-report-" + std::to_string(i % 4) : "s-" + std::to_string(i % 5);
    ASSERT_TRUE(store.Append(testing::OneStream(stream, ExpectedVersion::Any(), {testing::RawEvent("e")})).ok());
  }
  const auto encode = [](const RecordedEvent& e) {
    return "{\"position\":" + std::to_string(e.position) + ",\"streamId\":\"" + e.stream +
           "\",\"data\":{\"male\":7319}}";
  };
  KafkaOptions options;
  options.brokers = cluster.bootstrap();
  options.topic = "events";
  options.extra["log_level"] = "0";
  // The first produce request fails for good: its copies are sent again on their own.
  rd_kafka_mock_push_request_errors(cluster.mc(), 0, 1, RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED);
  {
    KafkaPublisher publisher(local.db.get(), &store, nullptr, encode, options);
    ASSERT_TRUE(publisher.Start().ok());
    EXPECT_EQ(publisher.WaitFor(60, std::chrono::steady_clock::now() + 30s), 60u);
    EXPECT_GE(publisher.DeliveryErrors(), 1u);
  }
  std::map<std::uint64_t, int> general, confidential;
  for (const auto& m : kafka_test::ReadTopic(cluster.bootstrap(), "events")) {
    ++general[m.position];
    const auto v = boost::json::parse(m.value).as_object();
    const bool secret = m.key.rfind("period-report-", 0) == 0;
    EXPECT_EQ(m.headers.count("redacted"), secret ? 1u : 0u) << m.position;
    if (secret) {
      EXPECT_EQ(m.headers.at("redacted"), "true");
      EXPECT_EQ(v.at("data"), boost::json::object());
      EXPECT_EQ(v.at("redacted"), true);
      EXPECT_EQ(m.value.find("7319"), std::string::npos);
    } else {
      EXPECT_EQ(v.at("data").as_object().at("male"), 7319);
    }
  }
  for (const auto& m : kafka_test::ReadTopic(cluster.bootstrap(), "events.confidential")) {
    ++confidential[m.position];
    EXPECT_EQ(m.key.rfind("period-report-", 0), 0u) << m.key;
    EXPECT_EQ(m.headers.count("redacted"), 0u);
    EXPECT_NE(m.value.find("7319"), std::string::npos);
  }
  EXPECT_EQ(general.size(), 60u);
  for (const auto& [pos, n] : general) EXPECT_EQ(n, 1) << "position " << pos;
  EXPECT_EQ(confidential.size(), 20u);
  for (const auto& [pos, n] : confidential) {
    EXPECT_EQ(n, 1) << "position " << pos;
    EXPECT_EQ((pos - 1) % 3, 0u) << pos;
  }
}

// The signed checkpoints' producer (docs/audit.md): each record reaches its topic, keyed.
TEST(KafkaRecordProducerMock, CheckpointsArePublishedToTheirTopic) {
  MockCluster cluster;
  KafkaOptions o;
  o.brokers = cluster.bootstrap();
  o.partitions = 1;
  KafkaRecordProducer producer(o, "istihdam.checkpoints");
  ASSERT_TRUE(producer.Start().ok());
  producer.Publish("istihdam/node", "istihdam/node\n1\nroot1\n\n- sig\n");
  producer.Publish("istihdam/node", "istihdam/node\n2\nroot2\n\n- sig\n");
  ASSERT_TRUE(e2e::WaitUntil([&] { return producer.Delivered() == 2; }, 20s)) << producer.Failed();
  producer.Stop();
  const auto msgs = kafka_test::ReadTopic(cluster.bootstrap(), "istihdam.checkpoints");
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0].key, "istihdam/node");
  EXPECT_EQ(msgs[0].value, "istihdam/node\n1\nroot1\n\n- sig\n");
  EXPECT_EQ(msgs[1].value, "istihdam/node\n2\nroot2\n\n- sig\n");
}

TEST(KafkaConsumerMock, MalformedMessageIsCountedAndSkipped) {
  testing::InitCrypto();
  MockCluster cluster;
  ASSERT_EQ(rd_kafka_mock_topic_create(cluster.mc(), "events", 1, 1), RD_KAFKA_RESP_ERR_NO_ERROR);
  cluster.Produce("events", R"({"position":1,"streamId":"s-1"})");
  cluster.Produce("events", "this is not an event");
  cluster.Produce("events", R"({"position":2,"streamId":"s-2"})");
  testing::TempDir dir;
  auto db = Database::Open(dir.path());
  ASSERT_TRUE(db.ok());
  ReplicaLog log(db.value().get(), "events");
  Metrics metrics;
  KafkaOptions options;
  options.brokers = cluster.bootstrap();
  options.topic = "events";
  options.extra["log_level"] = "0";
  // A stand-in for EventRegistry::FromJson: position and stream are enough here.
  auto decode = [](std::string_view text) -> Result<RecordedEvent> {
    boost::system::error_code ec;
    auto v = boost::json::parse(text, ec);
    if (ec || !v.is_object()) return Error::Of("malformed_event", "not a JSON object");
    RecordedEvent e;
    e.position = v.at("position").to_number<std::uint64_t>();
    e.stream = std::string(v.at("streamId").as_string());
    e.version = 1;
    e.type = "TestEvent";
    return e;
  };
  KafkaConsumer consumer(&log, &metrics, decode, options);
  ASSERT_TRUE(consumer.Start().ok());
  EXPECT_EQ(log.WaitForMore(1, std::chrono::steady_clock::now() + 30s), 2u);
  // The offsets of all three messages are stored: the bad one is not read again on restart.
  EXPECT_TRUE(e2e::WaitUntil([&] { return log.NextOffset(0) == 3; }, 10s));
  consumer.Stop();
  EXPECT_EQ(consumer.Malformed(), 1u);
  EXPECT_NE(metrics.Serialize().find("\nistihdam_kafka_replica_malformed_messages_total 1\n"), std::string::npos);
  const auto evs = log.Read(1, 10);
  ASSERT_EQ(evs.size(), 2u);
  EXPECT_EQ(evs[1].stream, "s-2");
}

}  // namespace
}  // namespace istihdam

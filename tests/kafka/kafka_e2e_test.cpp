// End-to-end tests against a real Apache Kafka broker (tools/kafka.sh, one per binary): the
// write node publishes every event once, keyed by stream and in order; a read replica fed from
// the topic builds the same read models, accepts the write node's tokens, serves the same
// event history and no commands; and the three crash tests of issue 5 (broker SIGKILL,
// publisher SIGKILL, replica SIGKILL).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "e2e_helpers.h"
#include "events/event_registry.h"
#include "http/app.h"
#include "infra/database.h"
#include "infra/event_store.h"
#include "infra/kafka_publisher.h"
#include "kafka_test_util.h"

namespace {

using namespace e2e;
using istihdam::Database;
using kafka_test::Broker;
using kafka_test::Message;

constexpr auto kDeliveryTimeout = std::chrono::seconds(60);

class KafkaE2E : public ::testing::Test {
 public:
  static void SetUpTestSuite() {
    try {
      broker_ = new Broker();
    } catch (const std::exception& e) {
      setup_error_ = e.what();
    }
    config_file_ = "/tmp/istihdam-kafka-test-" + std::to_string(::getpid()) + ".json";
    // Many registrations from one address: lift the per-client rate limits.
    std::ofstream(config_file_)
        << R"({"authRatePerClientPerMinute": 1000000, "authRatePerTcknPerMinute": 1000000})";
  }
  static void TearDownTestSuite() {
    delete broker_;
    broker_ = nullptr;
    std::remove(config_file_.c_str());
  }
  void SetUp() override {
    ASSERT_NE(broker_, nullptr) << "Kafka broker did not start: " << setup_error_;
  }

 protected:
  static ServerOptions Node(const std::string& topic, bool read, bool demo = false) {
    ServerOptions o;
    o.demo = demo;
    o.extra_args = {"--kafka-brokers", broker_->bootstrap(), "--kafka-topic", topic,
                    "--config",        config_file_};
    if (read) {
      o.extra_args.push_back("--role");
      o.extra_args.push_back("read");
    }
    return o;
  }
  static json::object Health(std::uint16_t port) {
    const auto r = Get(port, "/health");
    if (r.status != 200) throw std::runtime_error("health: " + r.body);
    return r.Json().as_object();
  }
  static std::uint64_t Num(const json::object& o, const char* key) {
    const auto* v = o.if_contains(key);
    return v ? v->to_number<std::uint64_t>() : 0;
  }
  // Registers `n` fresh employers; returns the last position.
  static std::uint64_t RegisterSome(std::uint16_t port, int n) {
    std::uint64_t last = 0;
    for (int i = 0; i < n; ++i)
      last = Register(port, NewEmployer::Fresh("Kafka Test " + std::to_string(i))).position;
    return last;
  }
  static bool WaitPublished(std::uint16_t writer, std::uint64_t last) {
    return WaitUntil([&] { return Num(Health(writer), "publishedPosition") >= last; },
                     kDeliveryTimeout, std::chrono::milliseconds(50));
  }
  static bool WaitReplica(std::uint16_t replica, std::uint64_t last) {
    return WaitUntil(
        [&] {
          const auto h = Health(replica);
          return Num(h, "position") >= last && Num(h, "readModelPosition") >= last;
        },
        kDeliveryTimeout, std::chrono::milliseconds(50));
  }
  static std::string Metric(std::uint16_t port, const std::string& name) {
    const auto body = Get(port, "/metrics").body;
    const auto at = body.find("\n" + name + " ");
    if (at == std::string::npos) return "";
    const auto start = at + name.size() + 2;
    return body.substr(start, body.find('\n', start) - start);
  }

  // Checks the topic holds every position 1..last, keyed by stream id, with the headers, and
  // stream versions increasing in offset order. Returns how often each position appears.
  static std::map<std::uint64_t, int> CheckTopic(const std::string& topic, std::uint64_t last) {
    const auto msgs = kafka_test::ReadTopic(broker_->bootstrap(), topic);
    std::map<std::uint64_t, int> seen;
    std::map<std::string, std::uint64_t> stream_version;  // highest version seen per stream
    std::map<std::string, std::int32_t> stream_partition;
    for (const auto& m : msgs) {
      const auto v = json::parse(m.value).as_object();
      const auto pos = v.at("position").to_number<std::uint64_t>();
      EXPECT_EQ(m.position, pos);
      EXPECT_EQ(m.key, std::string(v.at("streamId").as_string()));
      EXPECT_EQ(m.headers.at("type"), std::string(v.at("type").as_string()));
      EXPECT_EQ(m.headers.at("eventId"), std::string(v.at("eventId").as_string()));
      EXPECT_EQ(m.headers.at("schemaVersion"),
                std::to_string(v.at("schemaVersion").to_number<int>()));
      const auto version = v.at("version").to_number<std::uint64_t>();
      auto [it, fresh] = stream_partition.emplace(m.key, m.partition);
      EXPECT_EQ(it->second, m.partition) << "stream " << m.key << " on two partitions";
      if (seen[pos]++ == 0) {  // a duplicate repeats an older version; the first copy is in order
        EXPECT_GT(version, stream_version[m.key])
            << "stream " << m.key << " out of order at " << pos;
        stream_version[m.key] = std::max(stream_version[m.key], version);
      }
    }
    for (std::uint64_t p = 1; p <= last; ++p)
      EXPECT_GE(seen[p], 1) << "position " << p << " missing";
    return seen;
  }

  // Every read-model table (column families "rm.*") of two stopped nodes, row by row.
  static void ExpectSameReadModels(const std::string& a_dir, const std::string& b_dir) {
    auto dump = [](const std::string& dir) {
      std::map<std::string, std::map<std::string, std::string>> out;
      auto db = Database::Open(dir);
      if (!db.ok()) throw std::runtime_error("open " + dir + ": " + db.error().detail);
      for (const auto& name : db.value()->FamilyNames()) {
        if (name.rfind("rm.", 0) != 0) continue;
      // The replica's own projection of the login events (the write node's sessions are a
      // side table instead): compared through the API in ReplicaAcceptsTheWriteNodesTokens.
      if (name.rfind("rm.replicaSessions.", 0) == 0) continue;
        auto* cf = db.value()->Family(name);
        std::unique_ptr<rocksdb::Iterator> it(
            db.value()->db()->NewIterator(rocksdb::ReadOptions(), cf));
        // "rm.<projector>.<table>.g<generation>": a rebuilt node is on a later generation.
        auto& rows = out[name.substr(0, name.rfind(".g"))];
        for (it->SeekToFirst(); it->Valid(); it->Next())
          rows[it->key().ToString()] = it->value().ToString();
      }
      return out;
    };
    const auto a = dump(a_dir);
    const auto b = dump(b_dir);
    std::size_t rows = 0;
    for (const auto& [name, t] : a) {
      rows += t.size();
      if (t.empty()) continue;  // a table never written need not exist on the other node
      ASSERT_TRUE(b.count(name)) << name;
      EXPECT_EQ(t, b.at(name)) << name;
    }
    for (const auto& [name, t] : b) {
      if (!t.empty()) {
        EXPECT_TRUE(a.count(name)) << name;
      }
    }
    EXPECT_GT(rows, 0u);
  }

  static std::uint64_t OfflineU64(const std::string& dir, const std::string& family,
                                  const std::string& key) {
    auto db = Database::Open(dir);
    if (!db.ok()) throw std::runtime_error("open " + dir + ": " + db.error().detail);
    std::string v;
    if (!db.value()->Get(db.value()->Family(family), key, &v)) return 0;
    return istihdam::DecodeU64(v.data());
  }

  static Broker* broker_;
  static std::string setup_error_;
  static std::string config_file_;
};

Broker* KafkaE2E::broker_ = nullptr;
std::string KafkaE2E::setup_error_;
std::string KafkaE2E::config_file_;

TEST_F(KafkaE2E, EveryEventOnceKeyedInOrderAndReplicaMatchesWriter) {
  const std::string topic = "e2e.events";
  ServerProcess writer(Node(topic, false, /*demo=*/true));
  ServerProcess replica(Node(topic, true));
  const auto last = RegisterSome(writer.port(), 3);
  ASSERT_TRUE(WaitPublished(writer.port(), last)) << writer.Log();

  const auto seen = CheckTopic(topic, last);
  for (const auto& [pos, n] : seen)
    EXPECT_EQ(n, 1) << "position " << pos << " published " << n << " times";
  EXPECT_EQ(seen.rbegin()->first, last);

  // The value is byte for byte the event-history API's NDJSON line.
  const auto audit = Login(writer.port(), "34567890170", "Denetci1234!");
  const auto msgs = kafka_test::ReadTopic(broker_->bootstrap(), topic);
  for (const auto& m : msgs) {
    if (m.position != last && m.position != 1) continue;
    const auto r =
        Get(writer.port(), "/api/v1/events?from=" + std::to_string(m.position) + "&limit=1", audit,
            {{"Accept", "application/x-ndjson"}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.body, m.value + "\n");
  }

  ASSERT_TRUE(WaitReplica(replica.port(), last)) << replica.Log();
  // (>=: the auditor's login above appended a UserLoggedIn after `last`.)
  EXPECT_TRUE(WaitUntil(
      [&] {
        const auto m = Metric(replica.port(), "istihdam_kafka_consumer_position");
        return !m.empty() && std::stoull(m) >= last;
      },
      std::chrono::seconds(10)));
  // No command side on a replica.
  ExpectProblem(Post(replica.port(), "/api/v1/registrations",
                     RegistrationBody(NewEmployer::Fresh("Replika"))),
                405, "method_not_allowed");
  // Same query answers: a public read and every read-model row.
  EXPECT_EQ(Get(replica.port(), "/api/v1/provinces").body,
            Get(writer.port(), "/api/v1/provinces").body);
  EXPECT_GE(XPosition(Get(replica.port(), "/api/v1/provinces?minPosition=" + std::to_string(last))),
            last);
  // The replica keeps its own search index of the demo's job postings, from the same events.
  const std::string search = "/api/v1/job-postings?province=06&sort=date";
  const auto written = Get(writer.port(), search);
  ASSERT_EQ(written.status, 200) << written.body;
  EXPECT_GT(Int(written.Json(), "total"), 0) << written.body;
  HttpResponse replicated;
  EXPECT_TRUE(WaitUntil([&] { return (replicated = Get(replica.port(), search)).body == written.body; },
                        kDeliveryTimeout))
      << replicated.body;
  writer.Stop();
  replica.Stop();
  ExpectSameReadModels(writer.data_dir(), replica.data_dir());
}

// Logs in on the write node; returns the token and the position of the UserLoggedIn event.
std::pair<std::string, std::uint64_t> LoginAt(std::uint16_t port, const std::string& tckn,
                                              const std::string& password) {
  const auto r = Post(port, "/api/v1/auth/login", json::object{{"tckn", tckn}, {"password", password}});
  if (r.status != 200) throw std::runtime_error("login: " + r.body);
  const auto v = r.Json();
  return {Str(v, "token"), static_cast<std::uint64_t>(Int(v, "position"))};
}

TEST_F(KafkaE2E, ReplicaAcceptsTheWriteNodesTokensAndServesTheSameAnswers) {
  const std::string topic = "e2e.auth";
  ServerProcess writer(Node(topic, false, /*demo=*/true));
  ServerProcess replica(Node(topic, true));
  const auto [token, login_at] = LoginAt(writer.port(), "10000000146", "Demo1234!");
  ASSERT_GT(login_at, 0u);
  ASSERT_TRUE(WaitReplica(replica.port(), login_at)) << replica.Log();

  // The same token answers the same bodies: a read model (workplaces), aggregates folded from
  // the replica's copy of the log (users, a workplace's detail with its ETag), the quota.
  const std::string mp = "minPosition=" + std::to_string(login_at);
  for (const std::string& path :
       {"/api/v1/workplaces?" + mp, "/api/v1/users?" + mp, "/api/v1/workplaces/3000000001?" + mp,
        "/api/v1/workplaces/3000000001/quota-status?" + mp,
        "/api/v1/workplaces/3000000001/workforce-schedule-template?" + mp,
        "/api/v1/permissions?" + mp}) {
    const auto w = Get(writer.port(), path, token);
    const auto r = Get(replica.port(), path, token);
    ASSERT_EQ(w.status, 200) << path << " " << w.body;
    EXPECT_EQ(r.status, 200) << path << " " << r.body;
    EXPECT_EQ(r.Json(), w.Json()) << path;
    EXPECT_EQ(r.Header("ETag"), w.Header("ETag")) << path;
  }
  const auto users = Get(replica.port(), "/api/v1/users", token).Json();
  EXPECT_FALSE(Arr(users, "items").empty());
  // Without a token, or with a made-up one, the replica refuses like the write node.
  ExpectProblem(Get(replica.port(), "/api/v1/workplaces"), 401, "unauthorized");
  ExpectProblem(Get(replica.port(), "/api/v1/workplaces", std::string(43, 'x')), 401, "unauthorized");

  // The auditor reads the same event history on both nodes.
  const auto [audit, audit_at] = LoginAt(writer.port(), "34567890170", "Denetci1234!");
  ASSERT_TRUE(WaitReplica(replica.port(), audit_at)) << replica.Log();
  std::uint64_t compared = 0;
  for (std::uint64_t from = 1; from <= audit_at;) {
    const std::string path = "/api/v1/events?from=" + std::to_string(from) + "&limit=1000";
    const auto w = Get(writer.port(), path, audit).Json();
    const auto rr = Get(replica.port(), path, audit);
    ASSERT_EQ(rr.status, 200) << rr.body;
    const auto r = rr.Json();
    const auto& wi = Arr(w, "items");
    const auto& ri = Arr(r, "items");
    ASSERT_FALSE(wi.empty());
    ASSERT_EQ(ri.size(), wi.size()) << path;
    for (std::size_t i = 0; i < wi.size(); ++i) {
      // A confidential stream's event (the demo's period report) reached the replica redacted:
      // the same envelope with "data": {} and "redacted": true.
      const bool confidential = std::string(wi[i].as_object().at("streamId").as_string()).rfind("period-report-", 0) == 0;
      for (const char* k : {"type", "streamId", "position", "version", "data", "hash"}) {
        if (confidential && std::string(k) == "data") continue;
        EXPECT_EQ(ri[i].as_object().at(k), wi[i].as_object().at(k)) << k << " at " << path << " #" << i;
      }
      if (confidential) {
        auto expected = wi[i].as_object();
        expected["data"] = json::object();
        expected["redacted"] = true;
        EXPECT_EQ(ri[i], expected);
        continue;
      }
      EXPECT_EQ(ri[i], wi[i]);  // the whole envelope, in fact
    }
    compared += wi.size();
    EXPECT_EQ(Int(r, "next"), Int(w, "next"));
    from = static_cast<std::uint64_t>(Int(w, "next"));
  }
  EXPECT_GE(compared, audit_at);
  for (const char* path : {"/api/v1/streams/employer-2000000001/events?from=2&limit=3",
                           "/api/v1/streams/workplace-3000000001/events"}) {
    const auto w = Get(writer.port(), path, audit);
    const auto r = Get(replica.port(), path, audit);
    ASSERT_EQ(w.status, 200) << path << " " << w.body;
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.Json(), w.Json()) << path;
  }
  ExpectProblem(Get(replica.port(), "/api/v1/streams/employer-9999999999/events", audit), 404,
                "stream_not_found");
  // An employer token is not an auditor's, on the replica too.
  ExpectProblem(Get(replica.port(), "/api/v1/events", token), 403, "forbidden");

  // Logout on the write node: once the replica has the event, it refuses the token.
  const auto out = Post(writer.port(), "/api/v1/auth/logout", json::object{}, token);
  ASSERT_EQ(out.status, 200) << out.body;
  const auto logout_at = static_cast<std::uint64_t>(Int(out.Json(), "position"));
  ASSERT_TRUE(WaitReplica(replica.port(), logout_at)) << replica.Log();
  ExpectProblem(Get(replica.port(), "/api/v1/workplaces", token), 401, "unauthorized");
  ExpectProblem(Get(writer.port(), "/api/v1/workplaces", token), 401, "unauthorized");
  // The auditor's session is untouched.
  EXPECT_EQ(Get(replica.port(), "/api/v1/events?limit=1", audit).status, 200);
}

TEST_F(KafkaE2E, ReplicaRefusesAnExpiredSession) {
  const std::string topic = "e2e.expiry";
  // Both nodes read their date from one file (noon UTC of it): moving it a day ahead expires
  // every session (sessionTtlMinutes is far less than a day).
  const std::string clock = "/tmp/istihdam-kafka-clock-" + std::to_string(::getpid());
  std::ofstream(clock) << "2026-03-02\n";
  auto with_clock = [&](bool read) {
    auto o = Node(topic, read);
    o.extra_args.push_back("--clock-file");
    o.extra_args.push_back(clock);
    return o;
  };
  ServerProcess writer(with_clock(false));
  ServerProcess replica(with_clock(true));
  const auto employer = Register(writer.port(), NewEmployer::Fresh("Kafka Süre"));
  const auto [token, login_at] = LoginAt(writer.port(), employer.input.tckn, employer.input.password);
  ASSERT_TRUE(WaitReplica(replica.port(), login_at)) << replica.Log();
  EXPECT_EQ(Get(replica.port(), "/api/v1/workplaces", token).status, 200);
  std::ofstream(clock) << "2026-03-03\n";
  ExpectProblem(Get(replica.port(), "/api/v1/workplaces", token), 401, "unauthorized");
  ExpectProblem(Get(writer.port(), "/api/v1/workplaces", token), 401, "unauthorized");
  std::remove(clock.c_str());
}

TEST_F(KafkaE2E, ReplicaServesNoCommandRoutes) {
  const std::string topic = "e2e.routes";
  ServerProcess writer(Node(topic, false));
  ServerProcess replica(Node(topic, true));
  const auto last = RegisterSome(writer.port(), 1);
  ASSERT_TRUE(WaitReplica(replica.port(), last)) << replica.Log();

  // Command routes answer 405 (problem+json), whatever the token; unknown paths 404.
  ExpectProblem(Post(replica.port(), "/api/v1/auth/login",
                     json::object{{"tckn", "34567890170"}, {"password", "Denetci1234!"}}),
                405, "method_not_allowed");
  ExpectProblem(Post(replica.port(), "/api/v1/auth/logout", json::object{}), 405, "method_not_allowed");
  ExpectProblem(Put(replica.port(), "/api/v1/workplaces/3000000001", json::object{}), 405,
                "method_not_allowed");
  const auto post_on_get_path = Post(replica.port(), "/api/v1/workplaces", json::object{});
  ExpectProblem(post_on_get_path, 405, "method_not_allowed");
  EXPECT_EQ(post_on_get_path.Header("Allow"), "GET, HEAD");
  ExpectProblem(Post(replica.port(), "/api/v1/no-such-thing", json::object{}), 404, "not_found");

  // Its OpenAPI document lists only what it serves: GETs. The write node's has commands.
  auto methods = [](const json::value& doc) {
    std::set<std::string> out;
    for (const auto& [path, item] : doc.as_object().at("paths").as_object())
      for (const auto& [method, op] : item.as_object()) out.insert(std::string(method));
    return out;
  };
  const auto replica_doc = Get(replica.port(), "/openapi.json").Json();
  const auto writer_doc = Get(writer.port(), "/openapi.json").Json();
  EXPECT_EQ(methods(replica_doc), std::set<std::string>{"get"});
  EXPECT_TRUE(methods(writer_doc).count("post"));
  EXPECT_TRUE(replica_doc.as_object().at("paths").as_object().contains("/api/v1/workplaces"));
  EXPECT_FALSE(replica_doc.as_object().at("paths").as_object().contains("/api/v1/auth/login"));
  EXPECT_FALSE(replica_doc.as_object().at("paths").as_object().contains("/api/v1/registrations"));
}

TEST_F(KafkaE2E, BrokerKilledWhileCommandsAreAcceptedLosesNothing) {
  const std::string topic = "fault.broker";
  ServerProcess writer(Node(topic, false));
  auto last = RegisterSome(writer.port(), 2);
  ASSERT_TRUE(WaitPublished(writer.port(), last)) << writer.Log();

  broker_->Kill9();
  last = RegisterSome(writer.port(), 4);  // the command side keeps accepting
  EXPECT_LT(Num(Health(writer.port()), "publishedPosition"), last);
  broker_->Restart();
  ASSERT_TRUE(WaitPublished(writer.port(), last)) << writer.Log();

  const auto seen = CheckTopic(topic, last);
  EXPECT_EQ(seen.size(), last);  // after dedup by position: exactly 1..last
  ServerProcess replica(Node(topic, true));
  ASSERT_TRUE(WaitReplica(replica.port(), last)) << replica.Log();
  writer.Stop();
  replica.Stop();
  ExpectSameReadModels(writer.data_dir(), replica.data_dir());
}

TEST_F(KafkaE2E, PublisherKilledMidStreamLeavesNoGapAndDuplicatesOnlyTheTail) {
  const std::string topic = "fault.publisher";
  ServerProcess writer(Node(topic, false));
  const auto base = RegisterSome(writer.port(), 1);
  ASSERT_TRUE(WaitPublished(writer.port(), base)) << writer.Log();  // the relay is streaming
  // A burst from three clients, and SIGKILL while it runs.
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int c = 0; c < 3; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < 200 && !stop; ++i) {
        try {
          Register(writer.port(),
                   NewEmployer::Fresh("Burst " + std::to_string(c) + "-" + std::to_string(i)));
        } catch (const std::exception&) {
          return;  // the server is gone
        }
      }
    });
  }
  WaitUntil([&] { return Num(Health(writer.port()), "position") >= base + 100; },
            std::chrono::seconds(30));
  writer.Kill();
  stop = true;
  for (auto& t : clients) t.join();
  const auto checkpoint_at_kill = OfflineU64(writer.data_dir(), istihdam::cf::kCheckpoints,
                                             istihdam::KafkaPublisher::CheckpointKey(topic));
  EXPECT_GE(checkpoint_at_kill, base);

  writer.Start();
  const auto last = Num(Health(writer.port()), "position");
  ASSERT_TRUE(WaitPublished(writer.port(), last)) << writer.Log();
  const auto seen = CheckTopic(topic, last);
  std::size_t dups = 0;  // extra copies
  for (const auto& [pos, n] : seen) {
    if (n > 1) {
      dups += n - 1;
      EXPECT_GT(pos, checkpoint_at_kill) << "an acknowledged position was published again";
    }
  }
  std::cout << "[ info ] checkpoint at kill " << checkpoint_at_kill << " of " << last << ", "
            << dups << " extra copies re-published\n";

  ServerProcess replica(Node(topic, true));
  ASSERT_TRUE(WaitReplica(replica.port(), last)) << replica.Log();
  // The replica dropped exactly the extra copies.
  EXPECT_TRUE(WaitUntil(
      [&] {
        return Metric(replica.port(), "istihdam_kafka_replica_duplicates_total") ==
               std::to_string(dups);
      },
      std::chrono::seconds(10)))
      << Metric(replica.port(), "istihdam_kafka_replica_duplicates_total");
  writer.Stop();
  replica.Stop();
  ExpectSameReadModels(writer.data_dir(), replica.data_dir());
}

TEST_F(KafkaE2E, ReplicaKilledResumesFromItsCheckpoint) {
  const std::string topic = "fault.replica";
  ServerProcess writer(Node(topic, false));
  ServerProcess replica(Node(topic, true));
  auto last = RegisterSome(writer.port(), 3);
  ASSERT_TRUE(WaitReplica(replica.port(), last)) << replica.Log();
  replica.Kill();
  const auto checkpoint =
      OfflineU64(replica.data_dir(), istihdam::cf::kCheckpoints, "replica/contiguous");
  EXPECT_EQ(checkpoint, last);

  last = RegisterSome(writer.port(), 3);
  replica.Start();
  ASSERT_TRUE(WaitReplica(replica.port(), last)) << replica.Log();
  // It resumed at its stored offsets: nothing was delivered to it twice.
  EXPECT_EQ(Metric(replica.port(), "istihdam_kafka_replica_duplicates_total"), "0");
  writer.Stop();
  replica.Stop();
  ExpectSameReadModels(writer.data_dir(), replica.data_dir());

  // An operator rebuilds a replica's read models offline from its copy of the topic (it has
  // no local log): they come out the same as the writer's.
  const auto rebuilt = RunIstihdam({"rebuild", "--data-dir", replica.data_dir(), "--role", "read",
                                    "--kafka-topic", topic, "--projection", "workplaces"});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err << rebuilt.out;
  EXPECT_NE(rebuilt.err.find("workplaces at position " + std::to_string(last)), std::string::npos) << rebuilt.err;
  ExpectSameReadModels(writer.data_dir(), replica.data_dir());
}

// Benchmarks (bench/README.md, "Kafka"): run with
//   build/tests/kafka/kafka_tests --gtest_also_run_disabled_tests --gtest_filter='*Bench*'
// Period reports of private employment agencies are confidential (api/overseas-and-agencies.md
// "Confidentiality"): their events go in full to <topic>.confidential, and the general topic
// carries at the same position a redacted record (same key and headers plus redacted: true,
// "data": {}, "redacted": true). No section figure is anywhere in the general topic's bytes;
// the replica passes the redacted positions as no-ops; the auditors' history keeps full events.
TEST_F(KafkaE2E, ConfidentialPeriodReportsGoFullToTheirTopicAndRedactedToTheGeneralOne) {
  const std::string topic = "e2e.oeb";
  const StaffUser head{"headOffice", NextTckn(), "Merkez-Sifre-123", ""};
  const StaffUser auditor{"auditor", NextTckn(), "Denetci-Sifre-123", ""};
  ServerOptions wo = Node(topic, false);
  wo.staff = {head, auditor};
  ServerProcess writer(wo);
  ServerProcess replica(Node(topic, true));
  const auto firm = RegisterAndLogin(writer.port(), NewEmployer::Fresh("Gizli Büro İnsan Kaynakları A.Ş."));
  const auto head_token = Login(writer.port(), head.tckn, head.password);
  const std::string base = "/api/v1/private-employment-bureaus";
  const auto applied = Post(writer.port(), base,
                            json::object{{"iskurNo", firm.iskur_no}, {"province", "34"}, {"district", "Kadıköy"},
                                         {"officeAddress", "Moda Cad. No:10"}, {"phone", "02163334455"},
                                         {"email", "info@gizli-buro.com.tr"},
                                         {"responsibleManager", {{"tckn", firm.input.tckn}, {"firstName", "Ayşe"},
                                                                 {"lastName", "Yılmaz"}}}},
                            firm.token);
  ASSERT_EQ(applied.status, 201) << applied.body;
  const std::string bureau = Str(applied.Json(), "id");
  ASSERT_EQ(Post(writer.port(), base + "/" + bureau + "/approve", json::object{{"licenseNo", "OIB-34-7777"}},
                 head_token).status,
            200);
  const auto created = Post(
      writer.port(), base + "/" + bureau + "/period-reports",
      json::object{{"reportYear", 2026}, {"reportPeriod", "Q1"}, {"recordDate", "2026-04-10"},
                   {"sections",
                    {{"placements", json::array{json::object{{"occupation", "2512"}, {"province", "34"},
                                                             {"male", 7319}, {"female", 5821}}}},
                     {"jobSeekersRegistered", {{"male", 6247}, {"female", 4093}}},
                     {"vacanciesReceived", json::array{json::object{{"occupation", "2512"}, {"count", 8861}}}},
                     {"overseasPlacements", json::array{json::object{{"country", "DE"}, {"occupation", "7212"},
                                                                     {"male", 3917}, {"female", 2753}}}}}}},
      firm.token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string report = Str(created.Json(), "id");
  const auto submitted =
      Post(writer.port(), base + "/" + bureau + "/period-reports/" + report + "/submit", json::object{}, firm.token);
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  const auto last = static_cast<std::uint64_t>(Int(submitted.Json(), "position"));
  ASSERT_TRUE(WaitPublished(writer.port(), last)) << writer.Log();

  const char* figures[] = {"7319", "5821", "6247", "4093", "8861", "3917", "2753"};
  const auto general = kafka_test::ReadTopic(broker_->bootstrap(), topic);
  const auto confidential = kafka_test::ReadTopic(broker_->bootstrap(), topic + ".confidential");
  // The confidential topic: the report's events in full, nothing else.
  std::map<std::uint64_t, json::object> full;
  for (const auto& m : confidential) {
    EXPECT_EQ(m.key, "period-report-" + report);
    EXPECT_EQ(m.headers.count("redacted"), 0u);
    const auto v = json::parse(m.value).as_object();
    EXPECT_EQ(m.position, v.at("position").to_number<std::uint64_t>());
    EXPECT_FALSE(v.at("data").as_object().empty());
    EXPECT_EQ(v.count("redacted"), 0u);
    full[m.position] = v;
  }
  ASSERT_EQ(full.size(), 2u) << "PeriodReportCreated and PeriodReportSubmitted";
  EXPECT_NE(full.begin()->second.at("data").as_object().at("sections").as_object().at("jobSeekersRegistered")
                .as_object().at("male"),
            nullptr);
  EXPECT_NE(confidential.front().value.find("7319"), std::string::npos);
  // The general topic: at each of those positions a redacted record, same key and headers.
  std::set<std::uint64_t> redacted_at;
  for (const auto& m : general) {
    // A figure would be a JSON number member (`":7319,`); hashes, ids and timestamps may hold
    // the same digits, so look for it as a value, and for the section names.
    for (const char* f : figures) {
      for (const char* after : {",", "}", "]"}) {
        EXPECT_EQ(m.value.find(std::string("\":") + f + after), std::string::npos)
            << "figure " << f << " in the general topic at " << m.position;
      }
      for (const auto& [name, value] : m.headers) EXPECT_NE(value, f) << name;
    }
    for (const char* section : {"placements", "jobSeekersRegistered", "vacanciesReceived", "overseasPlacements"})
      EXPECT_EQ(m.value.find(section), std::string::npos) << section << " at " << m.position;
    const auto v = json::parse(m.value).as_object();
    if (!full.count(m.position)) {
      EXPECT_EQ(m.headers.count("redacted"), 0u) << m.position;
      EXPECT_EQ(v.count("redacted"), 0u) << m.position;
      continue;
    }
    redacted_at.insert(m.position);
    EXPECT_EQ(m.key, "period-report-" + report);
    EXPECT_EQ(m.headers.at("redacted"), "true");
    const auto& c = *std::find_if(confidential.begin(), confidential.end(),
                                  [&](const Message& x) { return x.position == m.position; });
    for (const char* h : {"type", "schemaVersion", "eventId", "position"}) EXPECT_EQ(m.headers.at(h), c.headers.at(h)) << h;
    EXPECT_EQ(m.partition, c.partition);
    auto expected = full[m.position];
    expected["data"] = json::object();
    expected["redacted"] = true;
    EXPECT_EQ(v, expected);  // the envelope unchanged (hash included) but for data
  }
  EXPECT_EQ(redacted_at.size(), full.size());
  // Gap-free general topic, every position once.
  for (const auto& [pos, n] : CheckTopic(topic, last)) EXPECT_EQ(n, 1) << "position " << pos;

  // The replica applies the redacted records as no-ops: it passes them, skips nothing as malformed.
  ASSERT_TRUE(WaitReplica(replica.port(), last)) << replica.Log();
  const auto malformed = Metric(replica.port(), "istihdam_kafka_replica_malformed_messages_total");
  ASSERT_FALSE(malformed.empty());
  EXPECT_EQ(std::stod(malformed), 0.0);
  EXPECT_EQ(Get(replica.port(), base + "/" + bureau + "?minPosition=" + std::to_string(last)).status, 200);

  // Auditors read the full event on the write node.
  const auto audit = Login(writer.port(), auditor.tckn, auditor.password);
  const auto h = Get(writer.port(), "/api/v1/events?from=" + std::to_string(full.begin()->first) + "&limit=1", audit);
  ASSERT_EQ(h.status, 200) << h.body;
  EXPECT_NE(h.body.find("7319"), std::string::npos);
}

TEST_F(KafkaE2E, DISABLED_BenchPublishThroughput) {
  istihdam::crypto::Init();
  char tmpl[] = "/tmp/istihdam-bench-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl;
  auto db = Database::Open(dir);
  ASSERT_TRUE(db.ok());
  istihdam::ManualClock clock(1'800'000'000'000'000);
  istihdam::EventStore store(db.value().get(), &clock);
  const int kEvents = std::getenv("BENCH_EVENTS") ? std::atoi(std::getenv("BENCH_EVENTS")) : 100000;
  for (int i = 0; i < kEvents / 1000; ++i) {
    istihdam::AppendRequest req;
    for (int s = 0; s < 100; ++s) {
      istihdam::StreamAppend sa{
          "employer-" + std::to_string(i * 100 + s), istihdam::ExpectedVersion::Any(), {}};
      for (int k = 0; k < 10; ++k)
        sa.events.push_back(istihdam::NewEvent{"BenchEvent", 1, std::string(200, 'x')});
      req.streams.push_back(std::move(sa));
    }
    req.meta.correlation_id = "bench";
    ASSERT_TRUE(store.Append(std::move(req)).ok());
  }
  istihdam::events::EventRegistry registry;
  istihdam::http::RegisterEventTypes(registry);
  istihdam::KafkaOptions options;
  options.brokers = broker_->bootstrap();
  options.topic = "bench.throughput";
  istihdam::KafkaPublisher publisher(
      db.value().get(), &store, nullptr,
      [&](const istihdam::RecordedEvent& e) { return json::serialize(registry.ToJson(e)); },
      options);
  const auto value_size = json::serialize(registry.ToJson(*store.ReadAt(1))).size();
  // Topic creation and the first metadata round trip are not part of the figure.
  ASSERT_TRUE(publisher.Start().ok());
  ASSERT_TRUE(WaitUntil([&] { return publisher.Checkpoint() >= 1; }, std::chrono::seconds(60)));
  const auto t0 = std::chrono::steady_clock::now();
  const auto start_cp = publisher.Checkpoint();
  EXPECT_EQ(
      publisher.WaitFor(kEvents, std::chrono::steady_clock::now() + std::chrono::seconds(300)),
      static_cast<std::uint64_t>(kEvents));
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "[ bench ] published " << (kEvents - start_cp) << " events of ~" << value_size
            << " B in " << secs << " s = " << static_cast<long>((kEvents - start_cp) / secs)
            << " events/s\n";
  publisher.Stop();
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

TEST_F(KafkaE2E, DISABLED_BenchCommandToReplicaLag) {
  const std::string topic = "bench.lag";
  ServerProcess writer(Node(topic, false));
  ServerProcess replica(Node(topic, true));
  RegisterSome(writer.port(), 1);  // topic created, replica assigned
  ASSERT_TRUE(WaitReplica(replica.port(), 1)) << replica.Log();
  const int n = std::getenv("BENCH_COMMANDS") ? std::atoi(std::getenv("BENCH_COMMANDS")) : 300;
  std::vector<double> lag_ms;
  HttpConnection conn(replica.port());
  for (int i = 0; i < n; ++i) {
    const auto pos =
        Register(writer.port(), NewEmployer::Fresh("Lag " + std::to_string(i))).position;
    const auto acked = std::chrono::steady_clock::now();
    // The replica answers once its read models reached `pos` (or after 2 s).
    const auto r = conn.Request("GET", "/api/v1/provinces?minPosition=" + std::to_string(pos));
    const auto seen = std::chrono::steady_clock::now();
    ASSERT_GE(XPosition(r), pos);
    lag_ms.push_back(std::chrono::duration<double, std::milli>(seen - acked).count());
  }
  std::sort(lag_ms.begin(), lag_ms.end());
  auto pct = [&](double p) { return lag_ms[static_cast<std::size_t>(p * (lag_ms.size() - 1))]; };
  std::cout << "[ bench ] command ack -> replica visibility over " << n << " registrations: p50 "
            << pct(0.5) << " ms, p99 " << pct(0.99) << " ms, max " << lag_ms.back() << " ms\n";
}

}  // namespace

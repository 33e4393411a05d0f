// The event store: streams with optimistic concurrency, the gap-free global position, atomic
// multi-stream appends, group commit under contention, the hash chain and its verification.
#include "infra/event_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <barrier>
#include <chrono>
#include <future>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::kT0;
using testing::OneStream;
using testing::RawEvent;
using testing::TestStore;

std::vector<std::string> Payloads(const std::vector<RecordedEvent>& evs) {
  std::vector<std::string> out;
  for (const auto& e : evs) out.push_back(e.payload);
  return out;
}

// Appends n single-event appends to "stream-<i % 3>" and returns the store's last position.
std::uint64_t AppendMany(EventStore& store, int n) {
  for (int i = 0; i < n; ++i) {
    auto r = store.Append(OneStream("stream-" + std::to_string(i % 3), ExpectedVersion::Any(),
                                    {RawEvent("event " + std::to_string(i + 1))}));
    EXPECT_TRUE(r.ok());
  }
  return store.LastPosition();
}

TEST(EventStoreTest, EmptyStore) {
  TestStore t;
  EXPECT_EQ(t.store().LastPosition(), 0u);
  EXPECT_EQ(t.store().StreamVersion("nothing"), 0u);
  EXPECT_TRUE(t.store().ReadAll(1, 10).empty());
  EXPECT_TRUE(t.store().ReadStream("nothing", 1).empty());
  EXPECT_FALSE(t.store().ReadAt(1).has_value());
  std::string problem;
  EXPECT_EQ(t.store().Verify(&problem), 0u);
}

TEST(EventStoreTest, AppendThenReadStreamAndReadAll) {
  TestStore t;
  EventMetadata meta;
  meta.actor = Actor{"user-1", "EmployerPrimaryAdmin", "employer-1"};
  meta.correlation_id = "corr-1";
  meta.causation_id = "cmd-1";
  meta.idempotency_key = "idem-1";

  auto r =
      t.store().Append(OneStream("order-1", ExpectedVersion::NoStream(),
                                 {RawEvent("a"), RawEvent("b"), RawEvent("c", "Other")}, meta));
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(r->first_position, 1u);
  EXPECT_EQ(r->last_position, 3u);
  EXPECT_THAT(r->stream_versions, ElementsAre(3u));

  t.clock().Advance(5'000'000);
  auto r2 = t.store().Append(OneStream("order-2", ExpectedVersion::NoStream(), {RawEvent("d")}));
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->first_position, 4u);
  EXPECT_EQ(r2->last_position, 4u);
  EXPECT_EQ(t.store().LastPosition(), 4u);
  EXPECT_EQ(t.store().StreamVersion("order-1"), 3u);
  EXPECT_EQ(t.store().StreamVersion("order-2"), 1u);

  const auto s1 = t.store().ReadStream("order-1", 1);
  ASSERT_EQ(s1.size(), 3u);
  EXPECT_THAT(Payloads(s1), ElementsAre("a", "b", "c"));
  for (std::size_t i = 0; i < s1.size(); ++i) {
    EXPECT_EQ(s1[i].position, i + 1);
    EXPECT_EQ(s1[i].version, i + 1);
    EXPECT_EQ(s1[i].stream, "order-1");
    EXPECT_EQ(s1[i].recorded_at, kT0);
    EXPECT_EQ(s1[i].meta.actor, meta.actor);
    EXPECT_EQ(s1[i].meta.correlation_id, "corr-1");
    EXPECT_EQ(s1[i].meta.causation_id, "cmd-1");
    EXPECT_EQ(s1[i].meta.idempotency_key, "idem-1");
    EXPECT_EQ(s1[i].event_id.size(), 36u);
  }
  EXPECT_EQ(s1[0].type, "TestEvent");
  EXPECT_EQ(s1[2].type, "Other");
  EXPECT_NE(s1[0].event_id, s1[1].event_id);
  EXPECT_THAT(Payloads(t.store().ReadStream("order-1", 2)), ElementsAre("b", "c"));
  EXPECT_THAT(Payloads(t.store().ReadStream("order-1", 2, 1)), ElementsAre("b"));
  EXPECT_TRUE(t.store().ReadStream("order-1", 4).empty());
  // A stream whose name is a prefix of another's does not see the other's events.
  EXPECT_TRUE(t.store().ReadStream("order-", 1).empty());

  const auto all = t.store().ReadAll(1, 100);
  EXPECT_THAT(Payloads(all), ElementsAre("a", "b", "c", "d"));
  EXPECT_EQ(all[3].stream, "order-2");
  EXPECT_EQ(all[3].recorded_at, kT0 + 5'000'000);
  EXPECT_THAT(Payloads(t.store().ReadAll(2, 2)), ElementsAre("b", "c"));
  EXPECT_THAT(Payloads(t.store().ReadAll(0, 1)), ElementsAre("a"));
  EXPECT_TRUE(t.store().ReadAll(5, 10).empty());

  // The hash chain: each prev_hash is the previous event's hash, the first one's is zero.
  EXPECT_EQ(all[0].prev_hash, crypto::Digest{});
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_EQ(all[i].prev_hash, all[i - 1].hash);

  auto at = t.store().ReadAt(4);
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->payload, "d");
  EXPECT_EQ(at->hash, all[3].hash);
}

TEST(EventStoreTest, EmptyAppendsAreRefused) {
  TestStore t;
  auto none = t.store().Append(AppendRequest{});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "empty_append");
  auto no_events = t.store().Append(OneStream("s", ExpectedVersion::Any(), {}));
  ASSERT_FALSE(no_events.ok());
  EXPECT_EQ(no_events.error().code, "empty_append");
  auto no_name = t.store().Append(OneStream("", ExpectedVersion::Any(), {RawEvent("x")}));
  ASSERT_FALSE(no_name.ok());
  EXPECT_EQ(no_name.error().code, "empty_append");
  auto nul =
      t.store().Append(OneStream(std::string("a\0b", 3), ExpectedVersion::Any(), {RawEvent("x")}));
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(t.store().LastPosition(), 0u);
}

TEST(EventStoreTest, ExpectedVersionNoStream) {
  TestStore t;
  ASSERT_TRUE(t.store().Append(OneStream("s", ExpectedVersion::NoStream(), {RawEvent("1")})).ok());
  auto again = t.store().Append(OneStream("s", ExpectedVersion::NoStream(), {RawEvent("2")}));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "version_conflict");
  EXPECT_THAT(again.error().detail, HasSubstr("s is at version 1"));
  EXPECT_EQ(t.store().LastPosition(), 1u);
  EXPECT_EQ(t.store().StreamVersion("s"), 1u);
  EXPECT_THAT(Payloads(t.store().ReadAll(1, 10)), ElementsAre("1"));
}

// The conflicting stream comes as data (`subject`), so callers need not parse the detail.
TEST(EventStoreTest, VersionConflictNamesItsStream) {
  TestStore t;
  ASSERT_TRUE(t.store().Append(OneStream("tckn-1 2", ExpectedVersion::NoStream(), {RawEvent("1")})).ok());
  AppendRequest req;
  req.streams.push_back({"tckn-1", ExpectedVersion::NoStream(), {RawEvent("a")}});
  req.streams.push_back({"tckn-1 2", ExpectedVersion::NoStream(), {RawEvent("b")}});
  auto refused = t.store().Append(std::move(req));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "version_conflict");
  EXPECT_EQ(refused.error().subject, "tckn-1 2");
}

TEST(EventStoreTest, ExpectedVersionExactly) {
  TestStore t;
  // Exactly(0) also means "no stream".
  ASSERT_TRUE(
      t.store()
          .Append(OneStream("s", ExpectedVersion::Exactly(0), {RawEvent("1"), RawEvent("2")}))
          .ok());
  auto stale = t.store().Append(OneStream("s", ExpectedVersion::Exactly(1), {RawEvent("x")}));
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, "version_conflict");
  auto ahead = t.store().Append(OneStream("s", ExpectedVersion::Exactly(3), {RawEvent("x")}));
  ASSERT_FALSE(ahead.ok());
  EXPECT_EQ(ahead.error().code, "version_conflict");
  auto zero = t.store().Append(OneStream("s", ExpectedVersion::Exactly(0), {RawEvent("x")}));
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().code, "version_conflict");
  EXPECT_EQ(t.store().LastPosition(), 2u);

  auto ok = t.store().Append(OneStream("s", ExpectedVersion::Exactly(2), {RawEvent("3")}));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->first_position, 3u);
  EXPECT_THAT(ok->stream_versions, ElementsAre(3u));
  EXPECT_THAT(Payloads(t.store().ReadStream("s", 1)), ElementsAre("1", "2", "3"));
}

TEST(EventStoreTest, ExpectedVersionAny) {
  TestStore t;
  auto first = t.store().Append(OneStream("s", ExpectedVersion::Any(), {RawEvent("1")}));
  ASSERT_TRUE(first.ok());
  EXPECT_THAT(first->stream_versions, ElementsAre(1u));
  auto second = t.store().Append(OneStream("s", ExpectedVersion::Any(), {RawEvent("2")}));
  ASSERT_TRUE(second.ok());
  EXPECT_THAT(second->stream_versions, ElementsAre(2u));
}

TEST(EventStoreTest, MultiStreamAppendIsAtomic) {
  TestStore t;
  ASSERT_TRUE(t.store().Append(OneStream("b", ExpectedVersion::NoStream(), {RawEvent("b1")})).ok());

  AppendRequest req;
  req.streams.push_back({"a", ExpectedVersion::NoStream(), {RawEvent("a1"), RawEvent("a2")}});
  req.streams.push_back({"b", ExpectedVersion::Exactly(5), {RawEvent("b2")}});
  req.streams.push_back({"c", ExpectedVersion::Any(), {RawEvent("c1")}});
  req.extra.push_back({cf::kIdempotency, "k", [](const AppendResult&) { return "v"; }});
  auto refused = t.store().Append(std::move(req));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "version_conflict");
  EXPECT_THAT(refused.error().detail, HasSubstr("b"));
  EXPECT_EQ(t.store().LastPosition(), 1u);
  EXPECT_EQ(t.store().StreamVersion("a"), 0u);
  EXPECT_EQ(t.store().StreamVersion("b"), 1u);
  EXPECT_EQ(t.store().StreamVersion("c"), 0u);
  EXPECT_TRUE(t.store().ReadStream("a", 1).empty());
  EXPECT_TRUE(t.store().ReadStream("c", 1).empty());
  std::string v;
  EXPECT_FALSE(t.db().Get(t.db().Family(cf::kIdempotency), "k", &v));

  AppendRequest ok;
  ok.streams.push_back({"a", ExpectedVersion::NoStream(), {RawEvent("a1"), RawEvent("a2")}});
  ok.streams.push_back({"b", ExpectedVersion::Exactly(1), {RawEvent("b2")}});
  ok.streams.push_back({"a", ExpectedVersion::Exactly(2), {RawEvent("a3")}});  // same stream again
  auto r = t.store().Append(std::move(ok));
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->first_position, 2u);
  EXPECT_EQ(r->last_position, 5u);
  EXPECT_THAT(r->stream_versions, ElementsAre(2u, 2u, 3u));
  EXPECT_THAT(Payloads(t.store().ReadStream("a", 1)), ElementsAre("a1", "a2", "a3"));
  EXPECT_THAT(Payloads(t.store().ReadStream("b", 1)), ElementsAre("b1", "b2"));
  EXPECT_THAT(Payloads(t.store().ReadAll(1, 10)), ElementsAre("b1", "a1", "a2", "b2", "a3"));
}

TEST(EventStoreTest, ConcurrentAppendsGetContiguousPositions) {
  constexpr int kThreads = 16;
  constexpr int kAppends = 500;
  TestStore t;
  struct Ack {
    int thread, i;
    AppendResult result;
    bool shared;
  };
  std::vector<std::vector<Ack>> acks(kThreads);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int th = 0; th < kThreads; ++th) {
    threads.emplace_back([&, th] {
      const std::string own = "thread-" + std::to_string(th);
      for (int i = 0; i < kAppends; ++i) {
        const bool shared = i % 4 == 0;
        AppendRequest req;
        req.streams.push_back(
            {own, ExpectedVersion::Exactly(i), {RawEvent(own + "/" + std::to_string(i))}});
        if (shared) {
          req.streams.push_back({"shared",
                                 ExpectedVersion::Any(),
                                 {RawEvent("shared " + own + "/" + std::to_string(i))}});
        }
        auto r = t.store().Append(std::move(req));
        if (!r.ok()) {
          ++failures;
          continue;
        }
        acks[th].push_back({th, i, *r, shared});
      }
    });
  }
  // Meanwhile a reader tails the log: it only ever sees a contiguous prefix, and the shared
  // stream's version never goes back.
  std::atomic<bool> writers_done{false};
  std::atomic<int> reader_errors{0};
  std::thread reader([&] {
    std::uint64_t seen = 0, shared_version = 0;
    while (!writers_done) {
      for (const auto& e : t.store().ReadAll(seen + 1, 1000)) {
        if (e.position != seen + 1) ++reader_errors;
        seen = e.position;
      }
      const auto v = t.store().StreamVersion("shared");
      if (v < shared_version) ++reader_errors;
      shared_version = v;
    }
  });
  for (auto& th : threads) th.join();
  writers_done = true;
  reader.join();
  ASSERT_EQ(failures.load(), 0);
  EXPECT_EQ(reader_errors.load(), 0);

  const std::uint64_t shared_count = kThreads * ((kAppends + 3) / 4);
  const std::uint64_t total = kThreads * kAppends + shared_count;
  EXPECT_EQ(t.store().LastPosition(), total);
  const auto all = t.store().ReadAll(1, total + 10);
  ASSERT_EQ(all.size(), total);
  for (std::size_t i = 0; i < all.size(); ++i) ASSERT_EQ(all[i].position, i + 1);

  std::set<std::uint64_t> claimed;
  std::set<std::uint64_t> shared_versions;
  for (const auto& per_thread : acks) {
    ASSERT_EQ(per_thread.size(), static_cast<std::size_t>(kAppends));
    for (const auto& a : per_thread) {
      const std::string own = "thread-" + std::to_string(a.thread);
      const std::uint64_t n = a.shared ? 2 : 1;
      ASSERT_EQ(a.result.last_position - a.result.first_position + 1, n);
      const auto& e = all[a.result.first_position - 1];
      EXPECT_EQ(e.stream, own);
      EXPECT_EQ(e.version, static_cast<std::uint64_t>(a.i + 1));
      EXPECT_EQ(e.payload, own + "/" + std::to_string(a.i));
      EXPECT_EQ(a.result.stream_versions[0], static_cast<std::uint64_t>(a.i + 1));
      if (a.shared) {
        const auto& s = all[a.result.first_position];
        EXPECT_EQ(s.stream, "shared");
        EXPECT_EQ(s.version, a.result.stream_versions[1]);
        EXPECT_EQ(s.payload, "shared " + own + "/" + std::to_string(a.i));
        EXPECT_TRUE(shared_versions.insert(s.version).second) << "duplicate shared version";
      }
      for (auto p = a.result.first_position; p <= a.result.last_position; ++p) {
        EXPECT_TRUE(claimed.insert(p).second) << "position " << p << " acknowledged twice";
      }
    }
  }
  EXPECT_EQ(claimed.size(), total);
  EXPECT_EQ(shared_versions.size(), shared_count);
  EXPECT_EQ(*shared_versions.rbegin(), shared_count);
  EXPECT_EQ(t.store().StreamVersion("shared"), shared_count);
  std::string problem;
  EXPECT_EQ(t.store().Verify(&problem), 0u) << problem;
}

TEST(EventStoreTest, ConcurrentExactlyAppendsHaveOneWinnerPerVersion) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 100;
  TestStore t;
  std::barrier gate(kThreads);
  std::vector<std::vector<int>> won(kThreads);  // rounds each thread won
  std::vector<std::thread> threads;
  std::atomic<int> other_errors{0};
  for (int th = 0; th < kThreads; ++th) {
    threads.emplace_back([&, th] {
      for (int round = 0; round < kRounds; ++round) {
        gate.arrive_and_wait();
        auto r = t.store().Append(
            OneStream("race", ExpectedVersion::Exactly(round), {RawEvent(std::to_string(th))}));
        if (r.ok()) {
          won[th].push_back(round);
        } else if (r.error().code != "version_conflict") {
          ++other_errors;
        }
        gate.arrive_and_wait();
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(other_errors.load(), 0);

  std::map<int, int> winners;  // round -> winning thread
  for (int th = 0; th < kThreads; ++th) {
    for (int round : won[th]) {
      EXPECT_TRUE(winners.emplace(round, th).second) << "two winners in round " << round;
    }
  }
  EXPECT_EQ(winners.size(), static_cast<std::size_t>(kRounds));
  const auto evs = t.store().ReadStream("race", 1);
  ASSERT_EQ(evs.size(), static_cast<std::size_t>(kRounds));
  for (int round = 0; round < kRounds; ++round) {
    EXPECT_EQ(evs[round].version, static_cast<std::uint64_t>(round + 1));
    EXPECT_EQ(evs[round].payload, std::to_string(winners[round]));
  }
  EXPECT_EQ(t.store().LastPosition(), static_cast<std::uint64_t>(kRounds));
}

TEST(EventStoreTest, VerifyAcceptsAnIntactLog) {
  TestStore t;
  AppendMany(t.store(), 50);
  std::string problem;
  std::vector<std::uint64_t> progress;
  EXPECT_EQ(t.store().Verify(&problem,
                             [&](std::uint64_t done, std::uint64_t total) {
                               EXPECT_EQ(total, 50u);
                               progress.push_back(done);
                             }),
            0u);
  EXPECT_EQ(problem, "");
  EXPECT_THAT(progress, ElementsAre(50u));
}

// Flips one byte of the stored record at `position`, at `offset` from its start (negative:
// from its end), directly in RocksDB.
void FlipByte(Database& db, std::uint64_t position, long offset) {
  auto* events = db.Family(cf::kEvents);
  std::string value;
  ASSERT_TRUE(db.Get(events, EncodeU64(position), &value));
  const std::size_t at = offset >= 0 ? offset : value.size() + offset;
  ASSERT_LT(at, value.size());
  value[at] = static_cast<char>(value[at] ^ 0x20);
  ASSERT_TRUE(db.db()->Put(rocksdb::WriteOptions(), events, EncodeU64(position), value).ok());
}

TEST(EventStoreTest, VerifyFindsATamperedRecord) {
  TestStore t;
  ASSERT_EQ(AppendMany(t.store(), 50), 50u);
  t.Close();
  {
    auto db = Database::Open(t.path());
    ASSERT_TRUE(db.ok());
    std::string value;
    ASSERT_TRUE((*db)->Get((*db)->Family(cf::kEvents), EncodeU64(17), &value));
    FlipByte(**db, 17, static_cast<long>(value.size() / 2));
  }
  t.Open();
  std::string problem;
  EXPECT_EQ(t.store().Verify(&problem), 17u);
  EXPECT_FALSE(problem.empty());
}

TEST(EventStoreTest, VerifyFindsATamperAnywhereInTheRecord) {
  TestStore t;
  ASSERT_EQ(AppendMany(t.store(), 50), 50u);
  t.Close();
  auto db = Database::Open(t.path());
  ASSERT_TRUE(db.ok());
  std::string original;
  ASSERT_TRUE((*db)->Get((*db)->Family(cf::kEvents), EncodeU64(17), &original));
  // Envelope start, payload, prev_hash, hash.
  for (long offset : {0L, 12L, static_cast<long>(original.size()) - 70, -50L, -1L}) {
    FlipByte(**db, 17, offset);
    ManualClock clock(kT0);
    EventStore store(db->get(), &clock);
    std::string problem;
    EXPECT_EQ(store.Verify(&problem), 17u) << "offset " << offset;
    EXPECT_FALSE(problem.empty()) << "offset " << offset;
    ASSERT_TRUE(
        (*db)
            ->db()
            ->Put(rocksdb::WriteOptions(), (*db)->Family(cf::kEvents), EncodeU64(17), original)
            .ok());
  }
  ManualClock clock(kT0);
  EventStore store(db->get(), &clock);
  std::string problem;
  EXPECT_EQ(store.Verify(&problem), 0u) << problem;
}

TEST(EventStoreTest, VerifyFindsAGap) {
  TestStore t;
  ASSERT_EQ(AppendMany(t.store(), 50), 50u);
  t.Close();
  {
    auto db = Database::Open(t.path());
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->db()
                    ->Delete(rocksdb::WriteOptions(), (*db)->Family(cf::kEvents), EncodeU64(30))
                    .ok());
  }
  t.Open();
  std::string problem;
  EXPECT_EQ(t.store().Verify(&problem), 30u);
  EXPECT_THAT(problem, HasSubstr("gap"));
}

TEST(EventStoreTest, ReopenedStoreContinuesTheLogAndTheChain) {
  TestStore t;
  ASSERT_EQ(AppendMany(t.store(), 10), 10u);
  const auto last_hash = t.store().ReadAt(10)->hash;
  t.Reopen();
  EXPECT_EQ(t.store().LastPosition(), 10u);
  // stream-0 got events 1, 4, 7, 10.
  EXPECT_EQ(t.store().StreamVersion("stream-0"), 4u);
  auto conflict =
      t.store().Append(OneStream("stream-0", ExpectedVersion::NoStream(), {RawEvent("x")}));
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().code, "version_conflict");

  auto r =
      t.store().Append(OneStream("stream-0", ExpectedVersion::Exactly(4), {RawEvent("after")}));
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->first_position, 11u);
  EXPECT_THAT(r->stream_versions, ElementsAre(5u));
  EXPECT_EQ(t.store().ReadAt(11)->prev_hash, last_hash);
  std::string problem;
  EXPECT_EQ(t.store().Verify(&problem), 0u) << problem;
}

TEST(EventStoreTest, ExtraWritesLandInTheSameBatchWithTheirPositions) {
  TestStore t;
  AppendMany(t.store(), 5);
  AppendRequest req = OneStream("s", ExpectedVersion::NoStream(), {RawEvent("1"), RawEvent("2")});
  req.streams.push_back({"u", ExpectedVersion::NoStream(), {RawEvent("3")}});
  std::vector<AppendResult> seen;
  auto describe = [&seen](const AppendResult& r) {
    seen.push_back(r);
    std::string v = std::to_string(r.first_position) + "-" + std::to_string(r.last_position);
    for (auto sv : r.stream_versions) v += ":" + std::to_string(sv);
    return v;
  };
  const std::string key("scope\0key", 9);  // idempotency keys hold a NUL separator
  req.extra.push_back({cf::kIdempotency, key, describe});
  req.extra.push_back(
      {"test_extra", "row", [](const AppendResult& r) { return EncodeU64(r.last_position); }});
  auto r = t.store().Append(std::move(req));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].first_position, r->first_position);
  EXPECT_EQ(seen[0].last_position, r->last_position);
  EXPECT_EQ(seen[0].stream_versions, r->stream_versions);

  std::string v;
  ASSERT_TRUE(t.db().Get(t.db().Family(cf::kIdempotency), key, &v));
  EXPECT_EQ(v, "6-8:2:1");
  ASSERT_TRUE(t.db().Get(t.db().Family("test_extra"), "row", &v));
  EXPECT_EQ(DecodeU64(v.data()), 8u);
}

TEST(EventStoreTest, ExtraWritesOfARefusedAppendAreNotWritten) {
  TestStore t;
  ASSERT_TRUE(t.store().Append(OneStream("s", ExpectedVersion::NoStream(), {RawEvent("1")})).ok());
  bool called = false;
  AppendRequest req = OneStream("s", ExpectedVersion::NoStream(), {RawEvent("2")});
  req.extra.push_back({cf::kIdempotency, "k", [&](const AppendResult&) {
                         called = true;
                         return std::string("v");
                       }});
  auto r = t.store().Append(std::move(req));
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(called);
  std::string v;
  EXPECT_FALSE(t.db().Get(t.db().Family(cf::kIdempotency), "k", &v));
}

TEST(EventStoreTest, TheHeadCacheIsBoundedAndAnEvictedHeadStillGuardsItsStream) {
  TestStore t(EventStore::Options{.sync = false, .head_cache_entries = 4});
  for (int i = 0; i < 10; ++i) {
    const std::string stream = "s-" + std::to_string(i);
    ASSERT_TRUE(t.store().Append(OneStream(stream, ExpectedVersion::NoStream(), {RawEvent("1"), RawEvent("2")})).ok());
    EXPECT_LE(t.store().CachedHeads(), 4u);
  }
  for (int i = 0; i < 20; ++i) t.store().StreamVersion("absent-" + std::to_string(i));
  EXPECT_LE(t.store().CachedHeads(), 4u);
  // s-0 left the cache long ago: its head comes back from the stream index.
  const auto stale = t.store().Append(OneStream("s-0", ExpectedVersion::Exactly(1), {RawEvent("3")}));
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, "version_conflict");
  const auto fresh = t.store().Append(OneStream("s-0", ExpectedVersion::Exactly(2), {RawEvent("3")}));
  ASSERT_TRUE(fresh.ok()) << fresh.error().code;
  EXPECT_EQ(fresh->stream_versions.front(), 3u);
  EXPECT_EQ(t.store().StreamVersion("s-9"), 2u);
}

TEST(EventStoreTest, WaitForCommitWakesWhenAnotherThreadAppends) {
  TestStore t;
  AppendMany(t.store(), 3);
  const auto started = std::chrono::steady_clock::now();
  const auto deadline = started + std::chrono::seconds(30);
  auto waiter =
      std::async(std::launch::async, [&] { return t.store().WaitForCommit(3, deadline); });
  std::thread appender([&] {
    EXPECT_TRUE(t.store().Append(OneStream("late", ExpectedVersion::Any(), {RawEvent("x")})).ok());
  });
  const auto got = waiter.get();
  appender.join();
  EXPECT_EQ(got, 4u);
  EXPECT_LT(std::chrono::steady_clock::now(), deadline) << "woke by the deadline, not the commit";
}

TEST(EventStoreTest, WaitForCommitReturnsAtTheDeadline) {
  TestStore t;
  AppendMany(t.store(), 2);
  EXPECT_EQ(t.store().WaitForCommit(1, std::chrono::steady_clock::now() + std::chrono::seconds(30)),
            2u);
  EXPECT_EQ(
      t.store().WaitForCommit(2, std::chrono::steady_clock::now() + std::chrono::milliseconds(20)),
      2u);
}

// A programming error in an extra write's value callback (or a failure creating its column
// family, which Database::Family reports by throwing) is an exception; the HTTP edge turns it
// into a 500 and goes on serving, so the store must go on accepting appends afterwards.
TEST(EventStoreTest, AThrowingExtraWriteDoesNotWedgeTheStore) {
  auto t = std::make_shared<TestStore>();
  AppendRequest req = OneStream("s", ExpectedVersion::Any(), {RawEvent("1")});
  req.extra.push_back({cf::kIdempotency, "k", [](const AppendResult&) -> std::string {
                         throw std::runtime_error("bug in a reply callback");
                       }});
  try {
    auto r = t->store().Append(std::move(req));
    EXPECT_FALSE(r.ok());
  } catch (const std::runtime_error&) {
    // Propagating the exception to the caller is fine too.
  }
  EXPECT_EQ(t->store().LastPosition(), 0u);

  auto done = std::make_shared<std::promise<bool>>();
  auto result = done->get_future();
  std::thread next([t, done] {
    auto r = t->store().Append(OneStream("s", ExpectedVersion::Any(), {RawEvent("2")}));
    done->set_value(r.ok());
  });
  if (result.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
    next.detach();  // stuck in the store's writer queue for good; it keeps `t` alive
    FAIL() << "the next append never completed: the failed writer was left in the queue";
  }
  next.join();
  EXPECT_TRUE(result.get());
  EXPECT_EQ(t->store().LastPosition(), 1u);
}

std::uint64_t Le64(const std::string& b, std::size_t at) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

// The byte layout of docs/storage.md, "Event record".
TEST(EventRecordTest, StoredBytesFollowTheDocumentedLayout) {
  TestStore t;
  EventMetadata meta;
  meta.actor = Actor{"user-1", "System", ""};
  ASSERT_TRUE(t.store().Append(OneStream("s", ExpectedVersion::Any(), {RawEvent("p0")})).ok());
  ASSERT_TRUE(
      t.store()
          .Append(OneStream("stream-x", ExpectedVersion::Any(), {RawEvent("payload")}, meta))
          .ok());
  std::string value;
  ASSERT_TRUE(t.db().Get(t.db().Family(cf::kEvents), EncodeU64(2), &value));
  const auto rec = t.store().ReadAt(2);
  ASSERT_TRUE(rec.has_value());

  std::size_t at = 0;
  EXPECT_EQ(value[at], '\x01');  // archive flag: little-endian
  at += 1;
  EXPECT_EQ(Le64(value, at), 2u);  // position
  at += 8;
  ASSERT_EQ(Le64(value, at), 8u);  // stream id length
  EXPECT_EQ(value.substr(at + 8, 8), "stream-x");
  at += 16;
  EXPECT_EQ(Le64(value, at), 1u);  // stream version
  at += 8;
  ASSERT_EQ(Le64(value, at), 36u);  // event id
  EXPECT_EQ(value.substr(at + 8, 36), rec->event_id);
  at += 44;
  ASSERT_EQ(Le64(value, at), 9u);  // type
  EXPECT_EQ(value.substr(at + 8, 9), "TestEvent");
  at += 17;
  EXPECT_EQ(Le64(value, at) & 0xffffffffu, 1u);  // schema version (u32)
  at += 4;
  EXPECT_EQ(static_cast<std::int64_t>(Le64(value, at)), kT0);  // recorded at
  at += 8;
  ASSERT_EQ(Le64(value, at), 6u);  // actor user id
  EXPECT_EQ(value.substr(at + 8, 6), "user-1");

  // The tail: prev_hash (the hash of position 1) and hash = SHA-256(prev_hash || canonical).
  ASSERT_GT(value.size(), 64u);
  const std::string canonical = value.substr(0, value.size() - 64);
  EXPECT_EQ(canonical, CanonicalBytes(*rec));
  EXPECT_EQ(value.substr(value.size() - 64, 32),
            std::string(reinterpret_cast<const char*>(t.store().ReadAt(1)->hash.data()), 32));
  const auto expected_hash = crypto::Sha256(rec->prev_hash, canonical);
  EXPECT_EQ(value.substr(value.size() - 32),
            std::string(reinterpret_cast<const char*>(expected_hash.data()), 32));
  EXPECT_EQ(value.substr(value.size() - 64 - 7),
            std::string("payload") + value.substr(value.size() - 64));
}

TEST(EventRecordTest, EncodeDecodeRoundTripAndHash) {
  testing::InitCrypto();
  RecordedEvent e;
  e.position = 42;
  e.stream = "employer-1";
  e.version = 3;
  e.event_id = "id";
  e.type = "T";
  e.schema_version = 2;
  e.recorded_at = kT0;
  e.meta.actor = Actor{"u", "System", "e"};
  e.meta.correlation_id = "c";
  e.payload = std::string("\0\1binary", 8);
  e.prev_hash = crypto::Sha256("x");
  SealRecord(&e);
  const std::string bytes = EncodeRecord(e);
  EXPECT_TRUE(RecordHashMatches(bytes));
  auto back = DecodeRecord(bytes);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->position, 42u);
  EXPECT_EQ(back->payload, e.payload);
  EXPECT_EQ(back->meta.actor, e.meta.actor);
  EXPECT_EQ(back->hash, e.hash);
  EXPECT_EQ(back->prev_hash, e.prev_hash);
  EXPECT_FALSE(DecodeRecord(bytes.substr(0, 40)).ok());
  std::string bad = bytes;
  bad[5] ^= 1;
  EXPECT_FALSE(RecordHashMatches(bad));
}

}  // namespace
}  // namespace istihdam

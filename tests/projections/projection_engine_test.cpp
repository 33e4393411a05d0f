// The projection engine: checkpoints written with the rows (so replay from a checkpoint never
// applies an event twice), tailing threads, rebuilds into a new generation; and the
// workplaces read model on top of it.
#include "projections/projection_engine.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <thread>

#include "events/workplaces.h"
#include "projections/workplaces.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using ::testing::ElementsAre;
using testing::OneStream;
using testing::RawEvent;
using testing::TestStore;

std::chrono::steady_clock::time_point In(std::chrono::seconds s) {
  return std::chrono::steady_clock::now() + s;
}

// Counts events in one row (read-modify-write through the batch) and records, per position,
// how many times it was applied. Stateless, as the engine requires.
class CountingProjector final : public Projector {
 public:
  std::string name() const override { return "counter"; }
  std::vector<std::string> tables() const override { return {"counts", "applied"}; }
  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    Increment(b, "counts", "total");
    Increment(b, "counts", "stream/" + e.stream);
    Increment(b, "applied", EncodeU64(e.position));
  }

 private:
  static void Increment(ProjectionBatch& b, const std::string& table, const std::string& key) {
    std::string v;
    const std::uint64_t n = b.Get(table, key, &v) ? DecodeU64(v.data()) : 0;
    b.Put(table, key, EncodeU64(n + 1));
  }
};

std::uint64_t Count(const ReadView& view, const std::string& key) {
  std::string v;
  return view.Get("counts", key, &v) ? DecodeU64(v.data()) : 0;
}

// position -> times applied
std::map<std::uint64_t, std::uint64_t> Applied(const ReadView& view) {
  std::map<std::uint64_t, std::uint64_t> out;
  view.Scan("applied", "", [&](const std::string& k, const std::string& v) {
    out[DecodeU64(k.data())] = DecodeU64(v.data());
    return true;
  });
  return out;
}

// Every row of both tables, for comparing two builds.
std::map<std::string, std::string> Rows(const ReadView& view) {
  std::map<std::string, std::string> out;
  for (const char* table : {"counts", "applied"}) {
    view.Scan(table, "", [&](const std::string& k, const std::string& v) {
      out[std::string(table) + "|" + k] = v;
      return true;
    });
  }
  return out;
}

void ExpectEachPositionAppliedOnce(const ReadView& view, std::uint64_t last) {
  const auto applied = Applied(view);
  ASSERT_EQ(applied.size(), last);
  std::uint64_t expected = 1;
  for (const auto& [pos, times] : applied) {
    EXPECT_EQ(pos, expected++);
    EXPECT_EQ(times, 1u) << "position " << pos << " applied " << times << " times";
  }
}

void AppendN(EventStore& store, int n, const std::string& stream = "s") {
  for (int i = 0; i < n; ++i) {
    ASSERT_TRUE(
        store.Append(OneStream(stream, ExpectedVersion::Any(), {RawEvent(std::to_string(i))}))
            .ok());
  }
}

TEST(ProjectionEngineTest, ReplayFromTheCheckpointNeverDoubleApplies) {
  TestStore t;
  AppendN(t.store(), 100);
  {
    ProjectionEngine engine(&t.db(), &t.store(), nullptr);
    engine.Add(std::make_unique<CountingProjector>());
    EXPECT_EQ(engine.Position("counter"), 0u);
    engine.CatchUp();
    EXPECT_EQ(engine.Position("counter"), 100u);
    EXPECT_EQ(Count(engine.View("counter"), "total"), 100u);
    engine.CatchUp();  // nothing new: nothing applied
    EXPECT_EQ(Count(engine.View("counter"), "total"), 100u);
  }
  AppendN(t.store(), 50, "other");
  ProjectionEngine engine(&t.db(), &t.store(), nullptr);
  engine.Add(std::make_unique<CountingProjector>());
  EXPECT_EQ(engine.Position("counter"), 100u);  // from the checkpoint
  engine.CatchUp();
  EXPECT_EQ(engine.Position("counter"), 150u);
  EXPECT_EQ(engine.Position(), 150u);
  const auto view = engine.View("counter");
  EXPECT_EQ(Count(view, "total"), 150u);
  EXPECT_EQ(Count(view, "stream/s"), 100u);
  EXPECT_EQ(Count(view, "stream/other"), 50u);
  ExpectEachPositionAppliedOnce(view, 150);
}

TEST(ProjectionEngineTest, CheckpointSurvivesADatabaseRestart) {
  TestStore t;
  AppendN(t.store(), 30);
  {
    ProjectionEngine engine(&t.db(), &t.store(), nullptr);
    engine.Add(std::make_unique<CountingProjector>());
    engine.CatchUp();
  }
  t.Reopen();
  AppendN(t.store(), 20);
  ProjectionEngine engine(&t.db(), &t.store(), nullptr);
  engine.Add(std::make_unique<CountingProjector>());
  EXPECT_EQ(engine.Position("counter"), 30u);
  engine.CatchUp();
  EXPECT_EQ(Count(engine.View("counter"), "total"), 50u);
  ExpectEachPositionAppliedOnce(engine.View("counter"), 50);
}

TEST(ProjectionEngineTest, TailingThreadCatchesUpWithAppends) {
  TestStore t;
  ProjectionEngine engine(&t.db(), &t.store(), nullptr);
  engine.Add(std::make_unique<CountingProjector>());
  engine.Start();
  AppendN(t.store(), 5);
  EXPECT_GE(engine.WaitFor(5, In(std::chrono::seconds(30))), 5u);
  AppendN(t.store(), 1);
  const std::uint64_t last = t.store().LastPosition();
  EXPECT_GE(engine.WaitFor(last, In(std::chrono::seconds(30))), last);
  engine.Stop();
  EXPECT_EQ(Count(engine.View("counter"), "total"), 6u);
  ExpectEachPositionAppliedOnce(engine.View("counter"), 6);
}

TEST(ProjectionEngineTest, RebuildProducesTheSameRowsAsTheIncrementalBuild) {
  TestStore t;
  auto engine_ptr = std::make_unique<ProjectionEngine>(&t.db(), &t.store(), nullptr);
  ProjectionEngine& engine = *engine_ptr;
  engine.Add(std::make_unique<CountingProjector>());
  for (int round = 0; round < 5; ++round) {  // several checkpoints
    AppendN(t.store(), 40, "s" + std::to_string(round % 2));
    engine.CatchUp();
  }
  const auto before = Rows(engine.View("counter"));
  ASSERT_FALSE(before.empty());
  auto old_view = engine.View("counter");  // keeps the old generation alive

  std::uint64_t last_progress = 0;
  const Status st =
      engine.Rebuild("counter", [&](std::uint64_t done, std::uint64_t) { last_progress = done; });
  ASSERT_TRUE(st.ok()) << st.error().code;
  EXPECT_EQ(last_progress, 200u);
  EXPECT_EQ(engine.Position("counter"), t.store().LastPosition());
  EXPECT_EQ(Rows(engine.View("counter")), before);
  ExpectEachPositionAppliedOnce(engine.View("counter"), 200);

  // The old generation serves its reader until released, then its families are dropped.
  EXPECT_EQ(Count(old_view, "total"), 200u);
  EXPECT_NE(t.db().FindFamily("rm.counter.counts.g1"), nullptr);
  old_view = engine.View("counter");
  EXPECT_EQ(t.db().FindFamily("rm.counter.counts.g1"), nullptr);
  EXPECT_EQ(t.db().FindFamily("rm.counter.applied.g1"), nullptr);

  // A restarted engine reads the new generation and goes on from its checkpoint.
  old_view = ReadView(&t.db(), nullptr);
  engine_ptr.reset();
  AppendN(t.store(), 10);
  ProjectionEngine restarted(&t.db(), &t.store(), nullptr);
  restarted.Add(std::make_unique<CountingProjector>());
  EXPECT_EQ(restarted.Position("counter"), 200u);
  restarted.CatchUp();
  EXPECT_EQ(Count(restarted.View("counter"), "total"), 210u);
  ExpectEachPositionAppliedOnce(restarted.View("counter"), 210);
}

TEST(ProjectionEngineTest, RebuildWhileRunningAndAppending) {
  TestStore t;
  ProjectionEngine engine(&t.db(), &t.store(), nullptr);
  engine.Add(std::make_unique<CountingProjector>());
  engine.Start();
  AppendN(t.store(), 300);
  std::atomic<bool> stop{false};
  std::thread appender([&] {
    while (!stop) AppendN(t.store(), 1, "live");
  });
  const Status st = engine.Rebuild("counter");
  stop = true;
  appender.join();
  ASSERT_TRUE(st.ok());
  const std::uint64_t last = t.store().LastPosition();
  ASSERT_GE(engine.WaitFor(last, In(std::chrono::seconds(30))), last);
  engine.Stop();
  EXPECT_EQ(Count(engine.View("counter"), "total"), last);
  ExpectEachPositionAppliedOnce(engine.View("counter"), last);
}

// A source that does not override Visit (as the replica log): Visit reads through Read().
struct ByRead final : EventSource {
  explicit ByRead(EventStore* s) : store(s) {}
  std::vector<RecordedEvent> Read(std::uint64_t from, std::size_t limit) override { return store->ReadAll(from, limit); }
  std::uint64_t LastPosition() const override { return store->LastPosition(); }
  std::uint64_t WaitForMore(std::uint64_t, std::chrono::steady_clock::time_point) override { return LastPosition(); }
  EventStore* store;
};

// Records the positions and types it is given; declares `types` (empty: every event).
class TypedProjector final : public Projector {
 public:
  TypedProjector(std::string name, std::vector<std::string> types) : name_(std::move(name)), types_(std::move(types)) {}
  std::string name() const override { return name_; }
  std::vector<std::string> tables() const override { return {"seen"}; }
  std::vector<std::string> event_types() const override { return types_; }
  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    b.Put("seen", EncodeU64(e.position), e.type + "/" + e.payload);
  }

 private:
  std::string name_;
  std::vector<std::string> types_;
};

std::vector<std::string> Seen(const ReadView& view) {
  std::vector<std::string> out;
  view.Scan("seen", "", [&](const std::string& k, const std::string& v) {
    out.push_back(std::to_string(DecodeU64(k.data())) + ":" + v);
    return true;
  });
  return out;
}

TEST(ProjectionEngineTest, EventTypesFilterWhatAProjectorIsGiven) {
  TestStore t;
  ASSERT_TRUE(t.store()
                  .Append(OneStream("s", ExpectedVersion::Any(),
                                    {RawEvent("1", "A"), RawEvent("2", "B"), RawEvent("3", "A"), RawEvent("4", "C")}))
                  .ok());
  // The last events of the log are of a type the projector skips: its checkpoint still
  // reaches the end, so they are not read again.
  ASSERT_TRUE(t.store().Append(OneStream("s", ExpectedVersion::Any(), {RawEvent("5", "B"), RawEvent("6", "B")})).ok());
  ProjectionEngine engine(&t.db(), &t.store(), nullptr);
  engine.Add(std::make_unique<TypedProjector>("only_a", std::vector<std::string>{"A"}));
  engine.Add(std::make_unique<TypedProjector>("a_and_c", std::vector<std::string>{"C", "A", "Unknown"}));
  engine.Add(std::make_unique<TypedProjector>("all", std::vector<std::string>{}));
  engine.CatchUp();
  EXPECT_THAT(Seen(engine.View("only_a")), ElementsAre("1:A/1", "3:A/3"));
  EXPECT_THAT(Seen(engine.View("a_and_c")), ElementsAre("1:A/1", "3:A/3", "4:C/4"));
  EXPECT_THAT(Seen(engine.View("all")), ElementsAre("1:A/1", "2:B/2", "3:A/3", "4:C/4", "5:B/5", "6:B/6"));
  EXPECT_EQ(engine.Position("only_a"), 6u);
  EXPECT_EQ(engine.Position("a_and_c"), 6u);
  // A rebuild filters alike.
  ASSERT_TRUE(engine.Rebuild("only_a").ok());
  EXPECT_THAT(Seen(engine.View("only_a")), ElementsAre("1:A/1", "3:A/3"));
  EXPECT_EQ(engine.Position("only_a"), 6u);
  // Later events are filtered alike.
  ASSERT_TRUE(t.store().Append(OneStream("s", ExpectedVersion::Any(), {RawEvent("7", "A")})).ok());
  engine.CatchUp();
  EXPECT_THAT(Seen(engine.View("only_a")), ElementsAre("1:A/1", "3:A/3", "7:A/7"));
  // And so are those of a source that does not override Visit (EventSource's default).
  ByRead by_read(&t.store());
  ProjectionEngine replica(&t.db(), &by_read, nullptr);
  replica.Add(std::make_unique<TypedProjector>("only_c_by_read", std::vector<std::string>{"C"}));
  replica.CatchUp();
  EXPECT_THAT(Seen(replica.View("only_c_by_read")), ElementsAre("4:C/4"));
  EXPECT_EQ(replica.Position("only_c_by_read"), 7u);
}

// EventSource::Visit without an override reads through Read(); it sees what the local log's
// in-place Visit sees.
TEST(ProjectionEngineTest, VisitOfAnySourceSeesWhatReadReturns) {
  TestStore t;
  AppendN(t.store(), 25);
  ByRead by_read(&t.store());
  LogEventSource local(&t.store());
  for (EventSource* source : {static_cast<EventSource*>(&by_read), static_cast<EventSource*>(&local)}) {
    std::vector<std::string> seen;
    const auto n = source->Visit(3, 10, [&](const RecordView& v) {
      seen.push_back(std::to_string(v.position) + "/" + std::string(v.stream) + "/" + std::string(v.payload));
      return true;
    });
    EXPECT_EQ(n, 10u);
    ASSERT_EQ(seen.size(), 10u);
    EXPECT_EQ(seen.front().substr(0, 2), "3/");
    EXPECT_EQ(seen.back().substr(0, 3), "12/");
    std::size_t stopped = source->Visit(20, 100, [&](const RecordView& v) { return v.position < 22; });
    EXPECT_EQ(stopped, 3u) << "stops after the call that returned false";
    EXPECT_EQ(source->Visit(26, 10, [](const RecordView&) { return true; }), 0u);
  }
}

TEST(ProjectionEngineTest, RebuildOfAnUnknownProjectionIsAnError) {
  TestStore t;
  ProjectionEngine engine(&t.db(), &t.store(), nullptr);
  const Status st = engine.Rebuild("nope");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, "unknown_projection");
}

// ----- the workplaces read model ---------------------------------------------------------

events::WorkplaceRegistered Workplace(const std::string& id, const std::string& employer,
                                      const std::string& title, const std::string& province,
                                      const std::string& hq_id, const std::string& district) {
  events::WorkplaceInfo info;
  info.district = district;
  info.address = "Adres " + id;
  info.phone = "0212 555 00 00";
  info.contacts = {{"email", id + "@ornek.com.tr"}};
  return events::WorkplaceRegistered{id,
                                     employer,
                                     employer,
                                     title,
                                     "52064080866666660146574000",
                                     "4540536920",
                                     province,
                                     hq_id.empty() ? "headquarters" : "branch",
                                     hq_id,
                                     info};
}

WorkplaceFilter ByTitle(const std::string& title) {
  WorkplaceFilter f;
  f.title = title;
  return f;
}
WorkplaceFilter BySgkNo(const std::string& sgk_no) {
  WorkplaceFilter f;
  f.sgk_no = sgk_no;
  return f;
}
WorkplaceFilter ByTaxNo(const std::string& tax_no) {
  WorkplaceFilter f;
  f.tax_no = tax_no;
  return f;
}

class WorkplacesProjectionTest : public ::testing::Test {
 protected:
  void SetUp() override { engine_.Add(MakeWorkplacesProjector()); }

  void Register(const events::WorkplaceRegistered& w) {
    ASSERT_TRUE(t_.store()
                    .Append(OneStream("workplace-" + w.workplace_id, ExpectedVersion::NoStream(),
                                      {events::Encode(w)}))
                    .ok());
  }
  void Update(const std::string& id, const events::WorkplaceInfo& info, std::uint64_t expected) {
    events::WorkplaceInfoUpdated u{id, info, {"address"}};
    ASSERT_TRUE(t_.store()
                    .Append(OneStream("workplace-" + id, ExpectedVersion::Exactly(expected),
                                      {events::Encode(u)}))
                    .ok());
  }
  boost::json::object List(const std::string& employer, WorkplaceFilter f = {}, Page p = {}) {
    engine_.CatchUp();
    return ListWorkplaces(engine_.View("workplaces"), employer, f, p);
  }
  static std::vector<std::string> Ids(const boost::json::object& page) {
    std::vector<std::string> out;
    for (const auto& item : page.at("items").as_array()) {
      out.emplace_back(item.as_object().at("id").as_string());
    }
    return out;
  }

  TestStore t_;
  ProjectionEngine engine_{&t_.db(), &t_.store(), nullptr};
};

TEST_F(WorkplacesProjectionTest, HeadquartersComeBeforeTheirBranchesByProvince) {
  // The branch's id sorts before its headquarters' and is registered first.
  Register(Workplace("w-b", "employer-1", "İSTANBUL MERKEZ", "34", "", "Kadıköy"));
  Register(Workplace("w-a", "employer-1", "İstanbul Şube", "34", "w-b", "Beşiktaş"));
  Register(Workplace("w-c", "employer-1", "Ankara Bölge", "06", "", "Çankaya"));
  Register(Workplace("w-z", "employer-2", "Başka Firma", "34", "", "Kadıköy"));

  const auto page = List("employer-1");
  EXPECT_THAT(Ids(page), ElementsAre("w-c", "w-b", "w-a"));
  EXPECT_EQ(page.at("total").to_number<std::uint64_t>(), 3u);
  EXPECT_EQ(page.at("totalPages").to_number<std::uint64_t>(), 1u);
  EXPECT_EQ(page.at("page").to_number<std::uint64_t>(), 1u);
  EXPECT_EQ(page.at("pageSize").to_number<std::uint64_t>(), 15u);

  const auto& branch = page.at("items").as_array()[2].as_object();
  EXPECT_EQ(branch.at("title").as_string(), "İstanbul Şube");
  EXPECT_EQ(branch.at("province").as_string(), "34");
  EXPECT_EQ(branch.at("district").as_string(), "Beşiktaş");
  EXPECT_FALSE(branch.at("headquarters").as_bool());
  EXPECT_EQ(branch.at("headquartersId").as_string(), "w-b");
  const auto& hq = page.at("items").as_array()[1].as_object();
  EXPECT_TRUE(hq.at("headquarters").as_bool());
  EXPECT_EQ(hq.at("headquartersId").as_string(), "w-b");

  EXPECT_THAT(Ids(List("employer-2")), ElementsAre("w-z"));
  EXPECT_TRUE(Ids(List("employer-9")).empty());
  EXPECT_EQ(List("employer-9").at("totalPages").to_number<std::uint64_t>(), 0u);
}

TEST_F(WorkplacesProjectionTest, TitleFilterIsCaseInsensitiveIncludingTurkishDottedI) {
  Register(Workplace("w-b", "employer-1", "İSTANBUL MERKEZ", "34", "", "Kadıköy"));
  Register(Workplace("w-a", "employer-1", "İstanbul Şube", "34", "w-b", "Beşiktaş"));
  Register(Workplace("w-c", "employer-1", "Ankara Bölge", "06", "", "Çankaya"));

  EXPECT_THAT(Ids(List("employer-1", ByTitle("istanbul"))), ElementsAre("w-b", "w-a"));
  EXPECT_THAT(Ids(List("employer-1", ByTitle("İSTANBUL"))), ElementsAre("w-b", "w-a"));
  EXPECT_THAT(Ids(List("employer-1", ByTitle("İstanbul m"))), ElementsAre("w-b"));
  EXPECT_THAT(Ids(List("employer-1", ByTitle("ANKARA"))), ElementsAre("w-c"));
  EXPECT_TRUE(Ids(List("employer-1", ByTitle("izmir"))).empty());
  EXPECT_EQ(List("employer-1", ByTitle("istanbul")).at("total").to_number<std::uint64_t>(), 2u);
}

// WorkplaceFilter::title is documented as a case-insensitive substring; titles are Turkish.
TEST_F(WorkplacesProjectionTest, TitleFilterFoldsTurkishCapitalLetters) {
  Register(Workplace("w-c", "employer-1", "ANKARA ŞUBESİ ÇANKAYA", "06", "", "Çankaya"));
  EXPECT_THAT(Ids(List("employer-1", ByTitle("şubesi"))), ElementsAre("w-c"));
  EXPECT_THAT(Ids(List("employer-1", ByTitle("çankaya"))), ElementsAre("w-c"));
}

TEST_F(WorkplacesProjectionTest, SgkAndTaxNumberFiltersAreExact) {
  auto w = Workplace("w-b", "employer-1", "Merkez", "34", "", "Kadıköy");
  w.sgk_no = "11111111111111111111111111";
  Register(w);
  auto other = Workplace("w-c", "employer-1", "Ankara", "06", "", "Çankaya");
  other.tax_no = "17291716060";
  Register(other);
  EXPECT_THAT(Ids(List("employer-1", BySgkNo("11111111111111111111111111"))), ElementsAre("w-b"));
  EXPECT_TRUE(Ids(List("employer-1", BySgkNo("1111111111111111111111111"))).empty());
  EXPECT_THAT(Ids(List("employer-1", ByTaxNo("17291716060"))), ElementsAre("w-c"));
}

TEST_F(WorkplacesProjectionTest, DetailFollowsUpdatesAndHidesOtherEmployersWorkplaces) {
  const auto reg = Workplace("w-a", "employer-1", "İstanbul Şube", "34", "w-b", "Beşiktaş");
  Register(reg);
  Register(Workplace("w-z", "employer-2", "Başka Firma", "34", "", "Kadıköy"));
  auto info = reg.info;
  info.address = "Yeni Adres No: 5";
  info.postal_code = "34353";
  Update("w-a", info, 1);
  engine_.CatchUp();
  const auto view = engine_.View("workplaces");

  auto detail = GetWorkplace(view, "employer-1", "w-a");
  ASSERT_TRUE(detail.has_value());
  EXPECT_EQ(detail->at("id").as_string(), "w-a");
  EXPECT_EQ(detail->at("employerId").as_string(), "employer-1");
  EXPECT_EQ(detail->at("title").as_string(), "İstanbul Şube");
  EXPECT_EQ(detail->at("address").as_string(), "Yeni Adres No: 5");
  EXPECT_EQ(detail->at("postalCode").as_string(), "34353");
  EXPECT_EQ(detail->at("district").as_string(), "Beşiktaş");
  EXPECT_FALSE(detail->at("headquarters").as_bool());
  EXPECT_EQ(detail->at("headquartersId").as_string(), "w-b");
  EXPECT_EQ(detail->at("version").to_number<std::uint64_t>(), 2u);
  ASSERT_EQ(detail->at("contacts").as_array().size(), 1u);
  EXPECT_EQ(detail->at("contacts").as_array()[0].as_object().at("value").as_string(),
            "w-a@ornek.com.tr");

  EXPECT_FALSE(GetWorkplace(view, "employer-1", "w-z").has_value());
  EXPECT_TRUE(GetWorkplace(view, "employer-2", "w-z").has_value());
  EXPECT_FALSE(GetWorkplace(view, "employer-1", "w-missing").has_value());
}

TEST_F(WorkplacesProjectionTest, PagingReportsTotalAndTotalPages) {
  Register(Workplace("hq", "employer-3", "Merkez", "35", "", "Konak"));
  for (int i = 0; i < 31; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "br-%02d", i);
    Register(Workplace(id, "employer-3", "Şube " + std::to_string(i), "35", "hq", "Konak"));
  }
  const auto p1 = List("employer-3", {}, {.page = 1, .page_size = 15});
  EXPECT_EQ(p1.at("total").to_number<std::uint64_t>(), 32u);
  EXPECT_EQ(p1.at("totalPages").to_number<std::uint64_t>(), 3u);
  const auto ids1 = Ids(p1);
  ASSERT_EQ(ids1.size(), 15u);
  EXPECT_EQ(ids1.front(), "hq");
  EXPECT_EQ(ids1.back(), "br-13");

  const auto p2 = List("employer-3", {}, {.page = 2, .page_size = 15});
  const auto ids2 = Ids(p2);
  ASSERT_EQ(ids2.size(), 15u);
  EXPECT_EQ(ids2.front(), "br-14");
  EXPECT_EQ(p2.at("page").to_number<std::uint64_t>(), 2u);

  const auto p3 = List("employer-3", {}, {.page = 3, .page_size = 15});
  EXPECT_THAT(Ids(p3), ElementsAre("br-29", "br-30"));
  EXPECT_EQ(p3.at("total").to_number<std::uint64_t>(), 32u);

  EXPECT_TRUE(Ids(List("employer-3", {}, {.page = 4, .page_size = 15})).empty());
  // Filtering pages the filtered rows: "Şube 1" and "Şube 10".."Şube 19".
  const auto filtered = List("employer-3", ByTitle("Şube 1"), {.page = 1, .page_size = 15});
  EXPECT_EQ(filtered.at("total").to_number<std::uint64_t>(), 11u);
  EXPECT_EQ(filtered.at("totalPages").to_number<std::uint64_t>(), 1u);
  EXPECT_EQ(Ids(filtered).size(), 11u);
}

}  // namespace
}  // namespace istihdam

// Execute's handling of lost races, deterministically: the decide function itself lets
// "another writer" append to its stream between reading the version and appending.
#include <gtest/gtest.h>

#include "commands/services.h"
#include "events/workplaces.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

using testing::OneStream;
using testing::RawEvent;
using testing::TestReferenceData;
using testing::TestStore;

class ExecuteTest : public ::testing::Test {
 protected:
  ExecuteTest()
      : services_(Config{}, &ts_.clock(), &ts_.db(), &ts_.store(), &ts_.store(), nullptr, TestReferenceData()) {}

  // A decide appending one event at the version it read; on its first `losses` calls another
  // writer appends to the stream in between, so that append loses the race.
  std::function<Result<Decision>()> RacingDecide(int losses, int* calls, Error conflict_code = {}) {
    return [this, losses, calls, conflict_code]() -> Result<Decision> {
      const auto version = ts_.store().StreamVersion("counter-1");
      if ((*calls)++ < losses) {
        EXPECT_TRUE(ts_.store().Append(OneStream("counter-1", ExpectedVersion::Any(), {RawEvent("other")})).ok());
      }
      Decision d;
      d.append = OneStream("counter-1", version == 0 ? ExpectedVersion::NoStream() : ExpectedVersion::Exactly(version),
                           {RawEvent("mine")});
      if (!conflict_code.code.empty()) d.conflict_codes.emplace("counter-1", conflict_code);
      d.reply = [](const AppendResult& r) { return Outcome{{{"version", r.stream_versions.front()}}}; };
      return d;
    };
  }

  TestStore ts_;
  Services services_;
};

TEST_F(ExecuteTest, ALostRaceIsDecidedAgainOnTheNewVersion) {
  int calls = 0;
  auto r = Execute(services_, CommandEnv{}, "Test", RacingDecide(3, &calls));
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(calls, 4);
  EXPECT_EQ(r->body["version"].to_number<std::uint64_t>(), 4u);  // three others, then this one
  EXPECT_EQ(ts_.store().StreamVersion("counter-1"), 4u);
}

TEST_F(ExecuteTest, TenLostRacesAnswerConcurrencyConflictAndWriteNothingOfTheirOwn) {
  int calls = 0;
  auto r = Execute(services_, CommandEnv{}, "Test", RacingDecide(1000, &calls));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "concurrency_conflict");
  EXPECT_EQ(calls, 10);
  EXPECT_EQ(ts_.store().StreamVersion("counter-1"), 10u);  // only the other writer's
}

TEST_F(ExecuteTest, APinnedVersionIsNotRetried) {
  int calls = 0;
  CommandEnv env;
  env.pinned_version = true;
  auto r = Execute(services_, env, "Test", RacingDecide(1, &calls));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "version_mismatch");
  EXPECT_EQ(calls, 1);
}

TEST_F(ExecuteTest, AConflictOnAStreamWithACodeIsThatRefusal) {
  int calls = 0;
  auto r = Execute(services_, CommandEnv{}, "Test", RacingDecide(1, &calls, Error::Of("already_registered")));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "already_registered");
  EXPECT_EQ(calls, 1);
}

// The backstop before the log: whatever text slipped past the input boundaries is refused
// with 422 naming the event field, and nothing is appended.
TEST_F(ExecuteTest, AnEventWithTextThatIsNotUtf8IsRefusedBeforeTheLog) {
  events::EventRegistry registry;
  registry.Register<events::WorkplaceEvent>();
  services_.registry = &registry;
  events::WorkplaceRegistered bad;
  bad.workplace_id = "3000000001";
  bad.info.address = "Liman Cad.\nNo: 5";  // free text: a newline passes the backstop
  bad.title = "Fu\xFF\xFEzz";
  auto decide = [&]() -> Result<Decision> {
    Decision d;
    AddEvent(d.append, "workplace-3000000001", ExpectedVersion::NoStream(), bad);
    d.reply = [](const AppendResult&) { return Outcome{}; };
    return d;
  };
  const auto before = ts_.store().LastPosition();
  auto r = Execute(services_, CommandEnv{}, "Test", decide);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "validation_failed");
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "data.title");
  EXPECT_EQ(r.error().fields[0].code, "invalid_text");
  EXPECT_EQ(ts_.store().LastPosition(), before);

  bad.title = "Liman Şubesi";
  auto ok = Execute(services_, CommandEnv{}, "Test", decide);
  ASSERT_TRUE(ok.ok()) << ok.error().code;
  EXPECT_EQ(ts_.store().LastPosition(), before + 1);
}

}  // namespace
}  // namespace istihdam

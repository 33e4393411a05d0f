// The resolved-session cache (commands/session_cache.h): what it keeps, and its bound.
#include "commands/session_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace istihdam {
namespace {

CachedSession Entry(const std::string& user, std::uint64_t epoch) {
  CachedSession c;
  c.session.user_id = user;
  c.session.employer_id = "2000000001";
  c.session.permissions = {"EMPLOYER_INFO"};
  c.epoch = epoch;
  c.employer_version = 7;
  c.day = "2026-12-06";
  return c;
}

TEST(SessionCacheTest, KeepsAndReplacesEntries) {
  SessionCache cache(1600);
  EXPECT_EQ(cache.Find("k1"), nullptr);
  cache.Keep("k1", Entry("u1", 3));
  auto hit = cache.Find("k1");
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->session.user_id, "u1");
  EXPECT_EQ(hit->epoch, 3u);
  EXPECT_EQ(hit->employer_version, 7u);
  cache.Keep("k1", Entry("u1", 4));  // a newer resolution replaces the entry
  EXPECT_EQ(cache.Find("k1")->epoch, 4u);
  EXPECT_EQ(hit->epoch, 3u) << "an entry handed out does not change under its reader";
  EXPECT_EQ(cache.Entries(), 1u);
}

TEST(SessionCacheTest, NeverHoldsMoreThanItsCapacity) {
  SessionCache cache(160);  // 10 per shard
  for (int i = 0; i < 5000; ++i) cache.Keep("key-" + std::to_string(i), Entry("u", 1));
  EXPECT_LE(cache.Entries(), 160u);
  EXPECT_GT(cache.Entries(), 0u);
  cache.Keep("last", Entry("u", 1));
  EXPECT_NE(cache.Find("last"), nullptr) << "the newest entry is always kept";
}

TEST(SessionCacheTest, CapacityZeroKeepsNone) {
  SessionCache cache(0);
  cache.Keep("k", Entry("u", 1));
  EXPECT_EQ(cache.Find("k"), nullptr);
  EXPECT_EQ(cache.Entries(), 0u);
}

}  // namespace
}  // namespace istihdam

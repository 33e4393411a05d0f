// Configuration keys of the labor market (docs/configuration.md "Labor market") and the
// test-only file clock behind `serve --clock-file`.
#include "infra/config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <limits>

#include "infra/clock.h"
#include "tests/test_util.h"

namespace istihdam {
namespace {

Status LoadText(const testing::TempDir& dir, const std::string& text, Config* c) {
  const std::string path = dir.path() + "/config.json";
  std::ofstream(path) << text;
  return LoadConfigFile(path, c);
}

TEST(ConfigTest, LaborMarketDefaultsFollowRules) {
  const Config c;
  ASSERT_EQ(c.quota_rules.size(), 1u);
  EXPECT_EQ(c.quota_rules[0].effective_from, "2008-05-26");
  EXPECT_EQ(c.quota_rules[0].employee_threshold, 50);
  EXPECT_EQ(c.quota_rules[0].part_time_divisor_hours, 195);
  EXPECT_TRUE(c.personnel_rows_must_match_counts);
  EXPECT_EQ(c.collective_dismissal.small_min_dismissed, 10);
  EXPECT_EQ(c.collective_dismissal.large_min_dismissed, 30);
}

TEST(ConfigTest, QuotaRuleSetsThresholdsAndRowCheckAreRead) {
  testing::TempDir dir;
  Config c;
  ASSERT_TRUE(LoadText(dir, R"({"quotaRules": [
      {"effectiveFrom": "2008-05-26", "rates": {"private": {"disabled": 3}, "public": {"disabled": 4, "exConvictOrTerrorVictim": 2}}},
      {"effectiveFrom": "2027-01-01", "employeeThreshold": 40, "partTimeDivisorHours": 225,
       "rates": {"private": {"disabled": 3.5}}}],
    "personnelRowsMustMatchCounts": false,
    "collectiveDismissalThresholds": {"minWorkers": 25, "mediumPercent": 12}})", &c).ok());
  ASSERT_EQ(c.quota_rules.size(), 2u);
  EXPECT_EQ(c.quota_rules[1].employee_threshold, 40);
  EXPECT_EQ(c.quota_rules[1].part_time_divisor_hours, 225);
  ASSERT_EQ(c.quota_rules[1].private_rates.size(), 1u);
  EXPECT_EQ(c.quota_rules[1].private_rates[0], (std::pair<std::string, std::int64_t>{"disabled", 350}));
  EXPECT_EQ(c.quota_rules[0].public_rates[1].second, 200);
  EXPECT_FALSE(c.personnel_rows_must_match_counts);
  EXPECT_EQ(c.collective_dismissal.min_workers, 25);
  EXPECT_EQ(c.collective_dismissal.medium_percent, 12);
  EXPECT_EQ(c.collective_dismissal.small_max, 100);
}

TEST(ConfigTest, MalformedLaborMarketKeysAreErrors) {
  testing::TempDir dir;
  Config c;
  EXPECT_FALSE(LoadText(dir, R"({"quotaRules": [{"effectiveFrom": "2008-05-26", "rates": {"private": {"blind": 3}}}]})", &c).ok());
  EXPECT_FALSE(LoadText(dir, R"({"quotaRules": [{"effectiveFrom": "2027-01-01", "rates": {}},
                                                {"effectiveFrom": "2026-01-01", "rates": {}}]})", &c).ok())
      << "rule sets must be in date order";
  EXPECT_FALSE(LoadText(dir, R"({"collectiveDismissalThresholds": {"maxWorkers": 5}})", &c).ok());
}

TEST(FileClockTest, ReadsTheDateOnEveryCallAndFallsBackWithoutAFile) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/today";
  FileClock clock(path);
  EXPECT_GT(clock.Now(), testing::kT0) << "no file: the system clock";
  std::ofstream(path) << "2026-03-31\n";
  EXPECT_EQ(FormatRfc3339(clock.Now()), "2026-03-31T12:00:00.000000Z");
  std::ofstream(path) << "2026-05-01";
  EXPECT_EQ(FormatDate(clock.Now()), "2026-05-01");
}

// Every Micros formats, including the two ends of the range: splitting t into days and the
// time of day used to multiply the days back (days * 86,400,000,000 is below INT64_MIN for
// the earliest day: signed overflow, caught by -fsanitize=undefined). Expected values as
// PostgreSQL prints its timestamp limits (proleptic Gregorian, year 0 = 1 BC).
TEST(FileClockTest, Rfc3339CoversTheWholeRange) {
  constexpr Micros kMin = std::numeric_limits<Micros>::min();
  constexpr Micros kMax = std::numeric_limits<Micros>::max();
  EXPECT_EQ(FormatRfc3339(kMin), "-290308-12-21T19:59:05.224192Z");
  EXPECT_EQ(FormatRfc3339(kMin + 1), "-290308-12-21T19:59:05.224193Z");
  EXPECT_EQ(FormatRfc3339(kMax), "294247-01-10T04:00:54.775807Z");
  EXPECT_EQ(FormatRfc3339(-1), "1969-12-31T23:59:59.999999Z");
  EXPECT_EQ(FormatRfc3339(0), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(FormatRfc3339(-86'400'000'000LL), "1969-12-31T00:00:00.000000Z");
  EXPECT_EQ(FormatRfc3339(-62'135'596'800'000'000LL), "0001-01-01T00:00:00.000000Z");
  EXPECT_EQ(FormatDate(kMin), "-290308-12-21");
  EXPECT_EQ(FormatDate(kMax), "294247-01-10");
}

// A production cluster (TLS, SASL) is reached by configuration alone: kafkaProperties are
// handed to librdkafka as they are.
TEST(ConfigTest, KafkaPropertiesAndReplicationFactorAreRead) {
  testing::TempDir dir;
  Config c;
  ASSERT_TRUE(LoadText(dir, R"({"kafkaBrokers": "k1:9093,k2:9093", "kafkaReplicationFactor": 3,
      "kafkaProperties": {"security.protocol": "SASL_SSL", "sasl.mechanisms": "SCRAM-SHA-512"}})", &c).ok());
  EXPECT_EQ(c.kafka_brokers, "k1:9093,k2:9093");
  EXPECT_EQ(c.kafka_replication_factor, 3);
  ASSERT_EQ(c.kafka_properties.size(), 2u);
  EXPECT_EQ(c.kafka_properties.at("security.protocol"), "SASL_SSL");
  EXPECT_EQ(c.kafka_properties.at("sasl.mechanisms"), "SCRAM-SHA-512");
  Config bad;
  EXPECT_FALSE(LoadText(dir, R"({"kafkaProperties": {"acks": 1}})", &bad).ok()) << "values are strings";
}

}  // namespace
}  // namespace istihdam

// `istihdam demo --job-seekers N [--bulk]` over the real binary: the people exist with their
// résumés, some applied to the demo postings, and the bulk loader's events pass `verify` and the
// projections' rebuild; the bulk loader refuses a data directory that a server holds.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <ctime>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "server_fixture.h"

namespace e2e {
namespace {

namespace json = boost::json;

// The event log of `data_dir` as parsed NDJSON lines.
std::vector<json::object> Events(const std::string& data_dir) {
  const auto dump = RunIstihdam({"events", "--data-dir", data_dir}, std::chrono::seconds(120));
  EXPECT_EQ(dump.exit_code, 0) << dump.err;
  std::vector<json::object> out;
  std::istringstream lines(dump.out);
  for (std::string line; std::getline(lines, line);) out.push_back(json::parse(line).as_object());
  return out;
}

std::map<std::string, std::size_t> CountTypes(const std::vector<json::object>& events) {
  std::map<std::string, std::size_t> n;
  for (const auto& e : events) ++n[std::string(e.at("type").as_string())];
  return n;
}

int ThisYear() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return utc.tm_year + 1900;
}

// Every résumé belongs to a registered person with a birth date of an adult of 18 to 64.
void ExpectResumesOfRegisteredAdults(const std::vector<json::object>& events, std::size_t expected) {
  std::map<std::string, std::string> birth_dates;  // userId -> birthDate
  for (const auto& e : events) {
    if (e.at("type") != "UserAccountRegistered") continue;
    const auto& d = e.at("data").as_object();
    birth_dates[std::string(d.at("userId").as_string())] = std::string(d.at("birthDate").as_string());
  }
  std::size_t resumes = 0;
  for (const auto& e : events) {
    if (e.at("type") != "ResumeSaved") continue;
    ++resumes;
    const auto& d = e.at("data").as_object();
    const std::string id(d.at("individualId").as_string());
    ASSERT_TRUE(birth_dates.count(id)) << id;
    const auto& occupations = d.at("resume").at("occupations").as_array();
    EXPECT_GE(occupations.size(), 1u);
    EXPECT_LE(occupations.size(), 3u);
    for (const auto& o : occupations) EXPECT_TRUE(std::regex_match(std::string(o.as_string()), std::regex("[0-9]{4}")));
    const int year = std::stoi(birth_dates[id].substr(0, 4));
    EXPECT_GE(year, ThisYear() - 65) << birth_dates[id];
    EXPECT_LE(year, ThisYear() - 18) << birth_dates[id];
  }
  EXPECT_EQ(resumes, expected);
}

TEST(DemoJobSeekersTest, CommandPathRegistersPeopleWithResumesAndApplications) {
  ServerOptions o;
  o.start = false;
  ServerProcess dir(o);
  const auto r = RunIstihdam({"demo", "--data-dir", dir.data_dir(), "--postings", "40", "--employers", "4",
                              "--job-seekers", "120", "--seed", "3"},
                             std::chrono::seconds(240));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("120 job seekers with résumés"), std::string::npos) << r.err;

  const auto events = Events(dir.data_dir());
  const auto n = CountTypes(events);
  EXPECT_EQ(n.at("ResumeSaved"), 120u);
  EXPECT_EQ(n.at("UserAccountRegistered"), 120u + 4u);  // and the employers' representatives
  ASSERT_TRUE(n.count("JobApplicationSubmitted"));
  EXPECT_GE(n.at("JobApplicationSubmitted"), 1u);
  ExpectResumesOfRegisteredAdults(events, 120);
  // The demo's own summary counts what the log holds.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.err, m, std::regex(R"((\d+) applications)"))) << r.err;
  EXPECT_EQ(std::stoul(m[1].str()), n.at("JobApplicationSubmitted"));
  // An application is by a registered job seeker whose résumé lists the posting's occupation.
  std::map<std::string, std::string> occupation_of_demand;
  std::map<std::string, std::set<std::string>> occupations_of_person;
  for (const auto& e : events) {
    const auto& d = e.at("data").as_object();
    if (e.at("type") == "LaborDemandCreated") {
      occupation_of_demand[std::string(d.at("demandNo").as_string())] =
          std::string(d.at("draft").at("occupation").as_string());
    }
    if (e.at("type") == "ResumeSaved") {
      for (const auto& c : d.at("resume").at("occupations").as_array()) {
        occupations_of_person[std::string(d.at("individualId").as_string())].insert(std::string(c.as_string()));
      }
    }
  }
  for (const auto& e : events) {
    if (e.at("type") != "JobApplicationSubmitted") continue;
    const auto& d = e.at("data").as_object();
    const std::string demand(d.at("demandNo").as_string());
    const std::string person(d.at("jobSeekerId").as_string());
    EXPECT_TRUE(occupations_of_person[person].count(occupation_of_demand[demand])) << demand << " " << person;
  }
}

TEST(DemoJobSeekersTest, BulkLoadWritesEventsThatVerifyAndRebuild) {
  ServerOptions o;
  o.start = false;
  ServerProcess dir(o);
  const auto r = RunIstihdam({"demo", "--data-dir", dir.data_dir(), "--job-seekers", "500", "--bulk", "--batch",
                              "64", "--seed", "5"},
                             std::chrono::seconds(120));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("500 job seekers bulk-loaded"), std::string::npos) << r.err;

  const auto verify = RunIstihdam({"verify", "--data-dir", dir.data_dir()}, std::chrono::seconds(120));
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_NE(verify.err.find("ok, 1500 events"), std::string::npos) << verify.err;
  const auto events = Events(dir.data_dir());
  const auto n = CountTypes(events);
  EXPECT_EQ(n.at("UserAccountRegistered"), 500u);
  EXPECT_EQ(n.at("IdentifierReserved"), 500u);
  EXPECT_EQ(n.at("ResumeSaved"), 500u);
  ExpectResumesOfRegisteredAdults(events, 500);
  // Every projection replays them.
  const auto rebuild = RunIstihdam({"rebuild", "--data-dir", dir.data_dir()}, std::chrono::seconds(120));
  EXPECT_EQ(rebuild.exit_code, 0) << rebuild.err;

  // A second run on the same store writes new people (different TCKNs, ids after the first).
  const auto again = RunIstihdam({"demo", "--data-dir", dir.data_dir(), "--job-seekers", "100", "--bulk", "--seed", "5"},
                                 std::chrono::seconds(120));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(CountTypes(Events(dir.data_dir())).at("ResumeSaved"), 600u);
}

TEST(DemoJobSeekersTest, BulkLoadRefusesADataDirectoryThatIsServed) {
  ServerProcess server;
  const auto r = RunIstihdam({"demo", "--data-dir", server.data_dir(), "--job-seekers", "10", "--bulk"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("in use by another istihdam process"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace e2e

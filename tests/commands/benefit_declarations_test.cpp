// SubmitBenefitDeclaration through its handler, on a real event store: declaration numbers
// have no gaps and no duplicates, also when commands race and some are refused; workers the
// identity service does not know are named.
#include "commands/benefit_declarations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "tests/test_util.h"

namespace istihdam {
namespace {

using testing::OneStream;
using testing::TestReferenceData;
using testing::TestStore;

class SubmitBenefitDeclarationHandlerTest : public ::testing::Test {
 protected:
  // `registry`: "" for the development-mode identity service, else a registry file.
  void Open(const std::string& registry = "") {
    Config c;
    c.identity_registry_file = registry;
    services_ = std::make_unique<Services>(c, &ts_.clock(), &ts_.db(), &ts_.store(), &ts_.store(), nullptr, TestReferenceData());
    events::WorkplaceRegistered w;
    w.workplace_id = "3000000001";
    w.employer_id = "2000000001";
    w.province = "34";
    w.role = "headquarters";
    ASSERT_TRUE(ts_.store().Append(OneStream("workplace-3000000001", ExpectedVersion::NoStream(), {events::Encode(w)})).ok());
  }

  // An İÖ declaration of one leaver; `valid` false leaves out the exit reason.
  static SubmitBenefitDeclaration Draft(const std::string& tckn, const std::string& first, const std::string& last,
                                        bool valid = true) {
    SubmitBenefitDeclaration c;
    c.employer_id = "2000000001";
    c.declaration_type = "IO";
    c.workplace_id = "3000000001";
    c.workers = {{tckn, first, last, "2026-01-10", valid ? "04" : "", {}}};
    return c;
  }

  static CommandEnv Env() {
    CommandEnv env;
    env.meta.actor = Actor{"", "EmployerPrimaryAdmin", "2000000001"};
    return env;
  }

  TestStore ts_;  // today (UTC+3) is 2026-01-15
  std::unique_ptr<Services> services_;
};

TEST_F(SubmitBenefitDeclarationHandlerTest, RacingAndRefusedCommandsLeaveNoGapsAndNoDuplicates) {
  Open();
  constexpr int kThreads = 4, kEach = 15;
  std::mutex mu;
  std::vector<std::string> numbers;
  int refused = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const bool valid = (i % 3) != 2;  // every third is refused
        auto r = HandleSubmitBenefitDeclaration(*services_, Env(), Draft("10000000146", "Ayşe", "Yılmaz", valid));
        std::lock_guard lock(mu);
        if (r.ok()) numbers.emplace_back(r->body["declarationNo"].as_string());
        else ++refused;
        EXPECT_EQ(r.ok(), valid) << (r.ok() ? "" : r.error().code);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(refused, kThreads * 5);
  std::sort(numbers.begin(), numbers.end());
  ASSERT_EQ(numbers.size(), static_cast<std::size_t>(kThreads * 10));
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    char want[32];
    std::snprintf(want, sizeof want, "2026%06zu", i + 1);
    EXPECT_EQ(numbers[i], want);
  }
  EXPECT_EQ(NextDeclarationNo(*services_, "2026-01-15"), "2026000041");
  EXPECT_EQ(NextDeclarationNo(*services_, "2027-01-01"), "2027000001");  // a new sequence each year
}

TEST_F(SubmitBenefitDeclarationHandlerTest, TheAnswerNamesNumberUnitAndDate) {
  Open();
  auto r = HandleSubmitBenefitDeclaration(*services_, Env(), Draft("10000000146", "Ayşe", "Yılmaz"));
  ASSERT_TRUE(r.ok()) << r.error().code;
  EXPECT_EQ(r->body["id"].as_string(), "2026000001");
  EXPECT_EQ(r->body["unitId"].as_string(), "34");
  EXPECT_EQ(r->body["declarationDate"].as_string(), "2026-01-15");
  EXPECT_EQ(ts_.store().StreamVersion("benefit-declaration-2026000001"), 1u);
}

TEST_F(SubmitBenefitDeclarationHandlerTest, WorkersUnknownToTheIdentityServiceAreNamed) {
  Open(ISTIHDAM_SOURCE_DIR "/data/citizens.csv");
  auto c = Draft("10000000146", "Ayşe", "Yılmaz");
  c.workers.push_back({"17291716060", "Mehmet", "Yanlış", "2026-01-10", "04", {}});  // wrong surname
  auto r = HandleSubmitBenefitDeclaration(*services_, Env(), c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "validation_failed");
  EXPECT_THAT(r.error().fields, ::testing::ElementsAre(FieldError{"workers[1].tckn", "kps_mismatch"}));
  EXPECT_EQ(ts_.store().StreamVersion("benefit-declaration-2026000001"), 0u);  // nothing written
}

}  // namespace
}  // namespace istihdam

// Checksums of Turkish identifiers, with the vectors of RULES.md §1e.
#include "infra/identifiers.h"

#include <gtest/gtest.h>

#include <string>

namespace istihdam {
namespace {

TEST(TcknTest, AcceptsValidNumbers) {
  EXPECT_TRUE(IsValidTckn("10000000146"));
  EXPECT_TRUE(IsValidTckn("17291716060"));
}

TEST(TcknTest, RejectsBadChecksum) { EXPECT_FALSE(IsValidTckn("17291716050")); }

TEST(TcknTest, RejectsLeadingZero) { EXPECT_FALSE(IsValidTckn("07291716092")); }

TEST(TcknTest, RejectsWrongLengthAndNonDigits) {
  EXPECT_FALSE(IsValidTckn(""));
  EXPECT_FALSE(IsValidTckn("1000000014"));
  EXPECT_FALSE(IsValidTckn("100000001460"));
  EXPECT_FALSE(IsValidTckn("1000000014a"));
  EXPECT_FALSE(IsValidTckn(" 0000000146"));
}

TEST(TcknTest, EachSingleDigitChangeOfAValidNumberIsCaught) {
  const std::string valid = "17291716060";
  for (std::size_t i = 0; i < valid.size(); ++i) {
    std::string s = valid;
    s[i] = static_cast<char>('0' + (s[i] - '0' + 1) % 10);
    EXPECT_FALSE(IsValidTckn(s)) << s;
  }
}

TEST(VknTest, AcceptsValidNumber) { EXPECT_TRUE(IsValidVkn("4540536920")); }

TEST(VknTest, RejectsBadCheckDigit) { EXPECT_FALSE(IsValidVkn("4540536921")); }

TEST(VknTest, RejectsWrongLengthAndNonDigits) {
  EXPECT_FALSE(IsValidVkn(""));
  EXPECT_FALSE(IsValidVkn("454053692"));
  EXPECT_FALSE(IsValidVkn("45405369200"));
  EXPECT_FALSE(IsValidVkn("454053692x"));
}

TEST(CompleteTcknTest, ProducesValidNumbersWithTheGivenPrefix) {
  EXPECT_EQ(CompleteTckn("100000001"), "10000000146");
  EXPECT_EQ(CompleteTckn("172917160"), "17291716060");
  for (int n = 100000000; n < 999999999; n += 7654321) {
    const std::string prefix = std::to_string(n);
    const std::string t = CompleteTckn(prefix);
    ASSERT_EQ(t.size(), 11u);
    EXPECT_EQ(t.substr(0, 9), prefix);
    EXPECT_TRUE(IsValidTckn(t)) << t;
  }
}

TEST(CompleteVknTest, ProducesValidNumbersWithTheGivenPrefix) {
  EXPECT_EQ(CompleteVkn("454053692"), "4540536920");
  for (int n = 0; n < 999999999; n += 8765431) {
    std::string prefix = std::to_string(n);
    prefix.insert(0, 9 - prefix.size(), '0');
    const std::string v = CompleteVkn(prefix);
    ASSERT_EQ(v.size(), 10u);
    EXPECT_EQ(v.substr(0, 9), prefix);
    EXPECT_TRUE(IsValidVkn(v)) << v;
  }
}

TEST(SgkNoTest, RequiresExactly26Digits) {
  EXPECT_TRUE(IsValidSgkNo("52064080866666660146574000"));
  EXPECT_TRUE(IsValidSgkNo(std::string(26, '0')));
  EXPECT_FALSE(IsValidSgkNo(std::string(25, '1')));
  EXPECT_FALSE(IsValidSgkNo(std::string(27, '1')));
  EXPECT_FALSE(IsValidSgkNo("5206408086666666014657400a"));
  EXPECT_FALSE(IsValidSgkNo("5 2064 08 08 6666666 014 65"));
  EXPECT_FALSE(IsValidSgkNo(""));
}

}  // namespace
}  // namespace istihdam

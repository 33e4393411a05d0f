#include "infra/identifiers.h"

#include <algorithm>

namespace istihdam {
namespace {

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int TcknDigit10(const std::string& s) {
  const int odd = (s[0] - '0') + (s[2] - '0') + (s[4] - '0') + (s[6] - '0') + (s[8] - '0');
  const int even = (s[1] - '0') + (s[3] - '0') + (s[5] - '0') + (s[7] - '0');
  return ((odd * 7 - even) % 10 + 10) % 10;
}

int TcknDigit11(const std::string& s) {
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += s[i] - '0';
  return sum % 10;
}

int VknCheck(const std::string& s) {
  int sum = 0;
  for (int i = 0; i < 9; ++i) {
    const int t = (s[i] - '0' + 9 - i) % 10;
    if (t != 0) {
      const int p = (t * (1 << (9 - i))) % 9;
      sum += p == 0 ? 9 : p;
    }
  }
  return (10 - sum % 10) % 10;
}

}  // namespace

bool IsValidTckn(const std::string& s) {
  if (s.size() != 11 || !AllDigits(s) || s[0] == '0') return false;
  return TcknDigit10(s) == s[9] - '0' && TcknDigit11(s) == s[10] - '0';
}

bool IsValidVkn(const std::string& s) {
  return s.size() == 10 && AllDigits(s) && VknCheck(s) == s[9] - '0';
}

bool IsValidSgkNo(const std::string& s) { return s.size() == 26 && AllDigits(s); }

std::string CompleteTckn(const std::string& first9) {
  std::string s = first9;
  s.push_back(static_cast<char>('0' + TcknDigit10(s + "00")));
  s.push_back('0');
  s[10] = static_cast<char>('0' + TcknDigit11(s));
  return s;
}

std::string CompleteVkn(const std::string& first9) {
  std::string s = first9 + "0";
  s[9] = static_cast<char>('0' + VknCheck(s));
  return s;
}

}  // namespace istihdam

#include "infra/clock.h"

#include <stdexcept>

#include <chrono>
#include <cstdio>

namespace istihdam {
namespace {

// Howard Hinnant's civil-date algorithms (public domain).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void CivilFromDays(std::int64_t z, int* y, unsigned* m, unsigned* d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int>(yy + (*m <= 2));
}

constexpr Micros kMicrosPerDay = 86'400'000'000LL;

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Micros FileClock::Now() const {
  char buf[32] = {0};
  if (std::FILE* f = std::fopen(path_.c_str(), "r")) {
    const std::size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    std::string date(buf, n);
    while (!date.empty() && (date.back() == '\n' || date.back() == '\r' || date.back() == ' ')) date.pop_back();
    std::int64_t days = 0;
    if (ParseDate(date, &days)) return days * kMicrosPerDay + kMicrosPerDay / 2;
  }
  return SystemClock::Instance().Now();
}

Micros SystemClock::Now() const {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

SystemClock& SystemClock::Instance() {
  static SystemClock clock;
  return clock;
}

std::string FormatRfc3339(Micros t) {
  // The day and the time in it without multiplying back (days * kMicrosPerDay is below
  // INT64_MIN for the earliest days: signed overflow).
  const bool before_midnight = t % kMicrosPerDay < 0;
  const std::int64_t days = t / kMicrosPerDay - (before_midnight ? 1 : 0);
  const Micros in_day = t % kMicrosPerDay + (before_midnight ? kMicrosPerDay : 0);
  int y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  const auto secs = in_day / 1'000'000;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%06dZ", y, m, d,
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60), static_cast<int>(in_day % 1'000'000));
  return buf;
}

std::string FormatDate(Micros t) {
  int y;
  unsigned m, d;
  CivilFromDays(FloorDiv(t, kMicrosPerDay), &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

bool ParseDate(const std::string& s, std::int64_t* days) {
  int y;
  unsigned m, d;
  char tail;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (std::sscanf(s.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return false;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const std::int64_t z = DaysFromCivil(y, m, d);
  int y2;
  unsigned m2, d2;
  CivilFromDays(z, &y2, &m2, &d2);
  if (y2 != y || m2 != m || d2 != d) return false;  // 2026-02-30 and the like
  *days = z;
  return true;
}

Micros DateToMicros(const std::string& date) {
  std::int64_t days = 0;
  ParseDate(date, &days);
  return days * kMicrosPerDay;
}

Micros ParseRfc3339(const std::string& s) {
  std::int64_t days = 0;
  if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s.back() != 'Z' ||
      !ParseDate(s.substr(0, 10), &days)) {
    throw std::invalid_argument("timestamp " + s);
  }
  Micros t = DateToMicros(s.substr(0, 10));
  t += (std::stoll(s.substr(11, 2)) * 3600 + std::stoll(s.substr(14, 2)) * 60 + std::stoll(s.substr(17, 2))) *
       1000000LL;
  if (s.size() > 20) {
    if (s[19] != '.' || s.size() > 27) throw std::invalid_argument("timestamp " + s);
    std::string frac = s.substr(20, s.size() - 21);
    frac.resize(6, '0');
    t += std::stoll(frac);
  }
  return t;
}

std::optional<Micros> ParseDateTime(const std::string& s) {
  std::int64_t days = 0;
  if (s.size() < 20 || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':' ||
      !ParseDate(s.substr(0, 10), &days)) {
    return std::nullopt;
  }
  const auto digits = [&s](std::size_t at, std::size_t n, int max, int* out) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return v <= max;
  };
  int hh = 0, mm = 0, ss = 0;
  if (!digits(11, 2, 23, &hh) || !digits(14, 2, 59, &mm) || !digits(17, 2, 59, &ss)) return std::nullopt;
  Micros t = DateToMicros(s.substr(0, 10)) + (hh * 3600LL + mm * 60LL + ss) * 1'000'000LL;
  std::size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    std::size_t n = 0;
    Micros frac = 0;
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++n) {
      if (n < 6) frac = frac * 10 + (s[i] - '0');
    }
    if (n == 0 || n > 9) return std::nullopt;
    for (; n < 6; ++n) frac *= 10;
    t += frac;
  }
  if (i + 1 == s.size() && (s[i] == 'Z' || s[i] == 'z')) return t;
  int oh = 0, om = 0;
  if (i + 6 != s.size() || (s[i] != '+' && s[i] != '-') || s[i + 3] != ':' || !digits(i + 1, 2, 23, &oh) ||
      !digits(i + 4, 2, 59, &om)) {
    return std::nullopt;
  }
  const Micros offset = (oh * 3600LL + om * 60LL) * 1'000'000LL;
  return s[i] == '+' ? t - offset : t + offset;
}

}  // namespace istihdam

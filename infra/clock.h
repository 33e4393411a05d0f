#pragma once
// Time as a dependency: code that needs "now" takes a Clock&, so tests can fix it.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace istihdam {

// Microseconds since the Unix epoch, UTC.
using Micros = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Micros Now() const = 0;
};

// The machine's real-time clock. Thread-safe.
class SystemClock final : public Clock {
 public:
  Micros Now() const override;
  static SystemClock& Instance();
};

// A clock tests set by hand. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Micros now) : now_(now) {}
  Micros Now() const override { return now_.load(); }
  void Set(Micros now) { now_.store(now); }
  void Advance(Micros delta) { now_.fetch_add(delta); }

 private:
  std::atomic<Micros> now_;
};

// For end-to-end tests of date windows only (the hidden `serve --clock-file`): "now" is 12:00
// UTC of the date ("YYYY-MM-DD") written in the file, read again on every call, so a test moves
// the server's calendar by rewriting the file. Falls back to the system clock while the file
// is missing or malformed. Thread-safe.
class FileClock final : public Clock {
 public:
  explicit FileClock(std::string path) : path_(std::move(path)) {}
  Micros Now() const override;

 private:
  std::string path_;
};

// "2026-11-27T02:45:59.123456Z"
std::string FormatRfc3339(Micros t);
// The inverse of FormatRfc3339 (fraction optional, up to 6 digits); throws
// std::invalid_argument when malformed.
Micros ParseRfc3339(const std::string& s);
// An RFC 3339 date-time with seconds and a zone ("2026-12-10T10:30:00+03:00", "…Z"), as
// clients send it; nullopt when malformed or not a real time.
std::optional<Micros> ParseDateTime(const std::string& s);
// "2026-11-27" (UTC date of t)
std::string FormatDate(Micros t);
// Parses "YYYY-MM-DD" into days since the epoch; false when malformed or not a real date.
bool ParseDate(const std::string& s, std::int64_t* days);
// Micros at 00:00 UTC of the given "YYYY-MM-DD"; requires a valid date.
Micros DateToMicros(const std::string& date);

}  // namespace istihdam

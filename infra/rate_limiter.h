#pragma once
// Token buckets by key (client address, TCKN): `per_minute` requests a minute with bursts of
// the same size. In memory, per process. Thread-safe.
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace istihdam {

class RateLimiter {
 public:
  explicit RateLimiter(double per_minute) : per_minute_(per_minute) {}
  // Takes one token for `key`; false (and the seconds until the next token in *retry_after)
  // when there is none. A limit of 0 disables the limiter.
  bool Allow(const std::string& key, int* retry_after = nullptr);

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point at;
  };
  double per_minute_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace istihdam

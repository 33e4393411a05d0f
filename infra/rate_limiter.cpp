#include "infra/rate_limiter.h"

#include <cmath>

namespace istihdam {

bool RateLimiter::Allow(const std::string& key, int* retry_after) {
  if (per_minute_ <= 0) return true;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  if (buckets_.size() > 100'000) {  // forget idle keys; a full bucket and a missing one are alike
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      it = now - it->second.at > std::chrono::minutes(2) ? buckets_.erase(it) : std::next(it);
    }
  }
  auto [it, fresh] = buckets_.try_emplace(key, Bucket{per_minute_, now});
  Bucket& b = it->second;
  const double elapsed = std::chrono::duration<double>(now - b.at).count();
  b.tokens = std::min(per_minute_, b.tokens + elapsed * per_minute_ / 60.0);
  b.at = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  if (retry_after) *retry_after = static_cast<int>(std::ceil((1.0 - b.tokens) * 60.0 / per_minute_));
  return false;
}

}  // namespace istihdam

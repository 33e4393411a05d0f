#include "http/as_of.h"

#include <charconv>

#include "http/app.h"
#include "infra/clock.h"
#include "infra/database.h"

namespace istihdam::http {

namespace {

Error BadAsOf() { return Error{errc::kInvalidParameter, {{"asOf", "invalid_format"}}, {}}; }

// The last position whose event was recorded at or before `t` (0 when none): a binary search
// over the log, whose recorded times do not decrease with position.
std::uint64_t LastPositionAt(EventSource& log, Micros t) {
  std::uint64_t lo = 0, hi = log.LastPosition();  // answer in [lo, hi]
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo + 1) / 2;
    const auto evs = log.Read(mid, 1);
    if (evs.empty()) throw StoreError("store_corrupted", "position " + std::to_string(mid) + " could not be read");
    if (evs.front().recorded_at <= t) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

}  // namespace

StreamReader& StreamsOf(RequestContext& c) { return c.app.streams(); }

void ReplayAsOf(RequestContext& c, Projector& projector, const std::vector<std::string>& streams,
                std::uint64_t position, ScratchTables* scratch) {
  ReplayWithSnapshots(projector, c.app.streams(), c.app.db(), streams, position, scratch);
}

std::string DayOf(RequestContext& c, std::uint64_t position) {
  const auto evs = c.app.event_log().Read(position, 1);
  if (evs.empty()) throw StoreError("store_corrupted", "position " + std::to_string(position) + " could not be read");
  return FormatDate(evs.front().recorded_at + Micros(c.app.services().config.utc_offset_minutes) * 60'000'000);
}

Result<std::optional<std::uint64_t>> ResolveAsOf(RequestContext& c, const AsOfQuery& q) {
  auto& log = c.app.event_log();
  const std::uint64_t last = log.LastPosition();
  if (!q.as_of) {
    if (c.session && c.session->IsStaff() && StaffRoleOf(c.session->actor_type) == StaffRole::kAuditor) {
      return std::optional<std::uint64_t>(last);
    }
    return std::optional<std::uint64_t>();
  }
  const std::string& text = *q.as_of;
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || n == 0) return BadAsOf();
    return std::optional<std::uint64_t>(std::min(n, last));
  }
  const auto instant = ParseDateTime(text);
  if (!instant) return BadAsOf();
  return std::optional<std::uint64_t>(LastPositionAt(log, *instant));
}

}  // namespace istihdam::http

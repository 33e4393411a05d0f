#include "commands/session.h"

#include "aggregates/authorized_users.h"

namespace istihdam {

namespace {

// Whether a cached resolution still decides this request (commands/session_cache.h).
bool StillValid(Services& s, const CachedSession& c, std::uint64_t epoch, const std::string& today) {
  if (c.epoch != epoch) return false;
  if (c.session.IsStaff() || c.session.IsIndividual()) return true;
  return c.day == today && s.reader->StreamVersion("employer-" + c.session.employer_id) == c.employer_version;
}

}  // namespace

std::optional<Session> ResolveSession(Services& s, const std::string& token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  const std::string key = SessionKey(token);
  const Micros now = s.clock->Now();
  const std::string today = s.Today();
  // Read before the row, so that a removal committed after this point changes it.
  const std::uint64_t epoch = s.session_epoch ? s.session_epoch() : 0;
  if (s.session_epoch) {
    if (auto hit = s.session_cache.Find(key); hit && StillValid(s, *hit, epoch, today)) {
      if (hit->session.expires_at <= now) return std::nullopt;
      return hit->session;
    }
  }
  std::string bytes;
  if (!s.find_session(key, &bytes)) return std::nullopt;
  auto session = DecodeSession(bytes);
  if (!session || session->expires_at <= now) return std::nullopt;
  std::uint64_t employer_version = 0;
  if (!session->IsStaff() && !session->IsIndividual()) {
    const auto employer = s.employers.Load("employer-" + session->employer_id);
    const auto m = MembershipOf(employer.state, session->user_id, today);
    if (!m) return std::nullopt;
    session->actor_type = m->actor_type;
    session->admin = m->admin;
    session->permissions = m->permissions;
    employer_version = employer.version;
  }
  if (s.session_epoch) s.session_cache.Keep(key, CachedSession{*session, epoch, employer_version, today});
  return session;
}

}  // namespace istihdam

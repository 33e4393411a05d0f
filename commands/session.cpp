#include "commands/session.h"

#include "aggregates/authorized_users.h"

namespace istihdam {

std::optional<Session> ResolveSession(Services& s, const std::string& token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  std::string bytes;
  if (!s.find_session(SessionKey(token), &bytes)) return std::nullopt;
  auto session = DecodeSession(bytes);
  if (!session || session->expires_at <= s.clock->Now()) return std::nullopt;
  if (!session->IsStaff() && !session->IsIndividual()) {
    const auto employer = s.employers.Load("employer-" + session->employer_id).state;
    const auto m = MembershipOf(employer, session->user_id, s.Today());
    if (!m) return std::nullopt;
    session->actor_type = m->actor_type;
    session->admin = m->admin;
    session->permissions = m->permissions;
  }
  return session;
}

}  // namespace istihdam

#include "commands/session_revocation.h"

#include <algorithm>
#include <cstring>

#include <boost/json.hpp>

#include "events/identity.h"
#include "infra/crypto.h"

namespace istihdam {

namespace {
constexpr std::size_t kBatch = 256;

// The hex form of a row key (what SessionHash(token) gives for its token).
std::string HexOfKey(const std::string& key) {
  crypto::Digest d{};
  std::memcpy(d.data(), key.data(), std::min(key.size(), d.size()));
  return crypto::ToHex(d);
}

}  // namespace

Result<std::size_t> HandleRevokeSessions(Services& s, const CommandEnv& env, const std::vector<SessionRow>& rows) {
  std::size_t ended = 0;
  for (std::size_t first = 0; first < rows.size(); first += kBatch) {
    const std::size_t last = std::min(rows.size(), first + kBatch);
    auto res = Execute(s, env, "RevokeSessions", [&]() -> Result<Decision> {
      Decision d;
      for (std::size_t i = first; i < last; ++i) {
        const auto& [key, session] = rows[i];
        const std::string hash = HexOfKey(key);
        const std::string stream = (session.IsStaff() ? "staff-" : "user-") + session.user_id;
        AddEvent(d.append, stream, ExpectedVersion::Any(),
                 events::UserLoggedOut{session.user_id, hash.substr(0, 16), hash});
        d.extra.push_back(s.tables.sessions.Remove(key));
      }
      d.reply = [](const AppendResult&) { return Outcome{boost::json::object{}}; };
      return d;
    });
    if (!res.ok()) return res.error();
    ended += last - first;
  }
  return ended;
}

}  // namespace istihdam

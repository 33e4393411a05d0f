#include "projections/replica_sessions.h"

#include <spdlog/spdlog.h>

#include "events/identity.h"
#include "projections/session_record.h"

namespace istihdam {

namespace {

// "ab01…" (64 hex digits) to the 32 raw bytes of SessionKey; "" when malformed.
std::string RawKey(const std::string& hex) {
  if (hex.size() != 64 || hex.find_first_not_of("0123456789abcdef") != std::string::npos) return "";
  std::string out(32, '\0');
  for (std::size_t i = 0; i < 32; ++i) out[i] = static_cast<char>(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
  return out;
}

class ReplicaSessionsProjector final : public Projector {
 public:
  std::string name() const override { return kReplicaSessionsProjection; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::UserLoggedIn, events::UserLoggedOut>(); }
  std::vector<std::string> tables() const override { return {kReplicaSessionsTable}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    if (e.type == events::UserLoggedIn::kType) {
      const auto in = events::DecodePayload<events::UserLoggedIn>(e.payload);
      const auto key = RawKey(in.token_hash);
      if (key.empty()) return;  // version 1: the replica cannot know the token
      Session s;
      s.user_id = in.user_id;
      s.employer_id = in.employer_id;
      s.actor_type = in.actor_type;
      s.province = in.province;
      try {
        s.expires_at = ParseRfc3339(in.expires_at);
      } catch (const std::exception&) {
        spdlog::warn("replica sessions: position {}: bad expiresAt {}", e.position, in.expires_at);
        return;
      }
      // Roles and permissions of employer users are read again from the employer's stream on
      // every request (ResolveSession), exactly as on the write node.
      b.Put(kReplicaSessionsTable, key, EncodeSession(s));
    } else if (e.type == events::UserLoggedOut::kType) {
      const auto out = events::DecodePayload<events::UserLoggedOut>(e.payload);
      const auto key = RawKey(out.token_hash);
      if (!key.empty()) b.Delete(kReplicaSessionsTable, key);
    }
  }
};

}  // namespace

std::unique_ptr<Projector> MakeReplicaSessionsProjector() { return std::make_unique<ReplicaSessionsProjector>(); }

}  // namespace istihdam

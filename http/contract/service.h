#pragma once
// Service — /health and /health/live (docs/api.md "Health"): the answers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/wire.h"

namespace istihdam::http::contract::service {

using wire::F;

inline constexpr const char* kStates[] = {"ok", "stalled"};

struct ProjectionHealthDoc {
  std::string name, state;
  std::uint64_t position = 0, lag = 0;
  std::optional<std::string> error;
  template <class A>
  void serialize(A& ar) {
    ar(F("name", name), F("position", position), F("lag", lag), F("state", state).oneOf(kStates), F("error", error));
  }
};

struct RelayHealthDoc {
  std::uint64_t position = 0, lag = 0;
  std::string state;
  std::optional<std::string> error;
  template <class A>
  void serialize(A& ar) {
    ar(F("position", position), F("lag", lag), F("state", state).oneOf(kStates), F("error", error));
  }
};

// What /health says (docs/api.md "Health"): degraded when writes fail, a projection is
// stalled or the Kafka relay cannot read the log. Lag alone is reported, not judged.
struct HealthDoc {
  std::string status = "ok", writes = "ok";
  std::uint64_t position = 0;
  std::optional<std::string> write_error, role;
  std::vector<ProjectionHealthDoc> projections;
  std::optional<RelayHealthDoc> relay;
  std::optional<std::uint64_t> read_model_position, replica_lag_messages, published_position, publish_lag;
  template <class A>
  void serialize(A& ar) {
    ar(F("status", status).required().oneOf({"ok", "degraded"}), F("position", position).required(),
       F("writes", writes).required().oneOf({"ok", "failed"}), F("writeError", write_error),
       F("projections", projections), F("relay", relay), F("role", role).oneOf({"read"}),
       F("readModelPosition", read_model_position), F("replicaLagMessages", replica_lag_messages),
       F("publishedPosition", published_position), F("publishLag", publish_lag));
  }
};

struct LiveDoc {
  std::string status = "live";
  template <class A>
  void serialize(A& ar) {
    ar(F("status", status).oneOf({"live"}));
  }
};

}  // namespace istihdam::http::contract::service

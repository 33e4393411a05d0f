#include "events/event_registry.h"

#include <boost/json.hpp>

namespace istihdam::events {

const EventTypeInfo* EventRegistry::Find(const std::string& type) const {
  auto it = types_.find(type);
  return it == types_.end() ? nullptr : &it->second;
}

boost::json::object EventRegistry::ToJson(const RecordedEvent& e) const {
  boost::json::object o;
  o["position"] = e.position;
  o["streamId"] = e.stream;
  o["version"] = e.version;
  o["eventId"] = e.event_id;
  o["type"] = e.type;
  o["schemaVersion"] = e.schema_version;
  o["recordedAt"] = FormatRfc3339(e.recorded_at);
  boost::json::object actor;
  actor["userId"] = e.meta.actor.user_id;
  actor["actorType"] = e.meta.actor.actor_type;
  actor["employerId"] = e.meta.actor.employer_id;
  o["actor"] = std::move(actor);
  o["correlationId"] = e.meta.correlation_id;
  o["causationId"] = e.meta.causation_id;
  if (!e.meta.idempotency_key.empty()) o["idempotencyKey"] = e.meta.idempotency_key;
  if (const auto* info = Find(e.type)) {
    o["data"] = info->to_json(e.payload);
  } else {
    o["data"] = nullptr;  // a type this build does not know (written by a newer one)
  }
  o["hash"] = crypto::ToHex(e.hash);
  o["prevHash"] = crypto::ToHex(e.prev_hash);
  return o;
}

}  // namespace istihdam::events

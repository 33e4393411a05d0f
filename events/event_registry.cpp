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
  // Envelope text of events written before the log refused bad text: shown as U+FFFD.
  const auto text = [](const std::string& s) { return ToValidUtf8Logged(s, "events"); };
  o["streamId"] = text(e.stream);
  o["version"] = e.version;
  o["eventId"] = text(e.event_id);
  const bool redacted = std::string_view(e.type).substr(0, kRedactedPrefix.size()) == kRedactedPrefix;
  o["type"] = redacted ? text(e.type.substr(kRedactedPrefix.size())) : text(e.type);
  o["schemaVersion"] = e.schema_version;
  o["recordedAt"] = FormatRfc3339(e.recorded_at);
  boost::json::object actor;
  actor["userId"] = text(e.meta.actor.user_id);
  actor["actorType"] = text(e.meta.actor.actor_type);
  actor["employerId"] = text(e.meta.actor.employer_id);
  o["actor"] = std::move(actor);
  o["correlationId"] = text(e.meta.correlation_id);
  o["causationId"] = text(e.meta.causation_id);
  if (!e.meta.idempotency_key.empty()) o["idempotencyKey"] = text(e.meta.idempotency_key);
  if (redacted) {
    o["data"] = boost::json::object();  // a read replica's copy of a confidential event
  } else if (const auto* info = Find(e.type)) {
    o["data"] = info->to_json(e.payload);
  } else {
    o["data"] = nullptr;  // a type this build does not know (written by a newer one)
  }
  o["hash"] = crypto::ToHex(e.hash);
  o["prevHash"] = crypto::ToHex(e.prev_hash);
  if (redacted) o["redacted"] = true;
  return o;
}

namespace {

std::optional<std::string> FindInvalidEnvelopeText(const std::string& stream, const std::string& type,
                                                   const EventMetadata& meta) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"streamId", &stream},
      {"type", &type},
      {"actor.userId", &meta.actor.user_id},
      {"actor.actorType", &meta.actor.actor_type},
      {"actor.employerId", &meta.actor.employer_id},
      {"correlationId", &meta.correlation_id},
      {"causationId", &meta.causation_id},
      {"idempotencyKey", &meta.idempotency_key},
  };
  for (const auto& [name, value] : fields) {
    if (!IsAcceptableText(*value, TextKind::kLine)) return name;
  }
  return std::nullopt;
}

std::optional<std::string> FindInvalidPayloadText(const EventTypeInfo* info, const std::string& payload) {
  if (!info) return std::nullopt;
  try {
    if (auto path = info->find_invalid_text(payload)) return "data." + *path;
  } catch (const std::exception&) {
    return "data";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> EventRegistry::FindInvalidText(const RecordedEvent& e) const {
  if (auto f = FindInvalidEnvelopeText(e.stream, e.type, e.meta)) return f;
  if (!IsAcceptableText(e.event_id, TextKind::kLine)) return "eventId";
  return FindInvalidPayloadText(Find(e.type), e.payload);
}

std::optional<std::string> EventRegistry::FindInvalidText(const std::string& stream, const NewEvent& e,
                                                          const EventMetadata& meta) const {
  if (auto f = FindInvalidEnvelopeText(stream, e.type, meta)) return f;
  return FindInvalidPayloadText(Find(e.type), e.payload);
}

}  // namespace istihdam::events

namespace istihdam::events {

namespace {

crypto::Digest ParseDigest(const std::string& hex) {
  crypto::Digest d{};
  if (hex.size() != 64) throw std::invalid_argument("digest " + hex);
  for (std::size_t i = 0; i < 32; ++i) d[i] = static_cast<std::uint8_t>(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
  return d;
}

std::string Str(const boost::json::object& o, const char* key) { return std::string(o.at(key).as_string()); }

}  // namespace

Result<RecordedEvent> EventRegistry::FromJson(const boost::json::object& o) const {
  try {
    RecordedEvent e;
    e.type = Str(o, "type");
    const auto* info = Find(e.type);
    e.position = o.at("position").to_number<std::uint64_t>();
    e.stream = Str(o, "streamId");
    e.version = o.at("version").to_number<std::uint64_t>();
    e.event_id = Str(o, "eventId");
    e.schema_version = o.at("schemaVersion").to_number<std::uint32_t>();
    e.recorded_at = ParseRfc3339(Str(o, "recordedAt"));
    const auto& actor = o.at("actor").as_object();
    e.meta.actor.user_id = Str(actor, "userId");
    e.meta.actor.actor_type = Str(actor, "actorType");
    e.meta.actor.employer_id = Str(actor, "employerId");
    e.meta.correlation_id = Str(o, "correlationId");
    e.meta.causation_id = Str(o, "causationId");
    if (o.contains("idempotencyKey")) e.meta.idempotency_key = Str(o, "idempotencyKey");
    const auto* redacted = o.if_contains("redacted");
    if (redacted && redacted->is_bool() && redacted->as_bool()) {
      e.type = std::string(kRedactedPrefix) + e.type;  // the content is on the confidential topic only
    } else if (info) {
      // A type this build does not know keeps an empty payload: projectors skip it.
      e.payload = info->from_json(o.at("data").as_object());
    }
    e.hash = ParseDigest(Str(o, "hash"));
    e.prev_hash = ParseDigest(Str(o, "prevHash"));
    return e;
  } catch (const std::exception& ex) {
    return Error::Of("malformed_event", ex.what());
  }
}

namespace {

void Pretty(std::string& out, const boost::json::value& v, int indent) {
  const std::string pad(indent, ' ');
  if (v.is_object() && !v.as_object().empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& [k, x] : v.as_object()) {
      if (!first) out += ",\n";
      first = false;
      out += pad + "  " + boost::json::serialize(boost::json::string(k)) + ": ";
      Pretty(out, x, indent + 2);
    }
    out += "\n" + pad + "}";
  } else {
    out += boost::json::serialize(v);
  }
}

}  // namespace

std::string EventSchemasMarkdown(const EventRegistry& registry) {
  std::string out =
      "# Event schemas\n\n"
      "Generated from the code by `istihdam schemas > docs/event-schemas.md`; a test fails when\n"
      "this file and the code disagree. Each block is the JSON Schema of the `data` member of the\n"
      "event envelope (docs/events.md) for one event type, at its current schema version.\n"
      "Fields marked `\"x-pii\": true` hold personal data.\n";
  for (const auto& [type, info] : registry.all()) {
    boost::json::object schema = info.schema();
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
    schema["title"] = type;
    schema["x-schemaVersion"] = info.schema_version;
    out += "\n## " + type + " (schemaVersion " + std::to_string(info.schema_version) + ")\n\n```json\n";
    Pretty(out, schema, 0);
    out += "\n```\n";
  }
  return out;
}

}  // namespace istihdam::events

#pragma once
// Every event type the system knows, by its stable name: how to show its payload as JSON.
// Filled once at start-up by the bounded contexts (http/contexts.cpp), read-only afterwards.
#include <boost/json/object.hpp>

#include <functional>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "events/codec.h"
#include "events/json_reader.h"
#include "events/text_check.h"
#include "infra/result.h"

namespace istihdam::events {

struct EventTypeInfo {
  std::string type;
  std::uint32_t schema_version = 1;
  std::function<boost::json::object(const std::string& payload)> to_json;
  // The inverse of to_json: "data" back to payload bytes (the read replica). Throws
  // std::invalid_argument / std::out_of_range / boost::system::system_error on bad JSON.
  std::function<std::string(const boost::json::object& data)> from_json;
  // The JSON Schema of "data" (docs/events.md).
  std::function<boost::json::object()> schema;
  // events::FindInvalidText of the decoded payload: the path of its first bad string field.
  // Throws cereal::Exception on a payload that does not decode.
  std::function<std::optional<std::string>(const std::string& payload)> find_invalid_text;
};

class EventRegistry {
 public:
  template <class Variant>
  void Register() {
    RegisterAll<Variant>(std::make_index_sequence<std::variant_size_v<Variant>>());
  }
  const EventTypeInfo* Find(const std::string& type) const;
  const std::map<std::string, EventTypeInfo>& all() const { return types_; }

  // The event as API.md's event history shows it: envelope fields plus "data".
  boost::json::object ToJson(const RecordedEvent& e) const;
  // The inverse of ToJson: error "malformed_event". A type this build does not know gets an
  // empty payload (projectors skip unknown types). The payload is re-encoded at the current schema version, so the hash
  // chain is not re-verifiable from it (hash/prevHash are carried over as shown).
  // A redacted record ("redacted": true, "data": {}: a confidential stream's event as the
  // general Kafka topic carries it) becomes an event of type kRedactedPrefix + its type, with an
  // empty payload, at its position: no projector or aggregate knows that type, so it is a no-op
  // that keeps the replica's positions gap-free; ToJson shows it as the redacted record again.
  Result<RecordedEvent> FromJson(const boost::json::object& o) const;
  static constexpr std::string_view kRedactedPrefix = "Redacted:";

  // The first field of `e` whose text is not valid UTF-8 or holds a control character other
  // than tab/LF/CR (events/text_check.h), named as ToJson shows it: "streamId",
  // "actor.userId", "data.personnelMovements[2].firstName"… nullopt when every string is
  // acceptable. A payload of an unknown type is not looked into; one that does not decode
  // is reported as "data". Used by the command pipeline before appending (only stream, type,
  // metadata and payload are looked at there) and by `istihdam verify` on stored events.
  std::optional<std::string> FindInvalidText(const RecordedEvent& e) const;
  // The same for one event about to be appended to `stream`.
  std::optional<std::string> FindInvalidText(const std::string& stream, const NewEvent& e,
                                             const EventMetadata& meta) const;

 private:
  template <class Variant, std::size_t... I>
  void RegisterAll(std::index_sequence<I...>) {
    (Add<std::variant_alternative_t<I, Variant>>(), ...);
  }
  template <class E>
  void Add() {
    types_[E::kType] = EventTypeInfo{E::kType, SchemaVersion<E>(), [](const std::string& p) {
                                       return events::ToJson(DecodePayload<E>(p));
                                     },
                                     [](const boost::json::object& data) {
                                       return Encode(events::FromJson<E>(data)).payload;
                                     },
                                     [] { return JsonSchemaWriter::SchemaOf<E>(); },
                                     [](const std::string& p) {
                                       return events::FindInvalidText(DecodePayload<E>(p));
                                     }};
  }
  std::map<std::string, EventTypeInfo> types_;
};

// docs/event-schemas.md: for every registered type, the JSON Schema of its "data" (what
// `istihdam schemas` prints; tests/kafka/schema_doc_test.cpp checks the file against it).
std::string EventSchemasMarkdown(const EventRegistry& registry);

}  // namespace istihdam::events

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

namespace istihdam::events {

struct EventTypeInfo {
  std::string type;
  std::uint32_t schema_version = 1;
  std::function<boost::json::object(const std::string& payload)> to_json;
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

 private:
  template <class Variant, std::size_t... I>
  void RegisterAll(std::index_sequence<I...>) {
    (Add<std::variant_alternative_t<I, Variant>>(), ...);
  }
  template <class E>
  void Add() {
    types_[E::kType] = EventTypeInfo{E::kType, SchemaVersion<E>(), [](const std::string& p) {
                                       return events::ToJson(DecodePayload<E>(p));
                                     }};
  }
  std::map<std::string, EventTypeInfo> types_;
};

}  // namespace istihdam::events

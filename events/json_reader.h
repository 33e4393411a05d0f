#pragma once
// The inverse of codec.h's JsonWriter: rebuilds a typed event from its JSON view, so that a
// consumer of the Kafka topic (the read replica) gets the same typed events, and so the same
// payload bytes, as the node that wrote them. Also JsonSchemaWriter: the JSON Schema of an
// event's "data", derived from the same serialize() (docs/events.md).
//
// Both walk serialize(ar, SchemaVersion<E>()), i.e. the current version's fields, which is
// exactly what JsonWriter shows for events of any stored version.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>

#include <stdexcept>
#include <string>
#include <type_traits>

#include "events/codec.h"

namespace istihdam::events {

// Reads fields out of a JSON object. Throws std::invalid_argument when a field is missing or
// has the wrong JSON type.
class JsonReader {
 public:
  explicit JsonReader(const boost::json::object& obj) : obj_(obj) {}

  template <class... Ts>
  void operator()(Ts&&... fields) {
    (Field(fields), ...);
  }

  template <class T>
  static void Read(const boost::json::value& v, T& out);

 private:
  template <class T>
  void Field(const cereal::NameValuePair<T>& nvp) {
    std::string name = nvp.name;
    if (!name.empty() && name[0] == '*') name.erase(0, 1);
    const auto* v = obj_.if_contains(name);
    if (!v) throw std::invalid_argument("missing field " + name);
    Read(*v, nvp.value);
  }

  const boost::json::object& obj_;
};

template <class T>
void JsonReader::Read(const boost::json::value& v, T& out) {
  using U = std::remove_cvref_t<T>;
  if constexpr (std::is_same_v<U, bool>) {
    out = v.as_bool();
  } else if constexpr (std::is_integral_v<U>) {
    out = static_cast<U>(v.to_number<std::int64_t>());
  } else if constexpr (std::is_floating_point_v<U>) {
    out = static_cast<U>(v.to_number<double>());
  } else if constexpr (std::is_same_v<U, std::string>) {
    out = std::string(v.as_string());
  } else if constexpr (requires {
                         typename U::value_type;
                         out.has_value();
                       }) {  // optional
    if (v.is_null()) {
      out.reset();
    } else {
      typename U::value_type x{};
      Read(v, x);
      out = std::move(x);
    }
  } else if constexpr (requires {
                         typename U::value_type;
                         out.begin();
                         out.push_back({});
                       }) {
    out.clear();
    for (const auto& item : v.as_array()) {
      typename U::value_type x{};
      Read(item, x);
      out.push_back(std::move(x));
    }
  } else {
    JsonReader nested(v.as_object());
    out.serialize(nested, SchemaVersion<U>());
  }
}

template <class E>
E FromJson(const boost::json::object& data) {
  E e{};
  JsonReader r(data);
  e.serialize(r, SchemaVersion<E>());
  return e;
}

// Writes the JSON Schema (draft 2020-12 vocabulary) of a serialize().
class JsonSchemaWriter {
 public:
  template <class... Ts>
  void operator()(Ts&&... fields) {
    (Field(fields), ...);
  }

  template <class T>
  static boost::json::object SchemaOf();

  boost::json::object Object() {
    boost::json::object o;
    o["type"] = "object";
    o["properties"] = std::move(props_);
    o["required"] = std::move(required_);
    o["additionalProperties"] = false;
    return o;
  }

 private:
  template <class T>
  void Field(const cereal::NameValuePair<T>& nvp) {
    std::string name = nvp.name;
    boost::json::object s = SchemaOf<std::remove_cvref_t<T>>();
    if (!name.empty() && name[0] == '*') {
      name.erase(0, 1);
      s["x-pii"] = true;
    }
    props_[name] = std::move(s);
    required_.push_back(boost::json::string(name));
  }

  boost::json::object props_;
  boost::json::array required_;
};

template <class T>
boost::json::object JsonSchemaWriter::SchemaOf() {
  using U = std::remove_cvref_t<T>;
  boost::json::object s;
  if constexpr (std::is_same_v<U, bool>) {
    s["type"] = "boolean";
  } else if constexpr (std::is_integral_v<U>) {
    s["type"] = "integer";
  } else if constexpr (std::is_floating_point_v<U>) {
    s["type"] = "number";
  } else if constexpr (std::is_same_v<U, std::string>) {
    s["type"] = "string";
  } else if constexpr (requires(U u) {
                         typename U::value_type;
                         u.has_value();
                       }) {
    s = SchemaOf<typename U::value_type>();
    boost::json::array types;
    types.push_back(s["type"]);
    types.push_back("null");
    s["type"] = std::move(types);
  } else if constexpr (requires(U u) {
                         typename U::value_type;
                         u.begin();
                       }) {
    s["type"] = "array";
    s["items"] = SchemaOf<typename U::value_type>();
  } else {
    JsonSchemaWriter nested;
    U u{};
    u.serialize(nested, SchemaVersion<U>());
    s = nested.Object();
  }
  return s;
}

}  // namespace istihdam::events

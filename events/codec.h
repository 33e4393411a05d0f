#pragma once
// Typed events <-> stored bytes (cereal portable binary, with class versions) and the JSON
// view used by the API, the event dump and Kafka (docs/events.md).
//
// An event type is a struct with
//   static constexpr const char* kType = "EmployerRegistered";  // stable name, never reused
//   template <class A> void serialize(A& ar, std::uint32_t version) { ar(F("employerId", id), ...); }
// and CEREAL_CLASS_VERSION(Type, n) when n > 1. Fields holding personal data (TCKN, names,
// addresses, phone, e-mail) are declared with PII(...) instead of F(...).
#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <boost/json/value.hpp>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "events/payload_reader.h"
#include "infra/event_record.h"
#include "infra/text.h"

// Strings, vectors and bools in the portable binary form. Strings and vectors are read in bounded steps: a corrupt length
// fails at the end of the input (cereal::Exception) instead of first allocating what it
// claims (cereal's own loads resize to the stored length up front: a flipped length byte
// asked for gigabytes). The bytes are the same as cereal's. Found by tests/fuzz/ (event).
// Found by argument-dependent lookup, and preferred over cereal's templates (more specialized).
namespace cereal {

inline void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar, std::string& str) {
  size_type size = 0;
  ar(make_size_tag(size));
  str.clear();
  constexpr size_type kStep = 64 * 1024;
  while (size > 0) {
    const size_type n = size < kStep ? size : kStep;
    const std::size_t at = str.size();
    str.resize(at + static_cast<std::size_t>(n));
    ar(binary_data(str.data() + at, static_cast<std::size_t>(n)));
    size -= n;
  }
}

// A bool is one byte, 0 or 1; any other byte is a corrupt payload (loading it as it is would
// make a bool that is neither, which is undefined behaviour to read).
inline void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar, bool& b) {
  std::uint8_t byte = 0;
  ar(binary_data(&byte, 1));
  if (byte > 1) throw Exception("invalid bool byte " + std::to_string(byte));
  b = byte == 1;
}

template <class T, class A>
void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar, std::vector<T, A>& vec) {
  static_assert(!std::is_same_v<T, bool>, "std::vector<bool> is not bounded here");
  size_type size = 0;
  ar(make_size_tag(size));
  vec.clear();
  for (size_type i = 0; i < size; ++i) {
    vec.emplace_back();
    ar(vec.back());
  }
}

}  // namespace cereal

namespace istihdam::events {

// A named field. The name is the camelCase JSON name.
template <class T>
cereal::NameValuePair<T&> F(const char* name, T& value) {
  return cereal::make_nvp(name, value);
}
// A named field holding personal data: the name carries a leading '*' that the JSON view
// strips and records (docs/events.md lists them; a later erasure scheme will use it).
template <class T>
cereal::NameValuePair<T&> PII(const char* starred_name, T& value) {
  return cereal::make_nvp(starred_name, value);
}

template <class E>
constexpr std::uint32_t SchemaVersion() {
  return cereal::detail::Version<E>::version == 0 ? 1 : cereal::detail::Version<E>::version;
}

template <class E>
NewEvent Encode(const E& e) {
  std::ostringstream os;
  {
    cereal::PortableBinaryOutputArchive ar(os);
    ar(e);
  }
  return NewEvent{E::kType, SchemaVersion<E>(), std::move(os).str()};
}

// Decodes a payload written by any schema version of E (older ones are upcast by E's
// serialize), in place (events/payload_reader.h). Throws cereal::Exception on malformed bytes.
template <class E>
E DecodePayload(std::string_view payload) {
  cereal::PayloadReader ar(payload);
  E e{};
  ar(e);
  return e;
}

// Decodes a payload of type `type` into the first alternative of Variant whose kType matches;
// nullopt when none does.
template <class Variant, std::size_t I = 0>
std::optional<Variant> Decode(std::string_view type, std::string_view payload) {
  if constexpr (I == std::variant_size_v<Variant>) {
    return std::nullopt;
  } else {
    using E = std::variant_alternative_t<I, Variant>;
    if (type == E::kType) return Variant(DecodePayload<E>(payload));
    return Decode<Variant, I + 1>(type, payload);
  }
}

// Decodes a recorded event into the first alternative of Variant whose kType matches;
// nullopt when none does.
template <class Variant>
std::optional<Variant> Decode(const RecordedEvent& rec) {
  return Decode<Variant>(std::string_view(rec.type), std::string_view(rec.payload));
}

template <class T>
struct IsVariant : std::false_type {};
template <class... Ts>
struct IsVariant<std::variant<Ts...>> : std::true_type {};

// The stable names of Ts, in order: of an event type its kType, of a variant of event types
// every alternative's. What a projector decoding them handles (Projector::event_types()).
template <class... Ts>
std::vector<std::string> TypesOf() {
  std::vector<std::string> out;
  const auto add = [&out]<class T>(std::type_identity<T>) {
    if constexpr (IsVariant<T>::value) {
      [&out]<std::size_t... I>(std::index_sequence<I...>) {
        (out.emplace_back(std::variant_alternative_t<I, T>::kType), ...);
      }(std::make_index_sequence<std::variant_size_v<T>>());
    } else {
      out.emplace_back(T::kType);
    }
  };
  (add(std::type_identity<Ts>{}), ...);
  return out;
}

template <class Variant>
NewEvent EncodeVariant(const Variant& v) {
  return std::visit([](const auto& e) { return Encode(e); }, v);
}

// ----- JSON view -----------------------------------------------------------------------

// A write-only "archive" that turns a serialize() into a boost::json object.
class JsonWriter {
 public:
  explicit JsonWriter(std::vector<std::string>* pii = nullptr, std::string prefix = "")
      : pii_(pii), prefix_(std::move(prefix)) {}

  template <class... Ts>
  void operator()(Ts&&... fields) {
    (Field(fields), ...);
  }
  boost::json::object& object() { return obj_; }

  template <class T>
  boost::json::value ToJson(const T& v);

 private:
  template <class T>
  void Field(const cereal::NameValuePair<T>& nvp) {
    std::string name = nvp.name;
    if (!name.empty() && name[0] == '*') {
      name.erase(0, 1);
      if (pii_ && std::find(pii_->begin(), pii_->end(), prefix_ + name) == pii_->end()) {
        pii_->push_back(prefix_ + name);
      }
    }
    JsonWriter child(pii_, prefix_ + name + ".");
    obj_[name] = child.ToJson(nvp.value);
  }

  std::vector<std::string>* pii_;
  std::string prefix_;
  boost::json::object obj_;
};

template <class T>
boost::json::value JsonWriter::ToJson(const T& v) {
  using U = std::remove_cvref_t<T>;
  if constexpr (std::is_same_v<U, bool>) {
    return boost::json::value(v);
  } else if constexpr (std::is_integral_v<U>) {
    return boost::json::value(static_cast<std::int64_t>(v));
  } else if constexpr (std::is_floating_point_v<U>) {
    return boost::json::value(static_cast<double>(v));
  } else if constexpr (std::is_same_v<U, std::string>) {
    // Events written before the log refused such text may hold bytes that are not UTF-8:
    // the JSON view shows them as U+FFFD, so that it is always valid JSON.
    if (IsValidUtf8(v)) return boost::json::value(boost::json::string_view(v));
    return boost::json::value(ToValidUtf8Logged(v, "events"));
  } else if constexpr (requires { typename U::value_type; v.has_value(); }) {  // optional
    return v ? ToJson(*v) : boost::json::value(nullptr);
  } else if constexpr (requires { typename U::value_type; v.begin(); }) {  // vector
    boost::json::array a;
    for (const auto& x : v) a.push_back(JsonWriter(pii_, prefix_).ToJson(x));
    return a;
  } else {
    JsonWriter nested(pii_, prefix_);
    const_cast<U&>(v).serialize(nested, SchemaVersion<U>());
    return std::move(nested.object());
  }
}

template <class E>
boost::json::object ToJson(const E& e, std::vector<std::string>* pii = nullptr) {
  JsonWriter w(pii);
  const_cast<E&>(e).serialize(w, SchemaVersion<E>());
  return std::move(w.object());
}

}  // namespace istihdam::events

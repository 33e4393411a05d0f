#pragma once
// The last line of defence before the log: finds the first string field of an event that is
// not valid UTF-8 or holds a control character, by walking the event's serialize() like
// codec.h's JsonWriter does. Execute (commands/command_context.cpp) refuses such an event with
// 422 validation_failed naming the field; `istihdam verify` reports stored ones as warnings.
//
// The check is lenient where the input boundaries are strict: tab, line feed and carriage
// return pass (free-text fields may hold them), everything else of infra/text.h's
// IsAcceptableText applies.
#include <optional>
#include <string>
#include <type_traits>

#include "events/codec.h"
#include "infra/text.h"

namespace istihdam::events {

// A read-only "archive" over serialize() that records the JSON path of the first bad string
// ("personnelMovements[2].firstName"). Stops looking once one is found.
class TextCheckArchive {
 public:
  explicit TextCheckArchive(std::string prefix = "") : prefix_(std::move(prefix)) {}

  template <class... Ts>
  void operator()(Ts&&... fields) {
    (Field(fields), ...);
  }
  const std::optional<std::string>& found() const { return found_; }

  template <class T>
  void Visit(const T& v, const std::string& path);

 private:
  template <class T>
  void Field(const cereal::NameValuePair<T>& nvp) {
    if (found_) return;
    std::string name = nvp.name;
    if (!name.empty() && name[0] == '*') name.erase(0, 1);
    Visit(nvp.value, prefix_ + name);
  }

  std::string prefix_;
  std::optional<std::string> found_;
};

template <class T>
void TextCheckArchive::Visit(const T& v, const std::string& path) {
  using U = std::remove_cvref_t<T>;
  if (found_) return;
  if constexpr (std::is_arithmetic_v<U>) {
    return;
  } else if constexpr (std::is_same_v<U, std::string>) {
    if (!IsAcceptableText(v, TextKind::kMultiline)) found_ = path;
  } else if constexpr (requires { typename U::value_type; v.has_value(); }) {  // optional
    if (v) Visit(*v, path);
  } else if constexpr (requires { typename U::value_type; v.begin(); }) {  // vector
    std::size_t i = 0;
    for (const auto& x : v) Visit(x, path + "[" + std::to_string(i++) + "]");
  } else {
    TextCheckArchive nested(path + ".");
    const_cast<U&>(v).serialize(nested, SchemaVersion<U>());
    found_ = nested.found();
  }
}

// The JSON path of the first string field of `e` that is not acceptable text, or nullopt.
template <class E>
std::optional<std::string> FindInvalidText(const E& e) {
  TextCheckArchive a;
  const_cast<E&>(e).serialize(a, SchemaVersion<E>());
  return a.found();
}

}  // namespace istihdam::events

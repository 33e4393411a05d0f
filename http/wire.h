#pragma once
// The API's typed bodies, query strings and answers (docs/routes.md). A wire type is a struct
// with a serialize() in the style of the events (events/codec.h), whose fields carry what the
// contract says of them:
//
//   struct NewWorkplace {
//     std::string title, address;
//     std::vector<Contact> contacts;
//     template <class A> void serialize(A& ar) {
//       ar(F("title", title).required(), F("address", address).text().required(),
//          F("contacts", contacts));
//     }
//   };
//
// Four archives walk the same serialize(): Reader (JSON -> struct, every wrong type, bad
// text and missing required field of a request at once), Writer (struct -> JSON), SchemaWriter
// (the JSON Schema of /openapi.json) and QueryReader (a query string -> struct). Field types:
// std::string, bool, integers, double, std::optional<T> (absent when empty), std::vector<T>,
// nested wire structs and boost::json::value (any JSON, documented as such).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>

#include <charconv>
#include <cstdint>
#include <limits>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "infra/result.h"
#include "projections/paging.h"
#include "infra/text.h"

namespace istihdam::http::wire {

// Names of reference-data lists whose codes a field takes (the schema's enum is read from the
// loaded data, so it follows a replaced CSV): see Choices.
namespace lists {
inline constexpr const char* kProvinces = "provinces";
inline constexpr const char* kAttendanceTypes = "attendanceTypes";
inline constexpr const char* kExitReasons = "exitReasons";
}  // namespace lists

// A field of a wire struct: its JSON name, the value, and what the contract says of it.
template <class T>
struct Field {
  const char* name;
  T& value;
  bool is_required = false;
  bool checked_by_command = false;  // required, but the command reports it (with its other checks)
  bool is_nullable = false;  // an empty optional is written as null (not left out)
  bool is_text = false;  // free text: tab and line breaks allowed (infra/text.h kMultiline)
  std::span<const char* const> one_of{};
  const char* list = nullptr;  // a lists:: name
  std::optional<std::int64_t> min{}, max{};
  std::optional<std::int64_t> max_length{};
  const char* about = nullptr;
  const char* format = nullptr;

  // Must be present (and, for a string, not empty); a request without it is a 422.
  Field&& required() && { is_required = true; return std::move(*this); }
  // Required, and the command checks it among all its rules: the reader leaves a missing value
  // to it, so that its one 422 names every failing field (a missing one with the others).
  Field&& requiredByCommand() && {
    is_required = checked_by_command = true;
    return std::move(*this);
  }
  Field&& nullable() && {
    is_nullable = true;
    return std::move(*this);
  }
  Field&& text() && { is_text = true; return std::move(*this); }
  Field&& oneOf(std::initializer_list<const char*> values) && {
    one_of = std::span<const char* const>(values.begin(), values.size());
    return std::move(*this);
  }
  Field&& oneOf(std::span<const char* const> values) && { one_of = values; return std::move(*this); }
  Field&& from(const char* list_name) && { list = list_name; return std::move(*this); }
  Field&& range(std::int64_t lo, std::int64_t hi) && { min = lo; max = hi; return std::move(*this); }
  Field&& maxLength(std::int64_t n) && { max_length = n; return std::move(*this); }
  Field&& describe(const char* text) && { about = text; return std::move(*this); }
  Field&& formatted(const char* f) && { format = f; return std::move(*this); }
};

template <class T>
Field<T> F(const char* name, T& value) {
  return Field<T>{name, value};
}

// The codes of a reference list, for the schema's enum; empty when unknown.
using Choices = std::vector<std::string> (*)(const void* source, std::string_view list);
struct ChoiceSource {
  const void* source = nullptr;
  Choices read = nullptr;
  std::vector<std::string> operator()(std::string_view list) const {
    return read ? read(source, list) : std::vector<std::string>{};
  }
};

// No body, no query: the parameter of a handler that takes none.
struct None {
  template <class A>
  void serialize(A&) {}
};

// The base of every query-string struct: a handler parameter of such a type is read from the
// query string, any other from the body.
struct Query {};

template <class T>
concept Optional = requires(T t) {
  typename T::value_type;
  t.has_value();
  t.reset();
};
template <class T>
concept Sequence = !std::is_same_v<T, std::string> && requires(T t) {
  typename T::value_type;
  t.begin();
  t.push_back(std::declval<typename T::value_type>());
};
template <class T>
concept Integer = std::is_integral_v<T> && !std::is_same_v<T, bool>;

// ----- Reader -------------------------------------------------------------------------

// JSON -> T. Strict (a request): every problem becomes a FieldError, named by its dotted path
// ("employer.taxNo", "contacts[1].value"). Lenient (a stored read-model document, a command's
// outcome): wrong or missing values keep the struct's defaults — what is stored is answered —
// and are collected as drift (codes missing, invalid_type) when `errors` is given.
class Reader {
 public:
  Reader(const boost::json::object& obj, std::string prefix, std::vector<FieldError>* errors, bool strict)
      : obj_(obj), prefix_(std::move(prefix)), errors_(errors), strict_(strict) {}

  template <class... Fs>
  void operator()(Fs&&... fields) {
    (Read(fields), ...);
  }

  template <class T>
  void Value(const boost::json::value& v, const std::string& path, T& out, bool text);

 private:
  template <class T>
  void Read(Field<T>& f) {
    const std::string path = prefix_ + f.name;
    const auto* v = obj_.if_contains(f.name);
    const bool check_required = f.is_required && !f.checked_by_command;
    if (!v || v->is_null()) {
      if (strict_ && check_required) Note(path, "required");
      // A document without a field its declared type always has: the type and the code that
      // writes the document have drifted apart (FromDocument reports it).
      if (!strict_ && !Optional<T>) Note(path, "missing");
      return;
    }
    Value(*v, path, f.value, f.is_text);
    if constexpr (std::is_same_v<T, std::string>) {
      if (strict_ && check_required && f.value.find_first_not_of(" \t") == std::string::npos && v->is_string() &&
          IsAcceptableText(f.value, f.is_text ? TextKind::kMultiline : TextKind::kLine)) {
        Note(path, "required");
      }
    }
  }
  void Note(const std::string& path, const char* code) {
    if (errors_) errors_->push_back({path, code});
  }

  const boost::json::object& obj_;
  std::string prefix_;
  std::vector<FieldError>* errors_;
  bool strict_;
};

template <class T>
void Reader::Value(const boost::json::value& v, const std::string& path, T& out, bool text) {
  if constexpr (std::is_same_v<T, boost::json::value>) {
    out = v;
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!v.is_string()) return Note(path, "invalid_type");
    std::string s(v.as_string());
    if (!IsAcceptableText(s, text ? TextKind::kMultiline : TextKind::kLine)) {
      if (strict_) return Note(path, "invalid_text");
      s = ToValidUtf8(s);
    }
    out = std::move(s);
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!v.is_bool()) return Note(path, "invalid_type");
    out = v.as_bool();
  } else if constexpr (Integer<T>) {
    std::int64_t n = 0;
    if (v.is_int64()) {
      n = v.as_int64();
    } else if (v.is_uint64() && v.as_uint64() <= INT64_MAX) {
      n = static_cast<std::int64_t>(v.as_uint64());
    } else {
      return Note(path, "invalid_type");
    }
    if (std::is_unsigned_v<T> && n < 0) return Note(path, "invalid_type");
    out = static_cast<T>(n);
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!v.is_number()) return Note(path, "invalid_type");
    out = static_cast<T>(v.to_number<double>());
  } else if constexpr (Optional<T>) {
    if (v.is_null()) return out.reset();
    typename T::value_type x{};
    const auto before = errors_ ? errors_->size() : 0;
    Value(v, path, x, text);
    if (!errors_ || errors_->size() == before) out = std::move(x);
  } else if constexpr (Sequence<T>) {
    if (!v.is_array()) return Note(path, "invalid_type");
    out.clear();
    const auto& arr = v.as_array();
    for (std::size_t i = 0; i < arr.size(); ++i) {
      typename T::value_type x{};
      Value(arr[i], path + "[" + std::to_string(i) + "]", x, text);
      out.push_back(std::move(x));
    }
  } else {
    if (!v.is_object()) return Note(path, "invalid_type");
    Reader nested(v.as_object(), path + ".", errors_, strict_);
    out.serialize(nested);
  }
}

// A request body into T: "malformed_json" when it is not a JSON object; "invalid_type" (400)
// naming every field of the wrong type; else "validation_failed" (422) naming every string
// that is not acceptable text (invalid_text) and every missing required field (required).
template <class T>
Result<T> ReadBody(const std::string& body);
// The JSON text as a parsed object, or malformed_json.
Result<boost::json::object> ParseObject(const std::string& body);
Error BodyErrors(std::vector<FieldError> errors);

template <class T>
Result<T> ReadBody(const std::string& body) {
  auto obj = ParseObject(body);
  if (!obj.ok()) return obj.error();
  std::vector<FieldError> errors;
  T out{};
  Reader r(*obj, "", &errors, true);
  out.serialize(r);
  if (!errors.empty()) return BodyErrors(std::move(errors));
  return out;
}

// A document (a stored read model, a command's outcome) as T: what is missing or of another type keeps T's default.
// Logs, once per type and field, a field of `type` that documents lack or hold with another
// JSON type (a warning: the answer still goes out, with the field's default).
void ReportDrift(const char* type, const std::vector<FieldError>& fields);

template <class T>
T FromDocument(const boost::json::object& doc) {
  T out{};
  std::vector<FieldError> drift;
  Reader r(doc, "", &drift, false);
  out.serialize(r);
  if (!drift.empty()) ReportDrift(typeid(T).name(), drift);
  return out;
}

// ----- Writer -------------------------------------------------------------------------

// T -> JSON. An empty optional is left out (written as null when the field is .nullable()).
class Writer {
 public:
  template <class... Fs>
  void operator()(Fs&&... fields) {
    (Write(fields), ...);
  }
  boost::json::object& object() { return obj_; }

  template <class T>
  static boost::json::value ToJson(const T& v);

 private:
  template <class T>
  void Write(const Field<T>& f) {
    if constexpr (Optional<T>) {
      if (!f.value.has_value()) {
        if (f.is_nullable) obj_[f.name] = nullptr;
        return;
      }
    }
    obj_[f.name] = ToJson(f.value);
  }
  boost::json::object obj_;
};

template <class T>
boost::json::value Writer::ToJson(const T& v) {
  if constexpr (std::is_same_v<T, boost::json::value>) {
    return v;
  } else if constexpr (std::is_same_v<T, std::string>) {
    return boost::json::value(boost::json::string_view(v));
  } else if constexpr (std::is_same_v<T, bool>) {
    return boost::json::value(v);
  } else if constexpr (Integer<T>) {
    return boost::json::value(static_cast<std::int64_t>(v));
  } else if constexpr (std::is_floating_point_v<T>) {
    return boost::json::value(static_cast<double>(v));
  } else if constexpr (Optional<T>) {
    return v ? ToJson(*v) : boost::json::value(nullptr);
  } else if constexpr (Sequence<T>) {
    boost::json::array a;
    for (const auto& x : v) a.push_back(ToJson(x));
    return a;
  } else {
    Writer w;
    const_cast<T&>(v).serialize(w);
    return std::move(w.object());
  }
}

template <class T>
boost::json::value ToJson(const T& v) {
  return Writer::ToJson(v);
}

// ----- TextWriter ---------------------------------------------------------------------

// T -> JSON text in one pass, appended to a string (a typed endpoint's answer goes straight
// into the response body, with no document in between). Writes exactly what
// boost::json::serialize(ToJson(v)) writes (tests/http/wire_test.cpp compares them); a type
// must not declare two fields of one name.
class TextWriter {
 public:
  explicit TextWriter(std::string* out) : out_(out) {}
  template <class... Fs>
  void operator()(Fs&&... fields) {
    (Write(fields), ...);
  }

  template <class T>
  static void Append(std::string* out, const T& v);
  static void AppendString(std::string* out, std::string_view s);  // quoted and escaped
  static void AppendValue(std::string* out, const boost::json::value& v);  // boost::json::serialize

 private:
  template <class T>
  void Write(const Field<T>& f) {
    if constexpr (Optional<T>) {
      if (!f.value.has_value() && !f.is_nullable) return;
    }
    out_->push_back(first_ ? '{' : ',');
    first_ = false;
    AppendString(out_, f.name);
    out_->push_back(':');
    Append(out_, f.value);
  }
  std::string* out_;
  bool first_ = true;
};

template <class T>
void TextWriter::Append(std::string* out, const T& v) {
  if constexpr (std::is_same_v<T, boost::json::value> || std::is_floating_point_v<T>) {
    AppendValue(out, boost::json::value(v));  // Boost.JSON's number format
  } else if constexpr (std::is_same_v<T, std::string>) {
    AppendString(out, v);
  } else if constexpr (std::is_same_v<T, bool>) {
    out->append(v ? "true" : "false");
  } else if constexpr (Integer<T>) {
    out->append(std::to_string(static_cast<std::int64_t>(v)));
  } else if constexpr (Optional<T>) {
    if (v) Append(out, *v);
    else out->append("null");
  } else if constexpr (Sequence<T>) {
    out->push_back('[');
    bool first = true;
    for (const auto& x : v) {
      if (!first) out->push_back(',');
      first = false;
      Append(out, x);
    }
    out->push_back(']');
  } else {
    TextWriter w(out);
    const_cast<T&>(v).serialize(w);
    out->append(w.first_ ? "{}" : "}");
  }
}

template <class T>
std::string ToJsonText(const T& v) {
  std::string out;
  out.reserve(512);
  TextWriter::Append(&out, v);
  return out;
}

// ----- SchemaWriter -------------------------------------------------------------------

// The JSON Schema (OpenAPI 3.0 dialect) of T.
class SchemaWriter {
 public:
  explicit SchemaWriter(const ChoiceSource& choices) : choices_(choices) {}

  template <class... Fs>
  void operator()(Fs&&... fields) {
    (Describe(fields), ...);
  }

  template <class T>
  static boost::json::object SchemaOf(const ChoiceSource& choices);
  // The object schema of a struct itself, even one that is a component (kComponent).
  template <class T>
  static boost::json::object DefinitionOf(const ChoiceSource& choices);
  // One field's own schema (its type with enum, range, format and description).
  template <class T>
  static boost::json::object FieldSchema(const Field<T>& f, const ChoiceSource& choices);

  boost::json::object Object() {
    boost::json::object o{{"type", "object"}, {"properties", std::move(props_)}};
    if (!required_.empty()) o["required"] = std::move(required_);
    return o;
  }

 private:
  template <class T>
  void Describe(const Field<T>& f) {
    props_[f.name] = FieldSchema(f, choices_);
    if (f.is_required) required_.emplace_back(f.name);
  }

  const ChoiceSource& choices_;
  boost::json::object props_;
  boost::json::array required_;
};

template <class T>
boost::json::object SchemaWriter::SchemaOf(const ChoiceSource& choices) {
  if constexpr (std::is_same_v<T, boost::json::value>) {
    return {{"description", "any JSON value"}};
  } else if constexpr (std::is_same_v<T, std::string>) {
    return {{"type", "string"}};
  } else if constexpr (std::is_same_v<T, bool>) {
    return {{"type", "boolean"}};
  } else if constexpr (Integer<T>) {
    boost::json::object s{{"type", "integer"}};
    if (std::is_unsigned_v<T>) s["minimum"] = 0;
    return s;
  } else if constexpr (std::is_floating_point_v<T>) {
    return {{"type", "number"}};
  } else if constexpr (Optional<T>) {
    return SchemaOf<typename T::value_type>(choices);
  } else if constexpr (Sequence<T>) {
    return {{"type", "array"}, {"items", SchemaOf<typename T::value_type>(choices)}};
  } else if constexpr (requires { T::kComponent; }) {
    // A type shared by many operations is one component of /openapi.json (DefinitionOf).
    return {{"$ref", std::string("#/components/schemas/") + T::kComponent}};
  } else {
    return DefinitionOf<T>(choices);
  }
}

template <class T>
boost::json::object SchemaWriter::DefinitionOf(const ChoiceSource& choices) {
  SchemaWriter w(choices);
  T t{};
  t.serialize(w);
  return w.Object();
}

template <class T>
boost::json::object SchemaWriter::FieldSchema(const Field<T>& f, const ChoiceSource& choices) {
  boost::json::object s = SchemaOf<T>(choices);
  // An enum or a range applies to the scalar, or to each element of an array of scalars.
  boost::json::object* target = &s;
  if (auto* items = s.if_contains("items"); items && items->is_object()) target = &items->as_object();
  if (!f.one_of.empty() || f.list) {
    boost::json::array values;
    for (const char* v : f.one_of) values.emplace_back(v);
    if (f.list) {
      for (const auto& v : choices(f.list)) values.emplace_back(v);
    }
    // A nullable scalar lists null among its values (OpenAPI 3.0: "nullable" does not extend
    // an enum by itself).
    if (!values.empty() && f.is_nullable && target == &s) values.emplace_back(nullptr);
    if (!values.empty()) (*target)["enum"] = std::move(values);
  }
  if (f.min) (*target)["minimum"] = *f.min;
  if (f.max) (*target)["maximum"] = *f.max;
  if (f.max_length) (*target)["maxLength"] = *f.max_length;
  if (f.is_nullable) s["nullable"] = true;
  if (f.format) (*target)["format"] = f.format;
  if (f.about) s["description"] = f.about;
  return s;
}

template <class T>
boost::json::object SchemaOf(const ChoiceSource& choices = {}) {
  return SchemaWriter::SchemaOf<T>(choices);
}

// ----- QueryReader --------------------------------------------------------------------

// A query string into a struct derived from Query. Strings must be acceptable one-line text
// (the router checked that already); integers are digits within the field's range. Every bad
// parameter is named in one "invalid_parameter" (400), code invalid_format.
class QueryReader {
 public:
  explicit QueryReader(const std::vector<std::pair<std::string, std::string>>& query) : query_(query) {}

  template <class... Fs>
  void operator()(Fs&&... fields) {
    (Read(fields), ...);
  }
  std::vector<FieldError>& errors() { return errors_; }

 private:
  const std::string* Find(const char* name) const {
    for (const auto& [k, v] : query_) {
      if (k == name) return &v;
    }
    return nullptr;
  }
  template <class T>
  void Read(Field<T>& f) {
    if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      // A repeatable parameter (?province=34&province=06): every value, in order.
      for (const auto& [k, v] : query_) {
        if (k == f.name) f.value.push_back(v);
      }
      if (f.is_required && f.value.empty()) errors_.push_back({f.name, "required"});
      return;
    }
    const std::string* v = Find(f.name);
    if (!v) {
      if (f.is_required) errors_.push_back({f.name, "required"});
      return;
    }
    if (!Parse(*v, f, f.value)) errors_.push_back({f.name, "invalid_format"});
  }
  template <class F, class T>
  bool Parse(const std::string& text, const F& f, T& out) {
    if constexpr (std::is_same_v<T, std::string>) {
      out = text;
      return true;
    } else if constexpr (std::is_same_v<T, bool>) {
      if (text != "true" && text != "false") return false;
      out = text == "true";
      return true;
    } else if constexpr (Integer<T>) {
      // Digits only (no sign, no spaces), within T and the field's range.
      std::uint64_t n = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
      if (text.empty() || text[0] == '+' || ec != std::errc() || end != text.data() + text.size()) return false;
      if (n > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) return false;
      if (f.max && n > static_cast<std::uint64_t>(*f.max)) return false;
      if (f.min && *f.min > 0 && n < static_cast<std::uint64_t>(*f.min)) return false;
      out = static_cast<T>(n);
      return true;
    } else if constexpr (Optional<T>) {
      typename T::value_type x{};
      if (!Parse(text, f, x)) return false;
      out = std::move(x);
      return true;
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      return true;  // read in Read
    } else {
      static_assert(sizeof(T) == 0, "a query parameter is a string, a bool, an integer or a list of strings");
    }
  }

  const std::vector<std::pair<std::string, std::string>>& query_;
  std::vector<FieldError> errors_;
};

template <class T>
Result<T> ReadQuery(const std::vector<std::pair<std::string, std::string>>& query) {
  T out{};
  QueryReader r(query);
  out.serialize(r);
  if (!r.errors().empty()) return Error{errc::kInvalidParameter, std::move(r.errors()), {}};
  return out;
}

// The OpenAPI "parameters" (in: query) of a Query struct.
class QueryDocWriter {
 public:
  explicit QueryDocWriter(const ChoiceSource& choices) : choices_(choices) {}
  template <class... Fs>
  void operator()(Fs&&... fields) {
    (Describe(fields), ...);
  }
  boost::json::array& parameters() { return params_; }

 private:
  template <class T>
  void Describe(const Field<T>& f) {
    boost::json::object schema = SchemaWriter::FieldSchema(f, choices_);
    boost::json::object p{{"name", f.name}, {"in", "query"}, {"required", f.is_required}};
    if (auto* d = schema.if_contains("description")) {
      p["description"] = *d;
      schema.erase("description");
    }
    p["schema"] = std::move(schema);
    params_.push_back(std::move(p));
  }
  const ChoiceSource& choices_;
  boost::json::array params_;
};

template <class T>
boost::json::array QueryParameters(const ChoiceSource& choices = {}) {
  QueryDocWriter w(choices);
  T t{};
  t.serialize(w);
  return std::move(w.parameters());
}

// ----- Common wire types --------------------------------------------------------------

// page/pageSize of every paged list (default 1 and 15, pageSize at most 100).
struct Paging : Query {
  std::size_t page = 1;
  std::size_t page_size = 15;
  template <class A>
  void serialize(A& ar) {
    ar(F("page", page).range(1, 1'000'000), F("pageSize", page_size).range(1, 100));
  }
  istihdam::Page requested() const { return {page, page_size}; }
};

// The envelope of every list (docs/api.md "Lists").
template <class Item>
struct PageOf {
  std::vector<Item> items;
  std::int64_t page = 1;
  std::int64_t page_size = 0;
  std::int64_t total = 0;
  std::int64_t total_pages = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("items", items).required(), F("page", page).required(), F("pageSize", page_size).required(),
       F("total", total).required(), F("totalPages", total_pages).required());
  }
};

// A list served whole (reference data, short per-user lists): one page holding every row.
template <class Item>
PageOf<Item> WholeList(std::vector<Item> items) {
  const auto n = static_cast<std::int64_t>(items.size());
  return {std::move(items), 1, n, n, n > 0 ? 1 : 0};
}

// What a command answers when it names what it changed: the aggregate's id and version, and
// the position of its last event (pass it as ?minPosition= to read your own write).
struct Changed {
  std::string id;
  std::uint64_t version = 0;
  std::uint64_t position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("version", version), F("position", position).required());
  }
};

}  // namespace istihdam::http::wire

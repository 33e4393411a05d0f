// libFuzzer target: the typed request body reader (http/wire.h). ReadBody must accept or refuse
// any bytes without crashing, with one of its documented codes and only documented field codes;
// what it accepts holds only acceptable text and reads back to itself; FromDocument (stored
// documents) takes anything.
#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "http/wire.h"

namespace {

namespace wire = istihdam::http::wire;
using wire::F;

void Check(bool ok) {
  if (!ok) std::abort();
}

struct Inner {
  std::string b;
  std::int64_t n = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("b", b), F("n", n));
  }
};

// One field of every kind the wire types use.
struct Body {
  std::string line, note, needed;
  bool flag = false;
  std::int64_t count = 0;
  std::uint64_t version = 0;
  std::optional<std::int64_t> maybe;
  std::vector<std::string> tags;
  std::vector<Inner> items;
  Inner a;
  template <class A>
  void serialize(A& ar) {
    ar(F("line", line), F("note", note).text(), F("needed", needed).required(), F("flag", flag), F("count", count),
       F("version", version), F("maybe", maybe), F("tags", tags), F("items", items), F("a", a));
  }
};

bool AllText(const Body& b) {
  auto ok = [](const std::string& s) { return istihdam::IsAcceptableText(s); };
  bool all = ok(b.line) && istihdam::IsAcceptableText(b.note, istihdam::TextKind::kMultiline) && ok(b.needed) &&
             ok(b.a.b);
  for (const auto& t : b.tags) all = all && ok(t);
  for (const auto& i : b.items) all = all && ok(i.b);
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  auto read = wire::ReadBody<Body>(body);
  if (!read.ok()) {
    const auto& e = read.error();
    Check(e.code == "malformed_json" || e.code == "invalid_type" || e.code == "validation_failed");
    Check(e.code == "malformed_json" || !e.fields.empty());
    for (const auto& f : e.fields) {
      Check(!f.field.empty());
      Check(f.code == "invalid_type" || f.code == "invalid_text" || f.code == "required");
      Check(e.code != "invalid_type" || f.code != "required");  // a missing field waits for the right shape
    }
    if (e.code != "malformed_json") {
      boost::json::object doc = boost::json::parse(body).as_object();  // ReadBody parsed it
      (void)wire::FromDocument<Body>(doc);                              // never throws
    }
    return 0;
  }
  Check(!read->needed.empty());
  Check(AllText(*read));
  // What was accepted writes and reads back to the same value.
  const std::string written = boost::json::serialize(wire::ToJson(*read));
  auto again = wire::ReadBody<Body>(written);
  Check(again.ok());
  Check(boost::json::serialize(wire::ToJson(*again)) == written);
  return 0;
}

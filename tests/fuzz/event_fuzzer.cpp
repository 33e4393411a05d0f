// libFuzzer target: the event decoder. Two inputs, told apart by the first byte:
//  - a stored record (infra/event_record.h DecodeRecord): a record that decodes encodes back
//    to the same bytes; its payload is then decoded as every registered event type (cereal
//    portable binary, events/codec.h) and shown as JSON (EventRegistry::ToJson), which must
//    serialize to valid JSON;
//  - '{': an event in the JSON of the event history, as a read replica takes it from Kafka
//    (EventRegistry::FromJson); what is accepted must show as JSON again.
// Decoding may refuse (Result error, or the documented exceptions of a malformed payload);
// it must not crash, leak or overflow.
//
// Seeding: with ISTIHDAM_EVENT_CORPUS_OUT=<dir>, every accepted JSON event is also written to
// <dir>/<type>.record as a stored record (docs/fuzzing.md shows how the checked-in corpus was
// made from the demo data's `istihdam events`).
#include <boost/json.hpp>

#include <cereal/details/helpers.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "events/event_registry.h"
#include "http/event_types.h"
#include "infra/event_record.h"

namespace {

using istihdam::events::EventRegistry;

const EventRegistry& Registry() {
  static const EventRegistry* registry = [] {
    auto* r = new EventRegistry();
    istihdam::http::RegisterEventTypes(*r);
    return r;
  }();
  return *registry;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

// The JSON view must be JSON that parses back to itself (strictly: valid UTF-8 too, unless
// ISTIHDAM_FUZZ_ALLOW_INVALID_UTF8 is set, for exploring past that known defect of issue 10).
void CheckJson(const boost::json::object& o) {
  static const bool allow_invalid_utf8 = std::getenv("ISTIHDAM_FUZZ_ALLOW_INVALID_UTF8") != nullptr;
  const std::string text = boost::json::serialize(o);
  boost::system::error_code ec;
  boost::json::parse_options opt;
  opt.allow_invalid_utf8 = allow_invalid_utf8;
  const auto back = boost::json::parse(text, ec, {}, opt);
  Check(!ec && back == boost::json::value(o));
}

void FromRecord(std::string_view bytes) {
  auto e = istihdam::DecodeRecord(bytes);
  if (!e.ok()) {
    Check(e.error().code == "corrupt_record");
    return;
  }
  Check(istihdam::EncodeRecord(*e) == bytes);
  (void)istihdam::RecordHashMatches(bytes);
  for (const auto& [type, info] : Registry().all()) {
    try {
      CheckJson(info.to_json(e->payload));
    } catch (const cereal::Exception&) {
      // a payload that is not this type's bytes
    }
  }
  try {
    CheckJson(Registry().ToJson(*e));
  } catch (const cereal::Exception&) {
  }
}

void FromJson(std::string_view text) {
  boost::system::error_code ec;
  const auto v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return;
  auto e = Registry().FromJson(v.as_object());
  if (!e.ok()) {
    Check(e.error().code == "malformed_event");
    return;
  }
  try {
    CheckJson(Registry().ToJson(*e));
  } catch (const cereal::Exception&) {
  }
  // Stored again, the record reads back as itself.
  const std::string bytes = istihdam::EncodeRecord(*e);
  auto again = istihdam::DecodeRecord(bytes);
  Check(again.ok() && istihdam::EncodeRecord(*again) == bytes);
  FromRecord(bytes);
  if (const char* dir = std::getenv("ISTIHDAM_EVENT_CORPUS_OUT")) {
    std::ofstream(std::string(dir) + "/" + e->type + ".record", std::ios::binary) << bytes;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!bytes.empty() && bytes.front() == '{') {
    FromJson(bytes);
  } else {
    FromRecord(bytes);
  }
  return 0;
}

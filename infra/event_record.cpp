#include "infra/event_record.h"

#include <cereal/archives/portable_binary.hpp>
#include <cereal/types/string.hpp>

#include <cstring>
#include <sstream>

namespace istihdam {
namespace {

constexpr std::size_t kTail = 64;  // prev_hash + hash

template <class Archive>
void Envelope(Archive& ar, RecordedEvent& e) {
  ar(e.position, e.stream, e.version, e.event_id, e.type, e.schema_version, e.recorded_at,
     e.meta.actor.user_id, e.meta.actor.actor_type, e.meta.actor.employer_id,
     e.meta.correlation_id, e.meta.causation_id, e.meta.idempotency_key, e.payload);
}

}  // namespace

std::string CanonicalBytes(const RecordedEvent& e) {
  std::ostringstream os;
  {
    cereal::PortableBinaryOutputArchive ar(os);
    Envelope(ar, const_cast<RecordedEvent&>(e));
  }
  return std::move(os).str();
}

std::string EncodeRecord(const RecordedEvent& e) {
  std::string out = CanonicalBytes(e);
  out.append(reinterpret_cast<const char*>(e.prev_hash.data()), 32);
  out.append(reinterpret_cast<const char*>(e.hash.data()), 32);
  return out;
}

Result<RecordedEvent> DecodeRecord(std::string_view value) {
  if (value.size() < kTail + 1) return Error::Of("corrupt_record", "record too short");
  RecordedEvent e;
  try {
    std::istringstream is(std::string(value.substr(0, value.size() - kTail)));
    cereal::PortableBinaryInputArchive ar(is);
    Envelope(ar, e);
    if (is.peek() != std::char_traits<char>::eof()) {
      return Error::Of("corrupt_record", "trailing bytes");
    }
  } catch (const std::exception& ex) {
    return Error::Of("corrupt_record", ex.what());
  }
  std::memcpy(e.prev_hash.data(), value.data() + value.size() - kTail, 32);
  std::memcpy(e.hash.data(), value.data() + value.size() - 32, 32);
  return e;
}

void SealRecord(RecordedEvent* e) { e->hash = crypto::Sha256(e->prev_hash, CanonicalBytes(*e)); }

bool RecordHashMatches(std::string_view value) {
  if (value.size() < kTail) return false;
  crypto::Digest prev, stored;
  std::memcpy(prev.data(), value.data() + value.size() - kTail, 32);
  std::memcpy(stored.data(), value.data() + value.size() - 32, 32);
  return crypto::Sha256(prev, value.substr(0, value.size() - kTail)) == stored;
}

}  // namespace istihdam

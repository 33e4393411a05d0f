#pragma once
// The event envelope and its byte form at rest (docs/storage.md, "Event record").
#include <cstdint>
#include <string>
#include <string_view>

#include "infra/clock.h"
#include "infra/crypto.h"
#include "infra/result.h"

namespace istihdam {

// Who caused an event. Never holds a TCKN or a name: `userId` is the internal user id.
struct Actor {
  std::string user_id;      // "" for anonymous commands (registration) and the system
  std::string actor_type;   // EmployerPrimaryAdmin, EmployerAdmin, EmployerAuthorizedUser,
                            // Auditor, UnitUser, HeadOfficeUser, Anonymous, System
  std::string employer_id;  // the firm chosen at login, if any
  bool operator==(const Actor&) const = default;
};

// What a command adds to every event it produces.
struct EventMetadata {
  Actor actor;
  std::string correlation_id;
  std::string causation_id;     // the command id
  std::string idempotency_key;  // as the client sent it, or ""
};

// An event before it is stored: the payload is the cereal portable-binary form of the
// typed event (events/codec.h).
struct NewEvent {
  std::string type;
  std::uint32_t schema_version = 1;
  std::string payload;
};

// An event as stored and read back. Immutable once written.
struct RecordedEvent {
  std::uint64_t position = 0;  // global, gap-free, 1-based, in commit order
  std::string stream;
  std::uint64_t version = 0;  // 1-based within the stream
  std::string event_id;       // UUID v4
  std::string type;
  std::uint32_t schema_version = 1;
  Micros recorded_at = 0;
  EventMetadata meta;
  std::string payload;
  crypto::Digest prev_hash{};
  crypto::Digest hash{};
};

// A stored event record read in place: every string is a view into the bytes it was decoded
// from (a RocksDB iterator's value, or a RecordedEvent's strings), valid only as long as those
// bytes are (for the store's iterators: until the callback returns). For replays, which skip
// most events and look at the envelope of the others only; ToRecorded() copies it out.
struct RecordView {
  std::uint64_t position = 0;
  std::string_view stream;
  std::uint64_t version = 0;
  std::string_view event_id;
  std::string_view type;
  std::uint32_t schema_version = 1;
  Micros recorded_at = 0;
  std::string_view user_id;
  std::string_view actor_type;
  std::string_view employer_id;
  std::string_view correlation_id;
  std::string_view causation_id;
  std::string_view idempotency_key;
  std::string_view payload;
  std::string_view prev_hash;  // 32 bytes
  std::string_view hash;       // 32 bytes

  RecordedEvent ToRecorded() const;
  // A view of `e`'s strings; `e` must outlive it.
  static RecordView Of(const RecordedEvent& e);
};

// Where the fields the store fills in last sit inside the canonical bytes.
struct CanonicalLayout {
  std::size_t position_at = 0;
  std::size_t version_at = 0;
  std::size_t recorded_at_at = 0;
};

// The canonical bytes of everything but the two hashes; hash = SHA-256(prev_hash || canonical).
// `layout` (nullable) receives the offsets of position, version and recorded-at, so that the
// store can encode an event before it knows them and patch them in (PatchU64).
std::string CanonicalBytes(const RecordedEvent& e, CanonicalLayout* layout = nullptr);
// Writes v little-endian over the 8 bytes at `at`.
void PatchU64(std::string& bytes, std::size_t at, std::uint64_t v);
// canonical || prev_hash || hash — the value stored under the event's position.
std::string EncodeRecord(const RecordedEvent& e);
// Parses a stored value. Fails on truncated or malformed bytes; does not check the hash.
Result<RecordedEvent> DecodeRecord(std::string_view value);
// The same, in place: the view's strings point into `value`, which must outlive it. Fails
// exactly where DecodeRecord fails, with the same details.
Result<RecordView> DecodeRecordView(std::string_view value);
// Sets e.hash from e.prev_hash and the canonical bytes.
void SealRecord(RecordedEvent* e);
// True when the stored hash equals SHA-256(prev_hash || canonical bytes of the value).
bool RecordHashMatches(std::string_view value);

}  // namespace istihdam

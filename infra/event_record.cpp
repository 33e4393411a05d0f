#include "infra/event_record.h"

#include <cstring>

namespace istihdam {

// The canonical bytes are the cereal PortableBinary archive of the envelope (docs/storage.md),
// written and read by hand here because this is the hottest path of the store: the archive
// is a flag byte (0x01: little-endian) followed by fixed-width little-endian integers and
// strings prefixed with their length as a u64. tests/infra/event_record_test.cpp checks that
// these bytes equal cereal's own.
namespace {

constexpr std::size_t kTail = 64;  // prev_hash + hash

void PutU64(std::string& out, std::uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  out.append(b, 8);
}

void PutU32(std::string& out, std::uint32_t v) {
  char b[4];
  for (int i = 0; i < 4; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  out.append(b, 4);
}

void PutStr(std::string& out, const std::string& s) {
  PutU64(out, s.size());
  out += s;
}

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool U64(std::uint64_t* v) {
    if (in_.size() - pos_ < 8) return false;
    *v = 0;
    for (int i = 7; i >= 0; --i) *v = (*v << 8) | static_cast<unsigned char>(in_[pos_ + i]);
    pos_ += 8;
    return true;
  }
  bool U32(std::uint32_t* v) {
    if (in_.size() - pos_ < 4) return false;
    *v = 0;
    for (int i = 3; i >= 0; --i) *v = (*v << 8) | static_cast<unsigned char>(in_[pos_ + i]);
    pos_ += 4;
    return true;
  }
  bool Str(std::string_view* s) {
    std::uint64_t n;
    if (!U64(&n) || in_.size() - pos_ < n) return false;
    *s = in_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool Byte(unsigned char* b) {
    if (pos_ >= in_.size()) return false;
    *b = static_cast<unsigned char>(in_[pos_++]);
    return true;
  }
  bool AtEnd() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string CanonicalBytes(const RecordedEvent& e, CanonicalLayout* layout) {
  std::string out;
  out.reserve(128 + e.stream.size() + e.type.size() + e.payload.size() + e.meta.correlation_id.size() +
              e.meta.causation_id.size() + e.meta.idempotency_key.size());
  out.push_back('\x01');
  if (layout) layout->position_at = out.size();
  PutU64(out, e.position);
  PutStr(out, e.stream);
  if (layout) layout->version_at = out.size();
  PutU64(out, e.version);
  PutStr(out, e.event_id);
  PutStr(out, e.type);
  PutU32(out, e.schema_version);
  if (layout) layout->recorded_at_at = out.size();
  PutU64(out, static_cast<std::uint64_t>(e.recorded_at));
  PutStr(out, e.meta.actor.user_id);
  PutStr(out, e.meta.actor.actor_type);
  PutStr(out, e.meta.actor.employer_id);
  PutStr(out, e.meta.correlation_id);
  PutStr(out, e.meta.causation_id);
  PutStr(out, e.meta.idempotency_key);
  PutStr(out, e.payload);
  return out;
}

void PatchU64(std::string& bytes, std::size_t at, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) bytes[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

std::string EncodeRecord(const RecordedEvent& e) {
  std::string out = CanonicalBytes(e);
  out.append(reinterpret_cast<const char*>(e.prev_hash.data()), 32);
  out.append(reinterpret_cast<const char*>(e.hash.data()), 32);
  return out;
}

Result<RecordView> DecodeRecordView(std::string_view value) {
  if (value.size() < kTail + 1) return Error::Of(errc::kCorruptRecord, "record too short");
  RecordView e;
  Reader r(value.substr(0, value.size() - kTail));
  unsigned char flag = 0;
  std::uint64_t recorded_at = 0;
  const bool ok = r.Byte(&flag) && flag == 1 && r.U64(&e.position) && r.Str(&e.stream) && r.U64(&e.version) &&
                  r.Str(&e.event_id) && r.Str(&e.type) && r.U32(&e.schema_version) && r.U64(&recorded_at) &&
                  r.Str(&e.user_id) && r.Str(&e.actor_type) && r.Str(&e.employer_id) &&
                  r.Str(&e.correlation_id) && r.Str(&e.causation_id) && r.Str(&e.idempotency_key) &&
                  r.Str(&e.payload);
  if (!ok) return Error::Of(errc::kCorruptRecord, "truncated or malformed envelope");
  if (!r.AtEnd()) return Error::Of(errc::kCorruptRecord, "trailing bytes");
  e.recorded_at = static_cast<Micros>(recorded_at);
  e.prev_hash = value.substr(value.size() - kTail, 32);
  e.hash = value.substr(value.size() - 32, 32);
  return e;
}

RecordedEvent RecordView::ToRecorded() const {
  RecordedEvent e;
  e.position = position;
  e.stream.assign(stream);
  e.version = version;
  e.event_id.assign(event_id);
  e.type.assign(type);
  e.schema_version = schema_version;
  e.recorded_at = recorded_at;
  e.meta.actor.user_id.assign(user_id);
  e.meta.actor.actor_type.assign(actor_type);
  e.meta.actor.employer_id.assign(employer_id);
  e.meta.correlation_id.assign(correlation_id);
  e.meta.causation_id.assign(causation_id);
  e.meta.idempotency_key.assign(idempotency_key);
  e.payload.assign(payload);
  if (prev_hash.size() == 32) std::memcpy(e.prev_hash.data(), prev_hash.data(), 32);
  if (hash.size() == 32) std::memcpy(e.hash.data(), hash.data(), 32);
  return e;
}

RecordView RecordView::Of(const RecordedEvent& e) {
  RecordView v;
  v.position = e.position;
  v.stream = e.stream;
  v.version = e.version;
  v.event_id = e.event_id;
  v.type = e.type;
  v.schema_version = e.schema_version;
  v.recorded_at = e.recorded_at;
  v.user_id = e.meta.actor.user_id;
  v.actor_type = e.meta.actor.actor_type;
  v.employer_id = e.meta.actor.employer_id;
  v.correlation_id = e.meta.correlation_id;
  v.causation_id = e.meta.causation_id;
  v.idempotency_key = e.meta.idempotency_key;
  v.payload = e.payload;
  v.prev_hash = std::string_view(reinterpret_cast<const char*>(e.prev_hash.data()), e.prev_hash.size());
  v.hash = std::string_view(reinterpret_cast<const char*>(e.hash.data()), e.hash.size());
  return v;
}

Result<RecordedEvent> DecodeRecord(std::string_view value) {
  auto view = DecodeRecordView(value);
  if (!view.ok()) return view.error();
  return view->ToRecorded();
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

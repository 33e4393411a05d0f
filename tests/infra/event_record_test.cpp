// The envelope's canonical bytes are written by hand for speed; they must stay byte-identical
// to cereal's PortableBinary archive of the same fields (docs/storage.md), and decode back.
#include "infra/event_record.h"

#include <gtest/gtest.h>

#include <cereal/archives/portable_binary.hpp>
#include <cereal/types/string.hpp>

#include <sstream>

namespace istihdam {
namespace {

RecordedEvent Sample() {
  RecordedEvent e;
  e.position = 0x0102030405060708ULL;
  e.stream = "employer-2000000001";
  e.version = 42;
  e.event_id = "0c6c2a4e-4a43-4f6e-9a43-6f2c1f1b3c2d";
  e.type = "EmployerRegistered";
  e.schema_version = 2;
  e.recorded_at = 1'790'000'000'123'456;
  e.meta = EventMetadata{Actor{"4000000001", "EmployerPrimaryAdmin", "2000000001"}, "corr", "cause", "key-1"};
  e.payload = std::string("\x01\x02\x00binary\xff", 10);
  return e;
}

TEST(EventRecordTest, CanonicalBytesEqualCerealPortableBinary) {
  RecordedEvent e = Sample();
  std::ostringstream os;
  {
    cereal::PortableBinaryOutputArchive ar(os);
    std::uint64_t recorded = static_cast<std::uint64_t>(e.recorded_at);
    ar(e.position, e.stream, e.version, e.event_id, e.type, e.schema_version, recorded, e.meta.actor.user_id,
       e.meta.actor.actor_type, e.meta.actor.employer_id, e.meta.correlation_id, e.meta.causation_id,
       e.meta.idempotency_key, e.payload);
  }
  EXPECT_EQ(CanonicalBytes(e), os.str());
}

TEST(EventRecordTest, PatchedFieldsLandWhereTheLayoutSays) {
  RecordedEvent e = Sample();
  CanonicalLayout layout;
  RecordedEvent blank = e;
  blank.position = blank.version = 0;
  blank.recorded_at = 0;
  std::string bytes = CanonicalBytes(blank, &layout);
  PatchU64(bytes, layout.position_at, e.position);
  PatchU64(bytes, layout.version_at, e.version);
  PatchU64(bytes, layout.recorded_at_at, static_cast<std::uint64_t>(e.recorded_at));
  EXPECT_EQ(bytes, CanonicalBytes(e));
}

TEST(EventRecordTest, EncodeDecodeRoundTripAndHash) {
  RecordedEvent e = Sample();
  e.prev_hash.fill(7);
  SealRecord(&e);
  const std::string value = EncodeRecord(e);
  EXPECT_TRUE(RecordHashMatches(value));
  auto back = DecodeRecord(value);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->position, e.position);
  EXPECT_EQ(back->stream, e.stream);
  EXPECT_EQ(back->version, e.version);
  EXPECT_EQ(back->recorded_at, e.recorded_at);
  EXPECT_EQ(back->meta.actor, e.meta.actor);
  EXPECT_EQ(back->meta.idempotency_key, "key-1");
  EXPECT_EQ(back->payload, e.payload);
  EXPECT_EQ(back->hash, e.hash);
  std::string bad = value;
  bad[5] ^= 1;
  EXPECT_FALSE(RecordHashMatches(bad));
  EXPECT_FALSE(DecodeRecord(value.substr(0, 40)).ok());
}

}  // namespace
}  // namespace istihdam

// events/payload_reader.h: the in-place reader decodes exactly what cereal's portable binary
// archive writes (every kind of field events hold, class versions, either endianness), and
// fails on malformed bytes as cereal::Exception.
#include "events/payload_reader.h"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.h"
#include "events/employers.h"
#include "events/workforce_schedules.h"
#include "infra/event_record.h"

namespace istihdam {
namespace {

struct Inner {
  std::string name;
  std::int64_t count = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(events::F("name", name), events::F("count", count));
  }
  bool operator==(const Inner&) const = default;
};

// One field of every kind the events hold (events/*.h), and a class version.
struct Everything {
  static constexpr const char* kType = "Everything";
  bool flag = false;
  std::uint8_t small = 0;
  std::int32_t i32 = 0;
  std::uint32_t u32 = 0;
  std::int64_t i64 = 0;
  std::uint64_t u64 = 0;
  double real = 0;
  std::string text;
  std::optional<std::string> maybe_text;
  std::optional<std::int64_t> maybe_number;
  std::optional<Inner> maybe_inner;
  std::vector<std::string> texts;
  std::vector<Inner> inners;
  std::int64_t added_in_v2 = -1;
  template <class A>
  void serialize(A& ar, std::uint32_t version) {
    ar(events::F("flag", flag), events::F("small", small), events::F("i32", i32), events::F("u32", u32),
       events::F("i64", i64), events::F("u64", u64), events::F("real", real), events::F("text", text),
       events::F("maybeText", maybe_text), events::F("maybeNumber", maybe_number),
       events::F("maybeInner", maybe_inner), events::F("texts", texts), events::F("inners", inners));
    if (version >= 2) ar(events::F("addedInV2", added_in_v2));
  }
  bool operator==(const Everything&) const = default;
};

}  // namespace
}  // namespace istihdam

CEREAL_CLASS_VERSION(istihdam::Everything, 2);

namespace istihdam {
namespace {

struct OldShape {
  std::string text;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(text);
  }
};
struct NewShape {
  std::string text;
  std::int64_t extra = -1;
  template <class A>
  void serialize(A& ar, std::uint32_t version) {
    ar(text);
    if (version >= 2) ar(extra);
  }
};

Everything Sample() {
  Everything e;
  e.flag = true;
  e.small = 0xfe;
  e.i32 = -123456789;
  e.u32 = 0xdeadbeef;
  e.i64 = std::numeric_limits<std::int64_t>::min() + 7;
  e.u64 = 0x0102030405060708ULL;
  e.real = -1234.5e-3;
  e.text = std::string("Çalışma\0saati", 13);
  e.maybe_text = "İzmir";
  e.maybe_inner = Inner{"iç", 3};
  e.texts = {"", "a", std::string(70'000, 'x')};  // one longer than cereal's 64 KiB steps
  e.inners = {Inner{"bir", 1}, Inner{"iki", -2}};
  e.added_in_v2 = 42;
  return e;
}

std::string Write(const Everything& e, cereal::PortableBinaryOutputArchive::Options options) {
  std::ostringstream os;
  {
    cereal::PortableBinaryOutputArchive ar(os, options);
    ar(e);
  }
  return std::move(os).str();
}

// What cereal's own portable binary reader makes of the bytes.
template <class T>
T ReadWithCereal(const std::string& bytes) {
  std::istringstream is(bytes);
  cereal::PortableBinaryInputArchive ar(is);
  T t{};
  ar(t);
  return t;
}

TEST(PayloadReaderTest, RoundTripsEveryKindOfFieldLikeCereal) {
  const Everything e = Sample();
  const std::string bytes = Write(e, cereal::PortableBinaryOutputArchive::Options::LittleEndian());
  ASSERT_EQ(bytes[0], '\x01') << "the events are written little-endian";
  const auto back = events::DecodePayload<Everything>(bytes);
  EXPECT_TRUE(back == e);
  EXPECT_TRUE(back == ReadWithCereal<Everything>(bytes));
  EXPECT_EQ(back.text.size(), 13u);
  EXPECT_EQ(back.texts[2].size(), 70'000u);
  EXPECT_FALSE(back.maybe_number.has_value());

  Everything empty;
  EXPECT_TRUE(events::DecodePayload<Everything>(Write(empty, cereal::PortableBinaryOutputArchive::Options::Default())) == empty);
}

TEST(PayloadReaderTest, ReadsBigEndianBytesBySwapping) {
  const Everything e = Sample();
  const std::string little = Write(e, cereal::PortableBinaryOutputArchive::Options::LittleEndian());
  const std::string big = Write(e, cereal::PortableBinaryOutputArchive::Options::BigEndian());
  ASSERT_EQ(big[0], '\x00');
  ASSERT_NE(big, little);
  {
    cereal::PayloadReader r(big);
    EXPECT_TRUE(r.swaps());
  }
  {
    cereal::PayloadReader r(little);
    EXPECT_FALSE(r.swaps());
  }
  EXPECT_TRUE(events::DecodePayload<Everything>(big) == e);
  EXPECT_TRUE(events::DecodePayload<Everything>(big) == ReadWithCereal<Everything>(big));
  // The u64 is where the byte order shows: 01..08 in the big-endian bytes.
  const char want[] = {1, 2, 3, 4, 5, 6, 7, 8};
  EXPECT_NE(big.find(std::string_view(want, 8)), std::string::npos);
}

TEST(PayloadReaderTest, ReadsTheVersionWrittenAndUpcastsOlderOnes) {
  std::ostringstream os;
  {
    cereal::PortableBinaryOutputArchive ar(os);
    ar(OldShape{"eski"});  // unversioned: cereal writes the class version (u32 0) before the fields
  }
  const auto back = events::DecodePayload<NewShape>(os.str());
  EXPECT_EQ(back.text, "eski");
  EXPECT_EQ(back.extra, -1);
}

TEST(PayloadReaderTest, RealEventsDecodeTheSameAsWithCereal) {
  events::EmployerRegistered e;
  e.employer_id = "employer-2000000001";
  e.title = "Anadolu Tekstil A.Ş.";
  e.sector = "public";
  e.email = "ik@anadolu.example";
  const std::string bytes = events::Encode(e).payload;
  EXPECT_EQ(events::ToJson(events::DecodePayload<events::EmployerRegistered>(bytes)),
            events::ToJson(ReadWithCereal<events::EmployerRegistered>(bytes)));
}

TEST(PayloadReaderTest, MalformedBytesFailWithoutAllocatingTheClaimedSize) {
  const std::string bytes = Write(Sample(), cereal::PortableBinaryOutputArchive::Options::Default());
  EXPECT_THROW(events::DecodePayload<Everything>(std::string_view()), cereal::Exception);
  for (std::size_t n : {std::size_t{1}, std::size_t{5}, bytes.size() / 2, bytes.size() - 1}) {
    EXPECT_THROW(events::DecodePayload<Everything>(std::string_view(bytes).substr(0, n)), cereal::Exception) << n;
  }
  // A string claiming 2^62 bytes.
  std::string huge = bytes;
  const std::size_t text_at = 1 + 4 + 1 + 1 + 4 + 4 + 8 + 8 + 8;  // flag, version, fields before `text`
  const std::uint64_t claim = 1ULL << 62;
  std::memcpy(huge.data() + text_at, &claim, 8);
  EXPECT_THROW(events::DecodePayload<Everything>(huge), cereal::Exception);
  // A bool byte that is neither 0 nor 1.
  std::string bad_bool = bytes;
  bad_bool[5] = 2;
  EXPECT_THROW(events::DecodePayload<Everything>(bad_bool), cereal::Exception);
}

TEST(PayloadReaderTest, DecodesFromAViewIntoLargerBytes) {
  const std::string bytes = Write(Sample(), cereal::PortableBinaryOutputArchive::Options::Default());
  const std::string framed = "head" + bytes + "tail";
  EXPECT_TRUE(events::DecodePayload<Everything>(std::string_view(framed).substr(4, bytes.size())) == Sample());
}

TEST(RecordViewTest, ReadsTheRecordInPlace) {
  RecordedEvent e;
  e.position = 7;
  e.stream = "employer-2000000001";
  e.version = 3;
  e.event_id = "0b7e0f4c-6a53-4a4e-9f1e-2f3a4b5c6d7e";
  e.type = "EmployerRegistered";
  e.schema_version = 2;
  e.recorded_at = 1'780'000'000'123'456;
  e.meta.actor = Actor{"user-1", "EmployerPrimaryAdmin", "employer-2000000001"};
  e.meta.correlation_id = "corr";
  e.meta.causation_id = "cause";
  e.meta.idempotency_key = "idem";
  e.payload = events::Encode(events::EmployerRegistered{}).payload;
  e.prev_hash.fill(0xab);
  SealRecord(&e);
  const std::string value = EncodeRecord(e);

  const auto view = DecodeRecordView(value);
  ASSERT_TRUE(view.ok()) << view.error().detail;
  const auto inside = [&](std::string_view s) {
    return s.data() >= value.data() && s.data() + s.size() <= value.data() + value.size();
  };
  for (std::string_view s : {view->stream, view->event_id, view->type, view->user_id, view->actor_type,
                             view->employer_id, view->correlation_id, view->causation_id, view->idempotency_key,
                             view->payload, view->prev_hash, view->hash}) {
    EXPECT_TRUE(inside(s)) << s;
  }
  EXPECT_EQ(view->position, 7u);
  EXPECT_EQ(view->version, 3u);
  EXPECT_EQ(view->schema_version, 2u);
  EXPECT_EQ(view->recorded_at, e.recorded_at);
  EXPECT_EQ(view->stream, e.stream);
  EXPECT_EQ(view->type, e.type);
  EXPECT_EQ(view->payload, e.payload);
  EXPECT_EQ(view->payload.data(), value.data() + value.size() - 64 - e.payload.size());
  EXPECT_EQ(view->hash.size(), 32u);

  // Copied out, it is the event DecodeRecord reads; RecordView::Of views it back.
  const RecordedEvent copy = view->ToRecorded();
  EXPECT_EQ(EncodeRecord(copy), value);
  EXPECT_EQ(EncodeRecord(RecordView::Of(copy).ToRecorded()), value);
  EXPECT_EQ(EncodeRecord(*DecodeRecord(value)), value);

  // Truncated or padded bytes fail as DecodeRecord fails.
  for (std::size_t n : {std::size_t{0}, std::size_t{10}, value.size() - 65, value.size() - 1}) {
    const auto bad = DecodeRecordView(std::string_view(value).substr(0, n));
    ASSERT_FALSE(bad.ok()) << n;
    EXPECT_EQ(bad.error().detail, DecodeRecord(std::string_view(value).substr(0, n)).error().detail);
  }
}

}  // namespace
}  // namespace istihdam

// The event codec: portable-binary payloads with class versions, the upcast of old schema
// versions, and the JSON view (camelCase names, PII list, the event-history envelope).
#include "events/codec.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <sstream>

#include "events/employers.h"
#include "events/event_registry.h"
#include "events/identity.h"
#include "events/workplaces.h"
#include "tests/test_util.h"

namespace istihdam::codec_test {

// EmployerRegistered as schema version 1 wrote it: the same fields without `sector`.
struct EmployerRegisteredV1 {
  std::string employer_id, iskur_no, employer_kind, title, tax_office, tax_no, province, district,
      address, phone, email, primary_admin_user_id, terms_version, terms_accepted_at;

  template <class A>
  void serialize(A& ar, std::uint32_t) {
    using events::F;
    using events::PII;
    ar(F("employerId", employer_id), F("iskurNo", iskur_no), F("employerKind", employer_kind),
       F("title", title), F("taxOffice", tax_office), F("taxNo", tax_no));
    ar(F("province", province), F("district", district), PII("*address", address),
       PII("*phone", phone), PII("*email", email), F("primaryAdminUserId", primary_admin_user_id),
       F("termsVersion", terms_version), F("termsAcceptedAt", terms_accepted_at));
  }
};

// UserLoggedIn and UserLoggedOut as schema version 1 wrote them (no token hash).
struct UserLoggedInV1 {
  std::string user_id, employer_id, session_id, expires_at;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    using events::F;
    ar(F("userId", user_id), F("employerId", employer_id), F("sessionId", session_id),
       F("expiresAt", expires_at));
  }
};
struct UserLoggedOutV1 {
  std::string user_id, session_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    using events::F;
    ar(F("userId", user_id), F("sessionId", session_id));
  }
};

}  // namespace istihdam::codec_test

CEREAL_CLASS_VERSION(istihdam::codec_test::EmployerRegisteredV1, 1);
CEREAL_CLASS_VERSION(istihdam::codec_test::UserLoggedInV1, 1);
CEREAL_CLASS_VERSION(istihdam::codec_test::UserLoggedOutV1, 1);

namespace istihdam::codec_test {
namespace {

using ::testing::Contains;
using ::testing::UnorderedElementsAre;

events::EmployerRegistered SampleEmployer() {
  return events::EmployerRegistered{"employer-2000000001",
                                    "2000000001",
                                    "legalEntity",
                                    "Örnek Yazılım A.Ş.",
                                    "Kadıköy",
                                    "4540536920",
                                    "public",
                                    "34",
                                    "Kadıköy",
                                    "Caferağa Mah. No: 1",
                                    "0216 555 12 34",
                                    "info@ornek.com.tr",
                                    "user-4000000001",
                                    "2026-01",
                                    "2026-01-15T09:00:00.000000Z"};
}

events::WorkplaceRegistered SampleWorkplace() {
  events::WorkplaceInfo info;
  info.district = "Çankaya";
  info.address = "Atatürk Bulvarı No: 10";
  info.postal_code = "06420";
  info.phone = "0312 444 55 66";
  info.email = "ankara@ornek.com.tr";
  info.activity = "Yazılım";
  info.contacts = {{"email", "ik@ornek.com.tr"}, {"fax", "0312 444 55 67"}};
  info.related_persons = {{"Mehmet Kaya", "Şube Müdürü", "0532 000 00 00", "mehmet@ornek.com.tr"}};
  info.other_info = "Giriş kat";
  return events::WorkplaceRegistered{"workplace-3000000002",
                                     "employer-2000000001",
                                     "2000000001",
                                     "Ankara Şube",
                                     "52064080866666660146574001",
                                     "4540536920",
                                     "06",
                                     "branch",
                                     "workplace-3000000001",
                                     info};
}

std::string J(const boost::json::object& o) { return boost::json::serialize(o); }

TEST(CodecTest, EmployerRegisteredRoundTrips) {
  const auto e = SampleEmployer();
  const NewEvent n = events::Encode(e);
  EXPECT_EQ(n.type, "EmployerRegistered");
  EXPECT_EQ(n.schema_version, 2u);
  const auto back = events::DecodePayload<events::EmployerRegistered>(n.payload);
  EXPECT_EQ(J(events::ToJson(back)), J(events::ToJson(e)));
  EXPECT_EQ(back.sector, "public");
  EXPECT_EQ(back.terms_accepted_at, "2026-01-15T09:00:00.000000Z");
}

TEST(CodecTest, WorkplaceRegisteredRoundTripsWithNestedInfo) {
  const auto e = SampleWorkplace();
  const NewEvent n = events::Encode(e);
  EXPECT_EQ(n.type, "WorkplaceRegistered");
  EXPECT_EQ(n.schema_version, 1u);
  const auto back = events::DecodePayload<events::WorkplaceRegistered>(n.payload);
  EXPECT_EQ(back.workplace_id, e.workplace_id);
  EXPECT_EQ(back.hq_workplace_id, "workplace-3000000001");
  EXPECT_EQ(back.role, "branch");
  EXPECT_EQ(back.info, e.info);
  ASSERT_EQ(back.info.contacts.size(), 2u);
  EXPECT_EQ(back.info.contacts[1], (events::ContactEntry{"fax", "0312 444 55 67"}));
}

TEST(CodecTest, DecodePicksTheVariantAlternativeByType) {
  RecordedEvent rec;
  const NewEvent n = events::Encode(SampleWorkplace());
  rec.type = n.type;
  rec.payload = n.payload;
  auto v = events::Decode<events::WorkplaceEvent>(rec);
  ASSERT_TRUE(v.has_value());
  ASSERT_TRUE(std::holds_alternative<events::WorkplaceRegistered>(*v));
  EXPECT_EQ(std::get<events::WorkplaceRegistered>(*v).title, "Ankara Şube");

  rec.type = "EmployerRegistered";
  EXPECT_FALSE(events::Decode<events::WorkplaceEvent>(rec).has_value());
}

TEST(CodecTest, SchemaVersions) {
  EXPECT_EQ(events::SchemaVersion<events::EmployerRegistered>(), 2u);
  EXPECT_EQ(events::SchemaVersion<events::WorkplaceRegistered>(), 1u);
  EXPECT_EQ(events::SchemaVersion<EmployerRegisteredV1>(), 1u);
}

TEST(CodecTest, VersionOneEmployerRegisteredIsUpcastToPrivateSector) {
  const auto cur = SampleEmployer();
  const EmployerRegisteredV1 old{cur.employer_id,   cur.iskur_no,
                                 cur.employer_kind, cur.title,
                                 cur.tax_office,    cur.tax_no,
                                 cur.province,      cur.district,
                                 cur.address,       cur.phone,
                                 cur.email,         cur.primary_admin_user_id,
                                 cur.terms_version, cur.terms_accepted_at};
  std::ostringstream os;
  {
    cereal::PortableBinaryOutputArchive ar(os);
    ar(old);
  }
  const auto e = events::DecodePayload<events::EmployerRegistered>(os.str());
  EXPECT_EQ(e.sector, "private");
  EXPECT_EQ(e.employer_id, cur.employer_id);
  EXPECT_EQ(e.iskur_no, cur.iskur_no);
  EXPECT_EQ(e.employer_kind, cur.employer_kind);
  EXPECT_EQ(e.title, cur.title);
  EXPECT_EQ(e.tax_office, cur.tax_office);
  EXPECT_EQ(e.tax_no, cur.tax_no);
  EXPECT_EQ(e.province, cur.province);
  EXPECT_EQ(e.district, cur.district);
  EXPECT_EQ(e.address, cur.address);
  EXPECT_EQ(e.phone, cur.phone);
  EXPECT_EQ(e.email, cur.email);
  EXPECT_EQ(e.primary_admin_user_id, cur.primary_admin_user_id);
  EXPECT_EQ(e.terms_version, cur.terms_version);
  EXPECT_EQ(e.terms_accepted_at, cur.terms_accepted_at);
}

template <class T>
std::string OldBytes(const T& old) {
  std::ostringstream os;
  {
    cereal::PortableBinaryOutputArchive ar(os);
    ar(old);
  }
  return os.str();
}

TEST(CodecTest, VersionOneLoginEventsReadWithoutTokenHash) {
  EXPECT_EQ(events::SchemaVersion<events::UserLoggedIn>(), 2u);
  EXPECT_EQ(events::SchemaVersion<events::UserLoggedOut>(), 2u);
  const auto in = events::DecodePayload<events::UserLoggedIn>(
      OldBytes(UserLoggedInV1{"4000000001", "2000000001", "0123456789abcdef", "2026-01-15T17:00:00.000000Z"}));
  EXPECT_EQ(in.user_id, "4000000001");
  EXPECT_EQ(in.employer_id, "2000000001");
  EXPECT_EQ(in.session_id, "0123456789abcdef");
  EXPECT_EQ(in.expires_at, "2026-01-15T17:00:00.000000Z");
  EXPECT_EQ(in.token_hash, "");
  EXPECT_EQ(in.actor_type, "");
  EXPECT_EQ(in.province, "");
  const auto out = events::DecodePayload<events::UserLoggedOut>(OldBytes(UserLoggedOutV1{"4000000001", "0123456789abcdef"}));
  EXPECT_EQ(out.session_id, "0123456789abcdef");
  EXPECT_EQ(out.token_hash, "");
  // Version 2 round-trips its new fields.
  const events::UserLoggedIn v2{"9000000001", "", "0123456789abcdef", "2026-01-15T17:00:00.000000Z",
                                std::string(64, 'a'), "UnitUser", "06"};
  const auto back = events::DecodePayload<events::UserLoggedIn>(events::Encode(v2).payload);
  EXPECT_EQ(back.token_hash, v2.token_hash);
  EXPECT_EQ(back.actor_type, "UnitUser");
  EXPECT_EQ(back.province, "06");
}

TEST(CodecTest, MalformedPayloadThrows) {
  const NewEvent n = events::Encode(SampleEmployer());
  EXPECT_THROW(events::DecodePayload<events::EmployerRegistered>(n.payload.substr(0, 20)),
               cereal::Exception);
}

TEST(CodecTest, ACorruptLengthFailsWithoutAllocatingIt) {
  // EmployerRegistered: the flag byte, the class version, then employerId's length. Claiming
  // 2^40 bytes (or elements) must throw at the end of the input, not allocate a terabyte.
  std::string payload = events::Encode(SampleEmployer()).payload;
  const std::size_t length_at = 1 + 4;
  for (const std::uint64_t bogus : {std::uint64_t{1} << 40, std::uint64_t{1} << 31, ~std::uint64_t{0}}) {
    std::string corrupt = payload;
    for (int i = 0; i < 8; ++i) corrupt[length_at + i] = static_cast<char>((bogus >> (8 * i)) & 0xff);
    EXPECT_THROW(events::DecodePayload<events::EmployerRegistered>(corrupt), cereal::Exception) << bogus;
  }
  // Vectors: WorkplaceRegistered's contacts claim 2^40 entries.
  const auto w = SampleWorkplace();
  std::string bytes = events::Encode(w).payload;
  const auto back = events::DecodePayload<events::WorkplaceRegistered>(bytes);
  EXPECT_EQ(back.info.contacts, w.info.contacts);  // the bounded loads read cereal's bytes
  // The contacts' count (2, as a u64) sits just before the first entry ("email"), after the
  // entry type's class version (u32) when it has one.
  std::string two(8, '\0');
  two[0] = 2;
  const auto email = bytes.find(std::string("\x05\0\0\0\0\0\0\0email", 13));
  ASSERT_NE(email, std::string::npos);
  std::size_t count_at = std::string::npos;
  for (const std::size_t back_by : {8u, 12u}) {
    if (email >= back_by && bytes.compare(email - back_by, 8, two) == 0) count_at = email - back_by;
  }
  ASSERT_NE(count_at, std::string::npos);
  std::string corrupt = bytes;
  corrupt.replace(count_at, 8, std::string("\0\0\0\0\0\x01\0\0", 8));
  EXPECT_THROW(events::DecodePayload<events::WorkplaceRegistered>(corrupt), cereal::Exception);
}

struct Flag {
  bool on = false;
  template <class A>
  void serialize(A& ar) {
    ar(on);
  }
};

TEST(CodecTest, ABoolByteOtherThanZeroOrOneIsMalformed) {
  // A struct of one bool: written as 1, then its byte patched to 0 and to 0xFF.
  std::ostringstream os;
  {
    cereal::PortableBinaryOutputArchive out(os);
    Flag f{true};
    out(f);
  }
  std::string bytes = os.str();
  ASSERT_EQ(bytes.size(), 2u);  // the endianness flag, the bool
  EXPECT_TRUE(events::DecodePayload<Flag>(bytes).on);
  bytes[1] = '\0';
  EXPECT_FALSE(events::DecodePayload<Flag>(bytes).on);
  bytes[1] = '\xFF';
  EXPECT_THROW(events::DecodePayload<Flag>(bytes), cereal::Exception);
}

TEST(JsonViewTest, EmployerRegisteredUsesCamelCaseAndListsPii) {
  std::vector<std::string> pii;
  const auto o = events::ToJson(SampleEmployer(), &pii);
  std::vector<std::string> keys;
  for (const auto& kv : o) keys.emplace_back(kv.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"employerId", "iskurNo", "employerKind", "title",
                                            "taxOffice", "taxNo", "sector", "province", "district",
                                            "address", "phone", "email", "primaryAdminUserId",
                                            "termsVersion", "termsAcceptedAt"}));
  EXPECT_EQ(o.at("address").as_string(), "Caferağa Mah. No: 1");
  EXPECT_EQ(o.at("sector").as_string(), "public");
  EXPECT_THAT(pii, UnorderedElementsAre("address", "phone", "email"));
}

TEST(JsonViewTest, WorkplaceRegisteredNestsInfoAndPrefixesPii) {
  std::vector<std::string> pii;
  const auto o = events::ToJson(SampleWorkplace(), &pii);
  EXPECT_EQ(o.at("workplaceId").as_string(), "workplace-3000000002");
  EXPECT_EQ(o.at("hqWorkplaceId").as_string(), "workplace-3000000001");
  EXPECT_EQ(o.at("sgkNo").as_string(), "52064080866666660146574001");
  const auto& info = o.at("info").as_object();
  EXPECT_EQ(info.at("postalCode").as_string(), "06420");
  EXPECT_EQ(info.at("address").as_string(), "Atatürk Bulvarı No: 10");
  EXPECT_EQ(info.at("otherInfo").as_string(), "Giriş kat");
  const auto& contacts = info.at("contacts").as_array();
  ASSERT_EQ(contacts.size(), 2u);
  EXPECT_EQ(contacts[0].as_object().at("type").as_string(), "email");
  EXPECT_EQ(contacts[0].as_object().at("value").as_string(), "ik@ornek.com.tr");
  EXPECT_EQ(info.at("relatedPersons").as_array()[0].as_object().at("name").as_string(),
            "Mehmet Kaya");
  EXPECT_THAT(pii, Contains("info.address"));
  EXPECT_THAT(pii, Contains("info.phone"));
  EXPECT_THAT(pii, Contains("info.email"));
  EXPECT_THAT(pii, Contains("info.contacts.value"));
  EXPECT_THAT(pii, Contains("info.relatedPersons.name"));
  for (const auto& p : pii) EXPECT_EQ(p.find('*'), std::string::npos) << p;
  const std::string text = boost::json::serialize(o);
  EXPECT_EQ(text.find('*'), std::string::npos) << text;
}

TEST(EventRegistryTest, ToJsonHasTheEnvelopeAndTheData) {
  testing::InitCrypto();
  events::EventRegistry registry;
  registry.Register<events::EmployerEvent>();
  registry.Register<events::WorkplaceEvent>();
  ASSERT_NE(registry.Find("EmployerRegistered"), nullptr);
  EXPECT_EQ(registry.Find("EmployerRegistered")->schema_version, 2u);
  EXPECT_EQ(registry.Find("NoSuchEvent"), nullptr);

  const auto e = SampleEmployer();
  const NewEvent n = events::Encode(e);
  RecordedEvent rec;
  rec.position = 7;
  rec.stream = "employer-2000000001";
  rec.version = 1;
  rec.event_id = "6f1c2d3e-4b5a-4c6d-8e7f-001122334455";
  rec.type = n.type;
  rec.schema_version = n.schema_version;
  rec.recorded_at = testing::kT0;
  rec.meta.actor = Actor{"", "Anonymous", ""};
  rec.meta.correlation_id = "corr-1";
  rec.meta.causation_id = "cmd-1";
  rec.payload = n.payload;
  rec.prev_hash = crypto::Sha256("previous");
  SealRecord(&rec);

  const auto o = registry.ToJson(rec);
  std::vector<std::string> keys;
  for (const auto& kv : o) keys.emplace_back(kv.key());
  EXPECT_THAT(keys, UnorderedElementsAre("position", "streamId", "version", "eventId", "type",
                                         "schemaVersion", "recordedAt", "actor", "correlationId",
                                         "causationId", "data", "hash", "prevHash"));
  EXPECT_EQ(o.at("position").to_number<std::uint64_t>(), 7u);
  EXPECT_EQ(o.at("streamId").as_string(), "employer-2000000001");
  EXPECT_EQ(o.at("version").to_number<std::uint64_t>(), 1u);
  EXPECT_EQ(o.at("eventId").as_string(), "6f1c2d3e-4b5a-4c6d-8e7f-001122334455");
  EXPECT_EQ(o.at("type").as_string(), "EmployerRegistered");
  EXPECT_EQ(o.at("schemaVersion").to_number<std::uint32_t>(), 2u);
  EXPECT_EQ(o.at("recordedAt").as_string(), "2026-01-15T09:00:00.000000Z");
  EXPECT_EQ(o.at("actor").as_object().at("actorType").as_string(), "Anonymous");
  EXPECT_EQ(o.at("correlationId").as_string(), "corr-1");
  EXPECT_EQ(o.at("causationId").as_string(), "cmd-1");
  EXPECT_EQ(J(o.at("data").as_object()), J(events::ToJson(e)));
  EXPECT_EQ(o.at("hash").as_string(), crypto::ToHex(rec.hash));
  EXPECT_EQ(o.at("prevHash").as_string(), crypto::ToHex(crypto::Sha256("previous")));
  EXPECT_EQ(o.at("hash").as_string().size(), 64u);

  rec.meta.idempotency_key = "idem-1";
  rec.type = "FromTheFuture";
  const auto unknown = registry.ToJson(rec);
  EXPECT_EQ(unknown.at("idempotencyKey").as_string(), "idem-1");
  EXPECT_TRUE(unknown.at("data").is_null());
}

}  // namespace
}  // namespace istihdam::codec_test

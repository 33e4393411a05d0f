// events/text_check.h and EventRegistry::FindInvalidText: the backstop before the log, and
// the check `istihdam verify` runs over stored events.
#include "events/text_check.h"

#include <gtest/gtest.h>

#include "events/event_registry.h"
#include "events/workforce_schedules.h"
#include "events/workplaces.h"

namespace istihdam {
namespace {

using namespace std::string_literals;

events::WorkforcePersonnelDetailsReplaced Rows() {
  events::WorkforcePersonnelDetailsReplaced e;
  e.hq_workplace_id = "3000000001";
  e.year_month = "2026-10";
  events::PersonnelMovement a;
  a.type = "hired";
  a.tckn = "10000000146";
  a.first_name = "Ayşe";
  a.last_name = "Yılmaz";
  a.leaving_reason = "satır 1\nsatır 2\t(sekme)";  // free text may hold tab and newline
  e.rows = {a, a};
  return e;
}

TEST(FindInvalidTextTest, CleanEventsHaveNone) {
  EXPECT_EQ(events::FindInvalidText(Rows()), std::nullopt);
}

TEST(FindInvalidTextTest, NamesThePathOfTheFirstBadString) {
  auto e = Rows();
  e.rows[1].first_name = "Fu\xFF\xFEzz";  // issue 10
  EXPECT_EQ(events::FindInvalidText(e), "rows[1].firstName");  // PII names lose their '*'
  e.rows[0].last_name = "Kaya\x01";
  EXPECT_EQ(events::FindInvalidText(e), "rows[0].lastName");
  e = Rows();
  e.hq_workplace_id = "3000000001\0"s;
  EXPECT_EQ(events::FindInvalidText(e), "hqWorkplaceId");
}

TEST(FindInvalidTextTest, LooksIntoNestedStructsAndOptionals) {
  events::WorkforceScheduleSubmitted e;
  e.hq_workplace_id = "3000000001";
  e.year_month = "2026-10";
  e.content.employment_preferences.expected_workforce_change_next_month = "increase\x7F";
  EXPECT_EQ(events::FindInvalidText(e), "content.employmentPreferences.expectedWorkforceChangeNextMonth");
}

TEST(FindInvalidTextTest, TheRegistryChecksEnvelopeAndPayloadOfRecordedAndNewEvents) {
  events::EventRegistry registry;
  registry.Register<events::WorkforceScheduleEvent>();
  auto bad = Rows();
  bad.rows[0].first_name = "\xC3";
  const NewEvent n = events::Encode(bad);
  EventMetadata meta;
  meta.actor = Actor{"1000000001", "EmployerPrimaryAdmin", "2000000001"};
  meta.correlation_id = "corr-1";
  meta.causation_id = "cmd-1";
  EXPECT_EQ(registry.FindInvalidText("workforce-schedule-3000000001", n, meta), "data.rows[0].firstName");
  const NewEvent good = events::Encode(Rows());
  EXPECT_EQ(registry.FindInvalidText("workforce-schedule-3000000001", good, meta), std::nullopt);
  EXPECT_EQ(registry.FindInvalidText("workforce-schedule-3000000001\0"s, good, meta), "streamId");
  meta.idempotency_key = "key\xFF";
  EXPECT_EQ(registry.FindInvalidText("workforce-schedule-3000000001", good, meta), "idempotencyKey");

  RecordedEvent rec;
  rec.stream = "workforce-schedule-3000000001";
  rec.event_id = "6f1c2d3e-4b5a-4c6d-8e7f-001122334455";
  rec.type = n.type;
  rec.payload = n.payload;
  EXPECT_EQ(registry.FindInvalidText(rec), "data.rows[0].firstName");
  rec.payload = "\x01";  // does not decode
  EXPECT_EQ(registry.FindInvalidText(rec), "data");
  rec.type = "NoSuchEvent";  // a newer build's type: not looked into
  EXPECT_EQ(registry.FindInvalidText(rec), std::nullopt);
}

TEST(FindInvalidTextTest, TheJsonViewOfABadEventIsValidUtf8) {
  auto e = Rows();
  e.rows[0].first_name = "Fu\xFF\xFEzz";
  const auto o = events::ToJson(e);
  EXPECT_EQ(o.at("rows").as_array()[0].as_object().at("firstName").as_string(), "Fu\xEF\xBF\xBD\xEF\xBF\xBDzz");
}

}  // namespace
}  // namespace istihdam

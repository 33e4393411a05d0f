#pragma once
// Wire types shared by several routes and by /openapi.json's components: the event envelope
// (events/event_registry.cpp ToJson, docs/events.md), the problem document (http/problem.cpp)
// and the year filter of the monthly lists.
#include <optional>
#include <string>
#include <vector>

#include "http/wire.h"

namespace istihdam::http::contract::common {

// ?year=YYYY and paging, of the lists of months (workforce schedules, quota status).
struct YearQuery : wire::Paging {
  std::string year;
  template <class A>
  void serialize(A& ar) {
    using wire::F;
    ar(F("year", year).describe("YYYY: only the months of that year"));
    Paging::serialize(ar);
  }
};

struct ActorDoc {
  std::string user_id, actor_type, employer_id;
  template <class A>
  void serialize(A& ar) {
    using wire::F;
    ar(F("userId", user_id), F("actorType", actor_type), F("employerId", employer_id));
  }
};

struct EventDoc {
  static constexpr const char* kComponent = "Event";
  std::uint64_t position = 0, version = 0, schema_version = 0;
  std::string stream_id, event_id, type, recorded_at, correlation_id, causation_id, hash, prev_hash;
  std::optional<std::string> idempotency_key;
  ActorDoc actor;
  boost::json::value data;
  template <class A>
  void serialize(A& ar) {
    using wire::F;
    ar(F("position", position), F("streamId", stream_id), F("version", version), F("eventId", event_id),
       F("type", type), F("schemaVersion", schema_version), F("recordedAt", recorded_at).formatted("date-time"),
       F("actor", actor), F("correlationId", correlation_id), F("causationId", causation_id),
       F("idempotencyKey", idempotency_key),
       F("data", data).describe("the event's fields (docs/event-schemas.md); null for a type this build does not know"),
       F("hash", hash), F("prevHash", prev_hash));
  }
};

struct ProblemFieldDoc {
  std::string field, code, message;
  template <class A>
  void serialize(A& ar) {
    using wire::F;
    ar(F("field", field), F("code", code), F("message", message));
  }
};

struct ProblemReasonDoc {
  std::string code, criterion, required, as_of;
  std::optional<std::string> actual;
  template <class A>
  void serialize(A& ar) {
    using wire::F;
    ar(F("code", code).describe("age_out_of_range, education_too_low, driving_licence_missing, language_missing, "
                                "target_group_mismatch or birth_date_unknown"),
       F("criterion", criterion), F("required", required), F("actual", actual).nullable(),
       F("asOf", as_of).formatted("date").describe("the labor demand's lastApplicationDate"));
  }
};

struct ProblemDoc {
  static constexpr const char* kComponent = "Problem";
  std::string type, title, code, detail;
  std::int64_t status = 0;
  std::vector<ProblemFieldDoc> errors;
  std::optional<std::vector<ProblemReasonDoc>> reasons;
  std::optional<std::vector<std::string>> job_seeker_ids;
  template <class A>
  void serialize(A& ar) {
    using wire::F;
    ar(F("type", type), F("title", title), F("status", status), F("code", code), F("detail", detail),
       F("errors", errors),
       F("reasons", reasons).describe("not_eligible: every criterion the job seeker does not meet"),
       F("jobSeekerIds", job_seeker_ids).describe("already_candidate, not_matching: the job seekers refused"));
  }
};

}  // namespace istihdam::http::contract::common

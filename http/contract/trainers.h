#pragma once
// Course trainers — "Eğitici Bilgileri" (api/courses.md "Trainers", docs/trainers.md): bodies,
// query strings and answers.
#include <cstdint>
#include <string>
#include <vector>

#include "aggregates/job_codes.h"
#include "aggregates/trainer.h"
#include "http/wire.h"

namespace istihdam::http::contract::trainers {

using wire::F;

inline const char* Codes(std::string_view set) { return set.data(); }

// ----- Bodies -------------------------------------------------------------------------

// The fields a trainer's owner enters; POST adds the TCKN. A PUT accepts the document its GET
// returned: id, tckn, ownerId, courseIds and version in it are ignored.
struct Editable {
  std::string first_name, last_name, occupation, education_level, phone, email;
  template <class A>
  void serialize(A& ar) {
    ar(F("firstName", first_name).requiredByCommand().describe("at most 100 characters"),
       F("lastName", last_name).requiredByCommand().describe("at most 100 characters"),
       F("occupation", occupation).requiredByCommand().describe("ISCO-08 4-digit code of the occupation dictionary"),
       F("educationLevel", education_level).from(Codes(job_codes::kEducationLevel)),
       F("phone", phone), F("email", email));
  }
  TrainerFields ToFields() const { return {first_name, last_name, occupation, education_level, phone, email}; }
};

struct NewTrainer {
  std::string tckn;
  Editable fields;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn).requiredByCommand().describe("11 digits with valid check digits; once per owner"));
    fields.serialize(ar);
  }
};

// ----- Query strings ------------------------------------------------------------------

struct TrainerQuery : wire::Paging {
  std::string tckn, name, occupation;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn).describe("exact"),
       F("name", name).describe("part of the first and last name; case and Turkish letters folded"),
       F("occupation", occupation).describe("exact ISCO-08 code"));
    Paging::serialize(ar);
  }
};

// ----- Answers ------------------------------------------------------------------------

struct TrainerRow {
  std::string id, tckn, first_name, last_name, occupation, owner_id;
  std::vector<std::string> course_ids;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("tckn", tckn), F("firstName", first_name), F("lastName", last_name),
       F("occupation", occupation), F("ownerId", owner_id).describe("the employer id, or \"agency\""),
       F("courseIds", course_ids));
  }
};

struct Trainer {
  std::string id, tckn, first_name, last_name, occupation, education_level, phone, email, owner_id;
  std::vector<std::string> course_ids;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("tckn", tckn), F("firstName", first_name), F("lastName", last_name),
       F("occupation", occupation), F("educationLevel", education_level).describe("\"\" when not given"),
       F("phone", phone), F("email", email), F("ownerId", owner_id).describe("the employer id, or \"agency\""),
       F("courseIds", course_ids).describe("the courses the trainer is assigned to"), F("version", version));
  }
};

}  // namespace istihdam::http::contract::trainers

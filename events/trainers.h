#pragma once
// Events of the course trainers — "Eğitici Bilgileri" (DOMAIN.md §2.1.4.2, api/courses.md
// "Trainers", docs/trainers.md). Streams: "trainer-<trainerId>" (one trainer) and the
// reservation stream of an (owner, TCKN) pair, "trainer-tckn-<keyed hash>" (ReservationStream
// of commands/command_context.h), which makes the TCKN unique per owner without a race.
#include <cstdint>
#include <string>
#include <variant>

#include "events/codec.h"

namespace istihdam::events {

// RegisterTrainer ("Ekle"): by a service provider (an employer, ownerId = its employer id) or
// by agency staff (ownerId = "agency").
struct TrainerRegistered {
  static constexpr const char* kType = "TrainerRegistered";
  std::string trainer_id;
  std::string owner_id;
  std::string tckn;
  std::string first_name;
  std::string last_name;
  std::string occupation;       // ISCO-08 code (4 digits) of the reference data
  std::string education_level;  // a job_codes educationLevel code, "" when not given
  std::string phone;            // "" when not given
  std::string email;            // "" when not given
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("trainerId", trainer_id), F("ownerId", owner_id), PII("*tckn", tckn), PII("*firstName", first_name),
       PII("*lastName", last_name), F("occupation", occupation), F("educationLevel", education_level),
       PII("*phone", phone), PII("*email", email));
  }
};

// UpdateTrainer: the editable fields, all of them (the TCKN and the owner never change).
struct TrainerUpdated {
  static constexpr const char* kType = "TrainerUpdated";
  std::string trainer_id;
  std::string first_name;
  std::string last_name;
  std::string occupation;
  std::string education_level;
  std::string phone;
  std::string email;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("trainerId", trainer_id), PII("*firstName", first_name), PII("*lastName", last_name),
       F("occupation", occupation), F("educationLevel", education_level), PII("*phone", phone),
       PII("*email", email));
  }
};

// DeleteTrainer ("Sil"): the trainer leaves the trainer list; its history stays.
struct TrainerDeleted {
  static constexpr const char* kType = "TrainerDeleted";
  std::string trainer_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("trainerId", trainer_id));
  }
};

using TrainerEvent = std::variant<TrainerRegistered, TrainerUpdated, TrainerDeleted>;

// The reservation stream of an (owner, TCKN) pair: held by one trainer from its registration
// until its deletion. The first reservation is appended with "no stream", a later one (after a
// release) with the stream's exact version, always in the same atomic write as the trainer's
// event; the stream id is a keyed hash, so no TCKN travels in it.
struct TrainerTcknReserved {
  static constexpr const char* kType = "TrainerTcknReserved";
  std::string trainer_id;
  std::string owner_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("trainerId", trainer_id), F("ownerId", owner_id));
  }
};

// Appended with TrainerDeleted: the owner may register the same person again.
struct TrainerTcknReleased {
  static constexpr const char* kType = "TrainerTcknReleased";
  std::string trainer_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("trainerId", trainer_id));
  }
};

using TrainerReservationEvent = std::variant<TrainerTcknReserved, TrainerTcknReleased>;

}  // namespace istihdam::events

#pragma once
// The Trainer aggregate — "Eğitici Bilgileri" (DOMAIN.md §2.1.4.2, api/courses.md "Trainers",
// docs/trainers.md). A trainer belongs to its owner: the service provider (employer) that
// entered it, or the agency. Pure: the owner, the id, the reservation of the (owner, TCKN)
// pair and whether the trainer teaches a running course come in with the command.
#include <cstddef>
#include <string>
#include <vector>

#include "events/trainers.h"
#include "infra/reference_data.h"
#include "infra/result.h"

namespace istihdam {

// "trainer-<id>".
std::string TrainerStream(const std::string& trainer_id);

// The owner of trainers registered by agency staff (unit and head-office users).
inline constexpr const char* kAgencyTrainerOwner = "agency";

// The longest first or last name, in characters.
inline constexpr std::size_t kMaxTrainerNameChars = 100;

struct TrainerState {
  bool exists = false;
  bool deleted = false;
  std::string trainer_id, owner_id, tckn, first_name, last_name, occupation, education_level, phone, email;
};

TrainerState Apply(TrainerState s, const events::TrainerEvent& e);

// Whether `actor_owner` (an employer id, or kAgencyTrainerOwner for staff) may see and change
// the trainer: the agency every trainer, an employer its own; never a deleted one.
bool TrainerVisibleTo(const TrainerState& s, const std::string& actor_owner);

// The reservation stream of an (owner, TCKN) pair: the trainer holding it, "" when free
// (never reserved, or released by the holder's deletion).
struct TrainerReservation {
  std::string holder;
};
TrainerReservation Apply(TrainerReservation r, const events::TrainerReservationEvent& e);

// The fields a trainer's owner enters and may change later.
struct TrainerFields {
  std::string first_name, last_name, occupation, education_level, phone, email;
};

struct RegisterTrainer {
  std::string trainer_id;  // assigned by the handler
  std::string owner_id;    // the employer, or kAgencyTrainerOwner
  std::string tckn;
  TrainerFields fields;
};

// Errors: validation_failed (tckn invalid_format/invalid_checksum, firstName and lastName
// required/too_long, occupation required/unknown_value, educationLevel unknown_value, phone and
// email invalid_format), then trainer_already_registered when the owner's reservation of the
// TCKN is held.
Result<events::TrainerRegistered> DecideRegisterTrainer(const TrainerReservation& reservation,
                                                        const RegisterTrainer& c, const ReferenceData& ref);

struct UpdateTrainer {
  std::string actor_owner;  // the employer, or kAgencyTrainerOwner
  TrainerFields fields;
};

// No event when nothing changes. Errors: trainer_not_found (unknown, deleted or another
// owner's for an employer), validation_failed.
Result<std::vector<events::TrainerEvent>> DecideUpdateTrainer(const TrainerState& s, const UpdateTrainer& c,
                                                              const ReferenceData& ref);

struct DeleteTrainer {
  std::string actor_owner;          // the employer, or kAgencyTrainerOwner
  bool on_running_course = false;   // read by the caller from the trainers projection
};

// Errors: trainer_not_found, then trainer_assigned (the trainer teaches an opened or
// inProgress course).
Result<events::TrainerDeleted> DecideDeleteTrainer(const TrainerState& s, const DeleteTrainer& c);

}  // namespace istihdam

#pragma once
// Trainer commands — "Eğitici Bilgileri" (DOMAIN.md §2.1.4.2, docs/trainers.md):
// RegisterTrainer, UpdateTrainer and DeleteTrainer, by a service provider (its own trainers)
// or by agency staff (owner kAgencyTrainerOwner, acting on every trainer).
#include <cstdint>
#include <optional>
#include <string>

#include "aggregates/trainer.h"
#include "commands/services.h"

namespace istihdam {

// The reservation stream of the owner's trainer with this TCKN.
std::string TrainerReservationStream(Services& s, const std::string& owner_id, const std::string& tckn);

// 201 {"id", "version"}. The handler assigns the id ("6000000001", …) and appends, in one
// write, TrainerRegistered and the (owner, TCKN) reservation: "no stream" the first time, the
// exact version after a release, so two concurrent registrations cannot both win.
// Errors: see DecideRegisterTrainer.
Result<Outcome> HandleRegisterTrainer(Services& s, const CommandEnv& env, RegisterTrainer cmd);

// 200 {"id", "version"}. `if_match`: the version the client last saw (412 when stale).
// Errors: see DecideUpdateTrainer; version_mismatch.
Result<Outcome> HandleUpdateTrainer(Services& s, const CommandEnv& env, const std::string& trainer_id,
                                    std::optional<std::uint64_t> if_match, const UpdateTrainer& cmd);

// 200 {"id", "version"}: TrainerDeleted and the release of the reservation, in one write.
// Errors: see DecideDeleteTrainer; version_mismatch.
Result<Outcome> HandleDeleteTrainer(Services& s, const CommandEnv& env, const std::string& trainer_id,
                                    std::optional<std::uint64_t> if_match, const DeleteTrainer& cmd);

}  // namespace istihdam

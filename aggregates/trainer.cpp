#include "aggregates/trainer.h"

#include "aggregates/job_codes.h"
#include "aggregates/validation.h"

namespace istihdam {

std::string TrainerStream(const std::string& trainer_id) { return "trainer-" + trainer_id; }

TrainerState Apply(TrainerState s, const events::TrainerEvent& e) {
  if (const auto* r = std::get_if<events::TrainerRegistered>(&e)) {
    s.exists = true;
    s.deleted = false;
    s.trainer_id = r->trainer_id;
    s.owner_id = r->owner_id;
    s.tckn = r->tckn;
    s.first_name = r->first_name;
    s.last_name = r->last_name;
    s.occupation = r->occupation;
    s.education_level = r->education_level;
    s.phone = r->phone;
    s.email = r->email;
  } else if (const auto* u = std::get_if<events::TrainerUpdated>(&e)) {
    s.first_name = u->first_name;
    s.last_name = u->last_name;
    s.occupation = u->occupation;
    s.education_level = u->education_level;
    s.phone = u->phone;
    s.email = u->email;
  } else if (std::holds_alternative<events::TrainerDeleted>(e)) {
    s.deleted = true;
  }
  return s;
}

bool TrainerVisibleTo(const TrainerState& s, const std::string& actor_owner) {
  if (!s.exists || s.deleted) return false;
  return actor_owner == kAgencyTrainerOwner || s.owner_id == actor_owner;
}

TrainerReservation Apply(TrainerReservation r, const events::TrainerReservationEvent& e) {
  if (const auto* h = std::get_if<events::TrainerTcknReserved>(&e)) {
    r.holder = h->trainer_id;
  } else if (const auto* f = std::get_if<events::TrainerTcknReleased>(&e)) {
    if (f->trainer_id == r.holder) r.holder.clear();
  }
  return r;
}

namespace {

void CheckFields(Validator& v, const TrainerFields& f, const ReferenceData& ref) {
  if (v.Required("firstName", f.first_name)) v.MaxChars("firstName", f.first_name, kMaxTrainerNameChars);
  if (v.Required("lastName", f.last_name)) v.MaxChars("lastName", f.last_name, kMaxTrainerNameChars);
  if (v.Required("occupation", f.occupation)) {
    const Occupation* o = ref.FindOccupation(f.occupation);
    if (o == nullptr || o->level != 4) v.Fail("occupation", "unknown_value");
  }
  job_codes::Check(v, "educationLevel", f.education_level, job_codes::kEducationLevel, false);
  v.Phone("phone", f.phone);
  v.Email("email", f.email);
}

bool SameFields(const TrainerState& s, const TrainerFields& f) {
  return s.first_name == f.first_name && s.last_name == f.last_name && s.occupation == f.occupation &&
         s.education_level == f.education_level && s.phone == f.phone && s.email == f.email;
}

}  // namespace

Result<events::TrainerRegistered> DecideRegisterTrainer(const TrainerReservation& reservation,
                                                        const RegisterTrainer& c, const ReferenceData& ref) {
  Validator v;
  v.Tckn("tckn", c.tckn);
  CheckFields(v, c.fields, ref);
  if (!v.ok()) return v.ToError();
  if (!reservation.holder.empty()) {
    return Error{errc::kTrainerAlreadyRegistered, {{"tckn", "already_registered"}}, {}};
  }
  const auto& f = c.fields;
  return events::TrainerRegistered{c.trainer_id, c.owner_id,         c.tckn,  f.first_name, f.last_name,
                                   f.occupation, f.education_level, f.phone, f.email};
}

Result<std::vector<events::TrainerEvent>> DecideUpdateTrainer(const TrainerState& s, const UpdateTrainer& c,
                                                              const ReferenceData& ref) {
  if (!TrainerVisibleTo(s, c.actor_owner)) return Error::Of(errc::kTrainerNotFound);
  Validator v;
  CheckFields(v, c.fields, ref);
  if (!v.ok()) return v.ToError();
  std::vector<events::TrainerEvent> out;
  if (SameFields(s, c.fields)) return out;
  const auto& f = c.fields;
  out.push_back(events::TrainerUpdated{s.trainer_id, f.first_name, f.last_name, f.occupation, f.education_level,
                                       f.phone, f.email});
  return out;
}

Result<events::TrainerDeleted> DecideDeleteTrainer(const TrainerState& s, const DeleteTrainer& c) {
  if (!TrainerVisibleTo(s, c.actor_owner)) return Error::Of(errc::kTrainerNotFound);
  if (c.on_running_course) return Error::Of(errc::kTrainerAssigned);
  return events::TrainerDeleted{s.trainer_id};
}

}  // namespace istihdam

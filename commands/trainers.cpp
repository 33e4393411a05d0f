#include "commands/trainers.h"

namespace istihdam {

namespace {

struct LoadedReservation {
  TrainerReservation state;
  std::uint64_t version = 0;
};

// Reservation streams hold a handful of events: folded on each command, no cache.
LoadedReservation LoadReservation(Services& s, const std::string& stream) {
  LoadedReservation out;
  for (const auto& rec : s.reader->ReadStream(stream, 1)) {
    if (auto e = events::Decode<events::TrainerReservationEvent>(rec)) out.state = Apply(std::move(out.state), *e);
    out.version = rec.version;
  }
  return out;
}

ExpectedVersion Expect(std::uint64_t version) {
  return version == 0 ? ExpectedVersion::NoStream() : ExpectedVersion::Exactly(version);
}

Outcome Answer(const std::string& id, std::uint64_t version) { return Outcome{{{"id", id}, {"version", version}}}; }

}  // namespace

std::string TrainerReservationStream(Services& s, const std::string& owner_id, const std::string& tckn) {
  return ReservationStream(s, "trainer-tckn", owner_id + "\n" + tckn);
}

Result<Outcome> HandleRegisterTrainer(Services& s, const CommandEnv& env, RegisterTrainer cmd) {
  cmd.trainer_id = s.ids.Next("trainer-", 6'000'000'001);
  const std::string reservation_stream = TrainerReservationStream(s, cmd.owner_id, cmd.tckn);
  const Error taken{errc::kTrainerAlreadyRegistered, {{"tckn", "already_registered"}}, {}};
  return Execute(s, env, "RegisterTrainer", [&]() -> Result<Decision> {
    const auto reservation = LoadReservation(s, reservation_stream);
    auto ev = DecideRegisterTrainer(reservation.state, cmd, s.ref);
    if (!ev.ok()) return ev.error();
    Decision d;
    AddEvent(d.append, TrainerStream(ev->trainer_id), ExpectedVersion::NoStream(), *ev);
    AddEvent(d.append, reservation_stream, Expect(reservation.version),
             events::TrainerTcknReserved{ev->trainer_id, ev->owner_id});
    d.conflict_codes.emplace(reservation_stream, taken);
    d.reply = [id = ev->trainer_id](const AppendResult& r) { return Answer(id, r.stream_versions.front()); };
    return d;
  });
}

Result<Outcome> HandleUpdateTrainer(Services& s, const CommandEnv& env, const std::string& trainer_id,
                                    std::optional<std::uint64_t> if_match, const UpdateTrainer& cmd) {
  const std::string stream = TrainerStream(trainer_id);
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, "UpdateTrainer", [&]() -> Result<Decision> {
    const auto trainer = s.trainers.Load(stream);
    auto evs = DecideUpdateTrainer(trainer.state, cmd, s.ref);
    if (!evs.ok()) return evs.error();
    if (if_match && *if_match != trainer.version) return Error::Of(errc::kVersionMismatch);
    Decision d;
    if (!evs->empty()) AddStream(d.append, stream, ExpectedVersion::Exactly(trainer.version), *evs);
    d.reply = [trainer_id, v = trainer.version](const AppendResult& r) {
      return Answer(trainer_id, r.stream_versions.empty() ? v : r.stream_versions.front());
    };
    return d;
  });
}

Result<Outcome> HandleDeleteTrainer(Services& s, const CommandEnv& env, const std::string& trainer_id,
                                    std::optional<std::uint64_t> if_match, const DeleteTrainer& cmd) {
  const std::string stream = TrainerStream(trainer_id);
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, "DeleteTrainer", [&]() -> Result<Decision> {
    const auto trainer = s.trainers.Load(stream);
    auto ev = DecideDeleteTrainer(trainer.state, cmd);
    if (!ev.ok()) return ev.error();
    if (if_match && *if_match != trainer.version) return Error::Of(errc::kVersionMismatch);
    Decision d;
    AddEvent(d.append, stream, ExpectedVersion::Exactly(trainer.version), *ev);
    const std::string reservation_stream =
        TrainerReservationStream(s, trainer.state.owner_id, trainer.state.tckn);
    const auto reservation = LoadReservation(s, reservation_stream);
    if (reservation.state.holder == trainer_id) {
      AddEvent(d.append, reservation_stream, ExpectedVersion::Exactly(reservation.version),
               events::TrainerTcknReleased{trainer_id});
    }
    d.reply = [trainer_id](const AppendResult& r) { return Answer(trainer_id, r.stream_versions.front()); };
    return d;
  });
}

}  // namespace istihdam

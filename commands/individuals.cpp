#include "commands/individuals.h"

#include "commands/identity_helpers.h"

namespace istihdam {

Result<Outcome> HandleRegisterIndividual(Services& s, const CommandEnv& env, RegisterIndividual cmd) {
  cmd.today = s.Today();
  cmd.user_id = s.ids.Next("user-", 4'000'000'001);
  const std::string reservation = ReservationStream(s, "tckn", cmd.tckn);
  const Error taken{"already_registered", {{"tckn", "already_registered"}}, {}};
  return Execute(s, env, "RegisterIndividual", [&]() -> Result<Decision> {
    auto e = DecideRegisterIndividual(cmd, s.config.min_password_length);
    if (!e.ok()) return e.error();
    const int year = std::stoi(cmd.birth_date.substr(0, 4));
    if (auto id = CheckIdentity(s, {cmd.tckn, cmd.first_name, cmd.last_name, year}, "tckn"); !id.ok()) {
      return id.error();
    }
    if (s.store->StreamVersion(reservation) > 0) return taken;
    Decision d;
    AddEvent(d.append, "user-" + cmd.user_id, ExpectedVersion::NoStream(), *e);
    AddEvent(d.append, reservation, ExpectedVersion::NoStream(), events::IdentifierReserved{"tckn", cmd.user_id});
    d.conflict_codes.emplace(reservation, taken);
    d.extra.push_back(CredentialsWrite(s, cmd.user_id, cmd.password, cmd.secret_answer));
    d.reply = [id = cmd.user_id](const AppendResult& r) {
      return Outcome{{{"id", id}, {"individualId", id}, {"version", r.stream_versions.front()}}};
    };
    return d;
  });
}

}  // namespace istihdam

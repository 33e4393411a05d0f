#include "commands/authorized_users.h"

#include "commands/identity_helpers.h"

namespace istihdam {

Result<Outcome> HandleCreateAuthorizedUser(Services& s, const CommandEnv& env, const std::string& employer_id,
                                         CreateAuthorizedUser cmd) {
  cmd.user_id = ReservedOwner(s, ReservationStream(s, "tckn", cmd.tckn));
  const std::string employer_stream = "employer-" + employer_id;
  return Execute(s, env, "CreateAuthorizedUser", [&]() -> Result<Decision> {
    if (auto id = CheckIdentity(s, {cmd.tckn, cmd.first_name, cmd.last_name, 0}, "tckn"); !id.ok()) {
      return id.error();
    }
    if (cmd.user_id.empty()) return Error{errc::kNotRegisteredIndividual, {{"tckn", "not_registered"}}, {}};
    const auto employer = s.employers.Load(employer_stream);
    auto evs = DecideCreateAuthorizedUser(employer.state, cmd);
    if (!evs.ok()) return evs.error();
    Decision d;
    AddStream(d.append, employer_stream, ExpectedVersion::Exactly(employer.version), *evs);
    AddEvent(d.append, "user-" + cmd.user_id, ExpectedVersion::Any(),
             events::EmployerMembershipGranted{cmd.user_id, employer_id});
    d.reply = [id = cmd.user_id](const AppendResult& r) {
      return Outcome{{{"id", id}, {"userId", id}, {"version", r.stream_versions.front()}}};
    };
    return d;
  });
}

Result<Outcome> HandleUpdateAuthorizedUser(Services& s, const CommandEnv& env, const std::string& employer_id,
                                         std::optional<std::uint64_t> if_match, const UpdateAuthorizedUser& cmd) {
  const std::string stream = "employer-" + employer_id;
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, "UpdateAuthorizedUserAccount", [&]() -> Result<Decision> {
    const auto employer = s.employers.Load(stream);
    auto evs = DecideUpdateAuthorizedUser(employer.state, cmd);
    if (!evs.ok()) return evs.error();
    if (if_match && *if_match != employer.version) return Error::Of(errc::kVersionMismatch);
    Decision d;
    if (!evs->empty()) AddStream(d.append, stream, ExpectedVersion::Exactly(employer.version), *evs);
    d.reply = [id = cmd.user_id, v = employer.version](const AppendResult& r) {
      return Outcome{{{"id", id}, {"version", r.stream_versions.empty() ? v : r.stream_versions.front()}}};
    };
    return d;
  });
}

}  // namespace istihdam

#include "commands/workplaces.h"

namespace istihdam {

Result<Outcome> HandleRegisterWorkplace(Services& s, const CommandEnv& env,
                                      const std::string& employer_id, RegisterWorkplace cmd) {
  cmd.workplace_id = s.ids.Next("workplace-", 3'000'000'001);
  const std::string employer_stream = "employer-" + employer_id;
  const std::string sgk_stream = ReservationStream(s, "sgk-no", cmd.sgk_no);
  const Error taken{"sgk_no_taken", {{"sgkNo", "already_registered"}}, {}};
  return Execute(s, env, "RegisterWorkplace", [&]() -> Result<Decision> {
    const auto employer = s.employers.Load(employer_stream);
    auto d = DecideRegisterWorkplace(employer.state, cmd, s.ref);
    if (!d.ok()) return d.error();
    if (s.store->StreamVersion(sgk_stream) > 0) return taken;
    Decision out;
    AddStream(out.append, employer_stream, ExpectedVersion::Exactly(employer.version),
              std::vector{d->employer});
    AddEvent(out.append, "workplace-" + cmd.workplace_id, ExpectedVersion::NoStream(), d->workplace);
    AddEvent(out.append, sgk_stream, ExpectedVersion::NoStream(),
             events::IdentifierReserved{"sgkNo", cmd.workplace_id});
    out.conflict_codes.emplace(sgk_stream, taken);
    out.reply = [w = d->workplace](const AppendResult& r) {
      Outcome rep;
      rep.body["id"] = w.workplace_id;
      rep.body["headquarters"] = w.role == "headquarters";
      rep.body["headquartersId"] = w.role == "headquarters" ? w.workplace_id : w.hq_workplace_id;
      rep.body["version"] = r.stream_versions[1];
      return rep;
    };
    return out;
  });
}

Result<Outcome> HandleUpdateWorkplace(Services& s, const CommandEnv& env,
                                    const std::string& workplace_id,
                                    std::optional<std::uint64_t> if_match,
                                    const UpdateWorkplaceInfo& cmd) {
  const std::string stream = "workplace-" + workplace_id;
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, "UpdateWorkplaceInfo", [&]() -> Result<Decision> {
    const auto wp = s.workplaces.Load(stream);
    auto evs = DecideUpdateWorkplace(wp.state, cmd, s.ref);
    if (!evs.ok()) return evs.error();
    if (if_match && *if_match != wp.version) return Error::Of(errc::kVersionMismatch);
    Decision out;
    if (!evs->empty()) {
      AddStream(out.append, stream, ExpectedVersion::Exactly(if_match.value_or(wp.version)), *evs);
    }
    out.reply = [workplace_id, v = wp.version](const AppendResult& r) {
      Outcome rep;
      rep.body["id"] = workplace_id;
      rep.body["version"] = r.stream_versions.empty() ? v : r.stream_versions.front();
      return rep;
    };
    return out;
  });
}

}  // namespace istihdam

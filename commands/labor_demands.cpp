#include "commands/labor_demands.h"

namespace istihdam {

namespace {

Outcome Answer(const std::string& demand_no, const std::string& status, std::uint64_t version) {
  return Outcome{{{"id", demand_no}, {"demandNo", demand_no}, {"status", status}, {"version", version}}};
}

std::string EmployerSector(Services& s, const std::string& employer_id) {
  return s.employers.Load("employer-" + employer_id).state.sector;
}

template <class Decide>
Result<Outcome> Transition(Services& s, const CommandEnv& env, const char* command, const std::string& demand_no,
                           const std::string& status_after, Decide decide) {
  return DecideOnDemand(s, env, command, demand_no, decide, [demand_no, status_after](const auto&, std::uint64_t v) {
    return Answer(demand_no, status_after, v);
  });
}

}  // namespace

Result<Outcome> HandleCreateLaborDemand(Services& s, const CommandEnv& env, CreateLaborDemand cmd) {
  cmd.today = s.Today();
  const std::string year = cmd.today.substr(0, 4);
  // The number is one past the year's highest demand stream, read under the sequence's lock
  // inside decide: no two creations take the same number, and a refused command takes none.
  const auto hold = s.sequences.Hold("labor-demand-" + year);
  return Execute(s, env, "CreateLaborDemand", [&]() -> Result<Decision> {
    cmd.employer_sector = EmployerSector(s, cmd.employer_id);
    cmd.workplace = {};
    if (!cmd.workplace_id.empty()) {
      const auto wp = s.workplaces.Load("workplace-" + cmd.workplace_id).state;
      cmd.workplace = {wp.exists, wp.employer_id, wp.title};
    }
    cmd.demand_no = FormatDemandNo(year, s.store->HighestNumberedStream(DemandNoPrefix(year)) + 1);
    auto ev = DecideCreateLaborDemand(cmd, s.ref);
    if (!ev.ok()) return ev.error();
    Decision d;
    AddEvent(d.append, LaborDemandStream(ev->demand_no), ExpectedVersion::NoStream(), *ev);
    d.reply = [no = ev->demand_no](const AppendResult& r) { return Answer(no, "active", r.stream_versions.front()); };
    return d;
  });
}

Result<Outcome> HandleUpdateLaborDemand(Services& s, const CommandEnv& env, const std::string& demand_no,
                                        std::optional<std::uint64_t> if_match, UpdateLaborDemand cmd) {
  cmd.today = s.Today();
  const std::string stream = LaborDemandStream(demand_no);
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, "UpdateLaborDemand", [&]() -> Result<Decision> {
    const auto demand = s.labor_demands.Load(stream);
    cmd.employer_sector = EmployerSector(s, cmd.employer_id);
    auto evs = DecideUpdateLaborDemand(demand.state, cmd, s.ref);
    if (!evs.ok()) return evs.error();
    if (if_match && *if_match != demand.version) return Error::Of(errc::kVersionMismatch);
    Decision d;
    if (!evs->empty()) AddStream(d.append, stream, ExpectedVersion::Exactly(demand.version), *evs);
    d.reply = [demand_no, v = demand.version](const AppendResult& r) {
      return Answer(demand_no, "active", r.stream_versions.empty() ? v : r.stream_versions.front());
    };
    return d;
  });
}

Result<Outcome> HandleCloseLaborDemand(Services& s, const CommandEnv& env, const std::string& demand_no,
                                       CloseLaborDemand cmd) {
  cmd.today = s.Today();
  return Transition(s, env, "CloseLaborDemand", demand_no, "closed",
                    [&](const LaborDemandState& st) { return DecideCloseLaborDemand(st, cmd); });
}

Result<Outcome> HandleCancelLaborDemand(Services& s, const CommandEnv& env, const std::string& demand_no,
                                        const CancelLaborDemand& cmd) {
  return Transition(s, env, "CancelLaborDemand", demand_no, "cancelled",
                    [&](const LaborDemandState& st) { return DecideCancelLaborDemand(st, cmd); });
}

Result<Outcome> HandleDeleteLaborDemand(Services& s, const CommandEnv& env, const std::string& demand_no,
                                        const std::string& employer_id) {
  return Transition(s, env, "DeleteLaborDemand", demand_no, "deleted",
                    [&](const LaborDemandState& st) { return DecideDeleteLaborDemand(st, employer_id); });
}

}  // namespace istihdam

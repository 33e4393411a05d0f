#pragma once
// Labor demand commands (DOMAIN.md §2.1.1.2–2.1.1.3, api/jobs.md "Labor demands"): create
// (quick form and wizard), update, close, cancel and the logical delete.
#include <optional>

#include "aggregates/labor_demand.h"
#include "commands/services.h"

namespace istihdam {

// 201 {"id" (= demandNo), "demandNo", "version", "position"}. The handler sets today, the
// employer's sector, the workplace and the next demand number of the year (no gaps: a refused
// command takes none). Errors: validation_failed.
Result<Outcome> HandleCreateLaborDemand(Services& s, const CommandEnv& env, CreateLaborDemand cmd);

// 200 {"id", "demandNo", "version", "position"}. Errors: labor_demand_not_found,
// demand_not_active, validation_failed, version_mismatch (If-Match).
Result<Outcome> HandleUpdateLaborDemand(Services& s, const CommandEnv& env, const std::string& demand_no,
                                        std::optional<std::uint64_t> if_match, UpdateLaborDemand cmd);

// 200 {"id", "demandNo", "status", "version", "position"}. Errors as the aggregate's deciders.
Result<Outcome> HandleCloseLaborDemand(Services& s, const CommandEnv& env, const std::string& demand_no,
                                       CloseLaborDemand cmd);
Result<Outcome> HandleCancelLaborDemand(Services& s, const CommandEnv& env, const std::string& demand_no,
                                        const CancelLaborDemand& cmd);
Result<Outcome> HandleDeleteLaborDemand(Services& s, const CommandEnv& env, const std::string& demand_no,
                                        const std::string& employer_id);

// Loads the demand, decides one event with `decide(state)` (a Result of an event), appends it to
// the demand's stream at the version loaded (a lost race re-decides, see Execute) and answers
// `reply(event, version)`. Shared by the demand's own commands and its candidates'.
template <class Decide, class Reply>
Result<Outcome> DecideOnDemand(Services& s, const CommandEnv& env, const char* command, const std::string& demand_no,
                               Decide decide, Reply reply) {
  const std::string stream = LaborDemandStream(demand_no);
  return Execute(s, env, command, [&]() -> Result<Decision> {
    const auto demand = s.labor_demands.Load(stream);
    auto ev = decide(demand.state);
    if (!ev.ok()) return ev.error();
    Decision d;
    AddEvent(d.append, stream, ExpectedVersion::Exactly(demand.version), *ev);
    d.reply = [reply, e = *ev](const AppendResult& r) { return reply(e, r.stream_versions.front()); };
    return d;
  });
}

}  // namespace istihdam

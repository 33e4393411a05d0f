#include "commands/workforce_schedules.h"

namespace istihdam {

namespace {

// Load the headquarters and its ledger, decide with `decide`, append to the ledger stream.
template <class Decide>
Result<Outcome> Run(Services& s, const CommandEnv& env, const char* name, const std::string& hq_id,
                  const std::string& month, std::optional<std::uint64_t> if_match, Decide decide) {
  const std::string stream = WorkforceScheduleStream(hq_id);
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, name, [&]() -> Result<Decision> {
    const auto hq = s.workplaces.Load("workplace-" + hq_id);
    const auto ledger = s.schedules.Load(stream);
    auto evs = decide(ledger.state, hq.state, ledger.version);
    if (!evs.ok()) return evs.error();
    if (if_match && *if_match != ledger.version) return Error::Of(errc::kVersionMismatch);
    Decision out;
    bool created = false;
    if (!evs->empty()) {
      created = std::holds_alternative<events::WorkforceScheduleSubmitted>(evs->front());
      AddStream(out.append, stream, ExpectedVersion::Exactly(ledger.version), *evs);
    }
    out.reply = [month, created, v = ledger.version](const AppendResult& r) {
      Outcome rep;
      rep.body["id"] = month;
      rep.body["month"] = month;
      rep.body["version"] = r.stream_versions.empty() ? v : r.stream_versions.front();
      rep.body["created"] = created;
      return rep;
    };
    return out;
  });
}

}  // namespace

Result<Outcome> HandleSaveWorkforceSchedule(Services& s, const CommandEnv& env, const std::string& hq_id,
                                          std::optional<std::uint64_t> if_match, SaveWorkforceSchedule cmd) {
  cmd.today = s.Today();
  cmd.rows_must_match_counts = s.config.personnel_rows_must_match_counts;
  return Run(s, env, "SaveWorkforceSchedule", hq_id, cmd.year_month, if_match,
             [&](const WorkforceScheduleLedger& l, const WorkplaceState& hq, std::uint64_t v) {
               return DecideSaveWorkforceSchedule(l, hq, cmd, s.ref, v);
             });
}

Result<Outcome> HandleReplacePersonnelRows(Services& s, const CommandEnv& env, const std::string& hq_id,
                                         std::optional<std::uint64_t> if_match, ReplacePersonnelRows cmd) {
  cmd.today = s.Today();
  cmd.rows_must_match_counts = s.config.personnel_rows_must_match_counts;
  return Run(s, env, "SubmitWorkforcePersonnelDetailsBulk", hq_id, cmd.year_month, if_match,
             [&](const WorkforceScheduleLedger& l, const WorkplaceState& hq, std::uint64_t v) {
               return DecideReplacePersonnelRows(l, hq, cmd, s.ref, v);
             });
}

}  // namespace istihdam

#include "commands/collective_dismissals.h"

namespace istihdam {

namespace {

// The facts the aggregate needs about the workplaces named in the draft.
void LookUp(Services& s, SaveCollectiveDismissal& c) {
  c.today = s.Today();
  c.thresholds = s.config.collective_dismissal;
  c.workplaces.clear();
  c.headcounts.clear();
  for (const auto& d : c.details) {
    if (d.workplace_id.empty() || c.workplaces.count(d.workplace_id)) continue;
    const auto wp = s.workplaces.Load("workplace-" + d.workplace_id).state;
    if (!wp.exists) continue;
    const std::string hq = wp.role == "headquarters" ? wp.workplace_id : wp.hq_workplace_id;
    c.workplaces[d.workplace_id] = {wp.employer_id, hq};
    if (c.headcounts.count(hq)) continue;
    const auto ledger = s.schedules.Load(WorkforceScheduleStream(hq)).state;
    ProvinceHeadcount h;
    if (const auto* latest = ledger.Latest()) {
      h.schedule_month = latest->year_month;
      h.headcount = latest->content.development.month_end.total();
    }
    c.headcounts[hq] = h;
  }
}

Outcome Answer(const std::string& id, const std::string& notification_date,
             const events::DismissalContent& content, std::uint64_t version) {
  Outcome rep;
  rep.body["id"] = id;
  rep.body["version"] = version;
  rep.body["notificationDate"] = notification_date;
  rep.body["editableUntil"] = EditableUntil(notification_date);
  rep.body["totalMale"] = content.total_male;
  rep.body["totalFemale"] = content.total_female;
  rep.body["meetsStatutoryThreshold"] = content.meets_statutory_threshold;
  return rep;
}

}  // namespace

Result<Outcome> HandleNotifyCollectiveDismissal(Services& s, const CommandEnv& env, SaveCollectiveDismissal cmd) {
  cmd.dismissal_id = s.ids.Next("collective-dismissal-", 5'000'000'001);
  return Execute(s, env, "NotifyCollectiveDismissal", [&]() -> Result<Decision> {
    LookUp(s, cmd);
    auto ev = DecideNotifyCollectiveDismissal(cmd);
    if (!ev.ok()) return ev.error();
    Decision out;
    AddEvent(out.append, CollectiveDismissalStream(cmd.dismissal_id), ExpectedVersion::NoStream(), *ev);
    out.reply = [e = *ev](const AppendResult& r) {
      return Answer(e.dismissal_id, e.notification_date, e.content, r.stream_versions.front());
    };
    return out;
  });
}

Result<Outcome> HandleUpdateCollectiveDismissal(Services& s, const CommandEnv& env, const std::string& dismissal_id,
                                              std::optional<std::uint64_t> if_match, SaveCollectiveDismissal cmd) {
  const std::string stream = CollectiveDismissalStream(dismissal_id);
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, "UpdateCollectiveDismissal", [&]() -> Result<Decision> {
    const auto cd = s.dismissals.Load(stream);
    cmd.dismissal_id = dismissal_id;
    LookUp(s, cmd);
    auto evs = DecideUpdateCollectiveDismissal(cd.state, cmd);
    if (!evs.ok()) return evs.error();
    if (if_match && *if_match != cd.version) return Error::Of(errc::kVersionMismatch);
    Decision out;
    events::DismissalContent content = cd.state.content;
    if (!evs->empty()) {
      content = std::get<events::CollectiveDismissalUpdated>(evs->front()).content;
      AddStream(out.append, stream, ExpectedVersion::Exactly(cd.version), *evs);
    }
    out.reply = [id = dismissal_id, date = cd.state.notification_date, content, v = cd.version](const AppendResult& r) {
      return Answer(id, date, content, r.stream_versions.empty() ? v : r.stream_versions.front());
    };
    return out;
  });
}

}  // namespace istihdam

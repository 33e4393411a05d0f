#include "commands/overseas.h"

#include <algorithm>
#include <set>

#include "aggregates/validation.h"
#include "infra/clock.h"
#include "infra/identifiers.h"

namespace istihdam {

namespace {

std::string QuotaLockKey(const std::string& employer_id, const std::string& country) {
  return "overseas-" + employer_id + "-" + country;
}

bool IsLevel4Occupation(Services& s, const std::string& code) {
  const auto* o = s.ref.FindOccupation(code);
  return o && o->level == 4;
}

ProjectChecks ChecksOf(Services& s, const std::string* country, const events::OverseasProjectFields& f) {
  ProjectChecks c;
  if (country) c.country_known = *country != "TR" && s.ref.FindCountry(*country) != nullptr;
  for (const auto& o : f.occupations) c.occupations_known.push_back(IsLevel4Occupation(s, o));
  return c;
}

// The dispatch as the actor may see it; employers only their own.
Result<Loaded<DispatchState>> VisibleDispatch(Services& s, const OverseasActor& actor, const std::string& id) {
  auto d = s.dispatches.Load(DispatchStream(id));
  if (!d.state.exists || d.state.deleted || !OverseasVisible(s, actor, d.state.employer_id))
    return Error::Of(errc::kDispatchNotFound);
  return d;
}

// Whether KPS confirms each worker (workers whose TCKN or names are invalid anyway count as
// confirmed: the validation names them).
Result<std::vector<bool>> CheckIdentities(Services& s, const std::vector<events::OverseasWorker>& workers) {
  std::vector<bool> ok;
  for (const auto& w : workers) {
    if (!IsValidTckn(w.tckn) || w.first_name.empty() || w.last_name.empty()) {
      ok.push_back(true);
      continue;
    }
    auto person = s.identity->Lookup({w.tckn, w.first_name, w.last_name, 0});
    if (!person.ok() && person.error().code != errc::kKpsMismatch) return person.error();
    ok.push_back(person.ok());
  }
  return ok;
}

Outcome DispatchAnswer(const std::string& id, const std::string& status, std::uint64_t version) {
  return Outcome{{{"id", id}, {"status", status}, {"version", version}}};
}

// Appends `evs` to the dispatch at the version read (or the pinned one).
Decision DispatchDecision(const std::string& id, std::uint64_t version, const std::vector<events::DispatchEvent>& evs,
                          const std::string& status, boost::json::object extra = {}) {
  Decision d;
  AddStream(d.append, DispatchStream(id), ExpectedVersion::Exactly(version), evs);
  d.reply = [id, status, extra](const AppendResult& r) {
    Outcome o = DispatchAnswer(id, status, r.stream_versions.front());
    for (const auto& [k, v] : extra) o.body[k] = v;
    return o;
  };
  return d;
}

}  // namespace

std::vector<AllocationState> AllocationsOf(Services& s, const std::string& employer_id, const std::string& country) {
  std::vector<AllocationState> out;
  const std::string prefix = QuotaIdPrefix(employer_id, country);
  const auto n = s.store->HighestNumberedStream(OverseasQuotaStream(prefix));
  for (std::uint64_t i = 1; i <= n; ++i) {
    auto a = s.overseas_quotas.Load(OverseasQuotaStream(prefix + std::to_string(i))).state;
    if (a.exists) out.push_back(std::move(a));
  }
  return out;
}

bool OverseasVisible(Services& s, const OverseasActor& actor, const std::string& employer_id) {
  switch (actor.kind) {
    case OverseasActor::Kind::kEmployer: return actor.id == employer_id;
    case OverseasActor::Kind::kHeadOffice: return true;
    case OverseasActor::Kind::kUnitUser:
      return s.employers.Load("employer-" + employer_id).state.hq_by_province.count(actor.province) > 0;
  }
  return false;
}

// ----- Projects -----------------------------------------------------------------------------

Result<Outcome> HandleRegisterOverseasProject(Services& s, const CommandEnv& env, const std::string& employer_id,
                                              NewProject cmd) {
  auto errors = ValidateProject(cmd.fields, &cmd.country, ChecksOf(s, &cmd.country, cmd.fields));
  if (!errors.empty()) return Error::Validation(std::move(errors));
  const std::string id = s.ids.Next("ovsproject-", 1);
  return Execute(s, env, "RegisterOverseasProject", [&]() -> Result<Decision> {
    Decision d;
    AddEvent(d.append, OverseasProjectStream(id), ExpectedVersion::NoStream(),
             events::OverseasProjectRegistered{id, employer_id, cmd.country, cmd.fields});
    d.reply = [id](const AppendResult& r) { return Outcome{{{"id", id}, {"version", r.stream_versions.front()}}}; };
    return d;
  });
}

Result<Outcome> HandleUpdateOverseasProject(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                            const std::string& project_id, std::optional<std::uint64_t> if_match,
                                            events::OverseasProjectFields fields) {
  auto errors = ValidateProject(fields, nullptr, ChecksOf(s, nullptr, fields));
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, "UpdateOverseasProject", [&]() -> Result<Decision> {
    const auto p = s.overseas_projects.Load(OverseasProjectStream(project_id));
    if (!p.state.exists || !OverseasVisible(s, actor, p.state.employer_id))
      return Error::Of(errc::kOverseasProjectNotFound);
    if (!errors.empty()) return Error::Validation(errors);
    if (if_match && *if_match != p.version) return Error::Of(errc::kVersionMismatch);
    Decision d;
    AddEvent(d.append, OverseasProjectStream(project_id), ExpectedVersion::Exactly(p.version),
             events::OverseasProjectUpdated{project_id, fields});
    d.reply = [project_id](const AppendResult& r) {
      return Outcome{{{"id", project_id}, {"version", r.stream_versions.front()}}};
    };
    return d;
  });
}

// ----- Quota allocations --------------------------------------------------------------------

Result<Outcome> HandleAllocateOverseasQuota(Services& s, const CommandEnv& env, const std::string& staff_id,
                                            NewAllocation cmd) {
  Validator v;
  if (v.Required("employerId", cmd.employer_id) && !s.employers.Load("employer-" + cmd.employer_id).state.exists)
    v.Fail("employerId", "unknown_value");
  if (v.Required("country", cmd.country) && (cmd.country == "TR" || !s.ref.FindCountry(cmd.country)))
    v.Fail("country", "unknown_value");
  if (!cmd.occupation.empty() && !IsLevel4Occupation(s, cmd.occupation)) v.Fail("occupation", "unknown_value");
  std::int64_t days = 0;
  const bool from = v.Required("validFrom", cmd.valid_from) && ParseDate(cmd.valid_from, &days);
  const bool to = v.Required("validTo", cmd.valid_to) && ParseDate(cmd.valid_to, &days);
  if (from && to && cmd.valid_to < cmd.valid_from) v.Fail("validTo", "before_valid_from");
  if (!cmd.limit) v.Fail("limit", "required");
  else if (*cmd.limit < 1) v.Fail("limit", "out_of_range");
  if (!v.ok()) return v.ToError();
  const auto hold = s.sequences.Hold(QuotaLockKey(cmd.employer_id, cmd.country));
  return Execute(s, env, "AllocateOverseasQuota", [&]() -> Result<Decision> {
    const auto existing = AllocationsOf(s, cmd.employer_id, cmd.country);
    const std::string prefix = QuotaIdPrefix(cmd.employer_id, cmd.country);
    const std::string id = prefix + std::to_string(s.store->HighestNumberedStream(OverseasQuotaStream(prefix)) + 1);
    AllocationState candidate;
    candidate.exists = true;
    candidate.allocation_id = id;
    candidate.employer_id = cmd.employer_id;
    candidate.country = cmd.country;
    candidate.occupation = cmd.occupation;
    candidate.valid_from = cmd.valid_from;
    candidate.valid_to = cmd.valid_to;
    if (Overlaps(candidate, existing)) return Error::Of(errc::kAllocationOverlaps);
    Decision d;
    AddEvent(d.append, OverseasQuotaStream(id), ExpectedVersion::NoStream(),
             events::OverseasQuotaAllocated{id, cmd.employer_id, cmd.country, cmd.occupation, "", cmd.valid_from,
                                            cmd.valid_to, *cmd.limit, staff_id});
    d.reply = [id](const AppendResult& r) { return Outcome{{{"id", id}, {"version", r.stream_versions.front()}}}; };
    return d;
  });
}

Result<Outcome> HandleChangeOverseasQuota(Services& s, const CommandEnv& env, const std::string& allocation_id,
                                          std::optional<std::uint64_t> if_match, std::int64_t limit,
                                          const std::string& valid_to) {
  const auto first = s.overseas_quotas.Load(OverseasQuotaStream(allocation_id)).state;
  if (!first.exists || first.withdrawn) return Error::Of(errc::kQuotaAllocationNotFound);
  const auto hold = s.sequences.Hold(QuotaLockKey(first.employer_id, first.country));
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, "ChangeOverseasQuota", [&]() -> Result<Decision> {
    const auto a = s.overseas_quotas.Load(OverseasQuotaStream(allocation_id));
    auto ev = DecideChangeAllocation(a.state, limit, valid_to.empty() ? a.state.valid_to : valid_to,
                                     AllocationsOf(s, a.state.employer_id, a.state.country));
    if (!ev.ok()) return ev.error();
    if (if_match && *if_match != a.version) return Error::Of(errc::kVersionMismatch);
    Decision d;
    AddEvent(d.append, OverseasQuotaStream(allocation_id), ExpectedVersion::Exactly(a.version), *ev);
    d.reply = [allocation_id](const AppendResult& r) {
      return Outcome{{{"id", allocation_id}, {"version", r.stream_versions.front()}}};
    };
    return d;
  });
}

// ----- Dispatches ---------------------------------------------------------------------------

namespace {

// The entry check (create, worker add/update, date change): the dispatch's own workers fit.
Status EntryCheck(Services& s, const std::string& employer_id, const std::string& country,
                  const std::string& project_id, const std::string& date,
                  const std::vector<events::OverseasWorker>& workers) {
  auto draws = PlanDraws(project_id, date, workers, AllocationsOf(s, employer_id, country));
  if (!draws.ok()) return draws.error();
  return Status::Ok();
}

}  // namespace

Result<Outcome> HandleCreateDispatch(Services& s, const CommandEnv& env, const std::string& employer_id,
                                     const std::string& project_id, DispatchDraft draft) {
  const auto project = s.overseas_projects.Load(OverseasProjectStream(project_id)).state;
  const bool own = !project_id.empty() && project.exists && project.employer_id == employer_id;
  auto identity = CheckIdentities(s, draft.workers);
  if (!identity.ok()) return identity.error();
  DispatchContext ctx{own ? &project : nullptr, *identity};
  auto errors = ValidateDispatchDraft(draft, ctx, true);
  if (project_id.empty()) errors.insert(errors.begin(), {"projectId", "required"});
  else if (!own) errors.insert(errors.begin(), {"projectId", "unknown_value"});
  if (!errors.empty()) return Error::Validation(std::move(errors));
  const auto hold = s.sequences.Hold(QuotaLockKey(employer_id, project.country));
  if (auto st = EntryCheck(s, employer_id, project.country, project_id, draft.dispatch_date, draft.workers); !st.ok())
    return st.error();
  const std::string id = s.ids.Next("ovsdispatch-", 1);
  boost::json::array worker_ids;
  for (std::size_t i = 0; i < draft.workers.size(); ++i) {
    draft.workers[i].worker_id = id + "-" + std::to_string(i + 1);
    worker_ids.push_back(boost::json::string(draft.workers[i].worker_id));
  }
  return Execute(s, env, "CreateDispatch", [&]() -> Result<Decision> {
    Decision d;
    AddEvent(d.append, DispatchStream(id), ExpectedVersion::NoStream(),
             events::DispatchCreated{id, employer_id, project_id, project.country, draft.dispatch_date,
                                     draft.planned_end_date, draft.description, draft.workers});
    d.reply = [id, worker_ids](const AppendResult& r) {
      Outcome o = DispatchAnswer(id, "pending", r.stream_versions.front());
      o.body["workerIds"] = worker_ids;
      return o;
    };
    return d;
  });
}

Result<Outcome> HandleUpdateDispatch(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                     const std::string& dispatch_id, std::optional<std::uint64_t> if_match,
                                     DispatchDraft draft) {
  auto first = VisibleDispatch(s, actor, dispatch_id);
  if (!first.ok()) return first.error();
  const auto hold = s.sequences.Hold(QuotaLockKey(first->state.employer_id, first->state.country));
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, "UpdateDispatch", [&]() -> Result<Decision> {
    const auto d = s.dispatches.Load(DispatchStream(dispatch_id));
    if (auto st = RequirePending(d.state); !st.ok()) return st.error();
    const auto project = s.overseas_projects.Load(OverseasProjectStream(d.state.project_id)).state;
    auto errors = ValidateDispatchDraft(draft, DispatchContext{&project, {}}, false);
    if (!errors.empty()) return Error::Validation(std::move(errors));
    if (if_match && *if_match != d.version) return Error::Of(errc::kVersionMismatch);
    if (draft.dispatch_date != d.state.dispatch_date) {
      if (auto st = EntryCheck(s, d.state.employer_id, d.state.country, d.state.project_id, draft.dispatch_date,
                               d.state.workers);
          !st.ok())
        return st.error();
    }
    return DispatchDecision(dispatch_id, d.version,
                            {events::DispatchUpdated{dispatch_id, draft.dispatch_date, draft.planned_end_date,
                                                     draft.description}},
                            "pending");
  });
}

Result<Outcome> HandleDeleteDispatch(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                     const std::string& dispatch_id, std::optional<std::uint64_t> if_match) {
  auto first = VisibleDispatch(s, actor, dispatch_id);
  if (!first.ok()) return first.error();
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, "DeleteDispatch", [&]() -> Result<Decision> {
    const auto d = s.dispatches.Load(DispatchStream(dispatch_id));
    if (auto st = RequirePending(d.state); !st.ok()) return st.error();
    if (if_match && *if_match != d.version) return Error::Of(errc::kVersionMismatch);
    return DispatchDecision(dispatch_id, d.version, {events::DispatchDeleted{dispatch_id}}, "deleted");
  });
}

Result<Outcome> HandleDispatchWorker(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                     const std::string& dispatch_id, const std::string& worker_id,
                                     std::optional<events::OverseasWorker> worker,
                                     std::optional<std::uint64_t> if_match) {
  auto first = VisibleDispatch(s, actor, dispatch_id);
  if (!first.ok()) return first.error();
  std::vector<bool> identity_ok;
  if (worker) {
    auto ids = CheckIdentities(s, {*worker});
    if (!ids.ok()) return ids.error();
    identity_ok = *ids;
  }
  const auto hold = s.sequences.Hold(QuotaLockKey(first->state.employer_id, first->state.country));
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  const char* command = !worker ? "RemoveDispatchWorker" : worker_id.empty() ? "AddDispatchWorker" : "UpdateDispatchWorker";
  return Execute(s, pinned, command, [&]() -> Result<Decision> {
    const auto d = s.dispatches.Load(DispatchStream(dispatch_id));
    if (auto st = RequirePending(d.state); !st.ok()) return st.error();
    auto it = std::find_if(d.state.workers.begin(), d.state.workers.end(),
                           [&](const auto& w) { return w.worker_id == worker_id; });
    if (!worker_id.empty() && it == d.state.workers.end()) return Error::Of(errc::kDispatchWorkerNotFound);
    if (if_match && *if_match != d.version) return Error::Of(errc::kVersionMismatch);
    if (!worker) {
      return DispatchDecision(dispatch_id, d.version, {events::DispatchWorkerRemoved{dispatch_id, worker_id}},
                              "pending", {{"workerId", worker_id}});
    }
    events::OverseasWorker w = *worker;
    w.worker_id = worker_id.empty() ? dispatch_id + "-" + std::to_string(d.state.next_worker) : worker_id;
    // The whole worker list after the change is validated (duplicates across workers), the
    // errors named as a single worker's fields.
    std::vector<events::OverseasWorker> after = d.state.workers;
    if (worker_id.empty()) after.push_back(w);
    else *(after.begin() + (it - d.state.workers.begin())) = w;
    const auto project = s.overseas_projects.Load(OverseasProjectStream(d.state.project_id)).state;
    DispatchDraft one{d.state.dispatch_date, d.state.planned_end_date, "", {w}};
    auto errors = ValidateDispatchDraft(one, DispatchContext{&project, identity_ok}, true);
    for (auto& e : errors) {
      const std::string p = "workers[0].";
      if (e.field.rfind(p, 0) == 0) e.field = e.field.substr(p.size());
    }
    for (const auto& other : d.state.workers) {
      if (other.worker_id != w.worker_id && other.tckn == w.tckn && errors.empty())
        errors.push_back({"tckn", "duplicate"});
    }
    if (!errors.empty()) return Error::Validation(std::move(errors));
    if (auto st = EntryCheck(s, d.state.employer_id, d.state.country, d.state.project_id, d.state.dispatch_date, after);
        !st.ok())
      return st.error();
    std::vector<events::DispatchEvent> evs;
    if (worker_id.empty()) evs.push_back(events::DispatchWorkerAdded{dispatch_id, w});
    else evs.push_back(events::DispatchWorkerUpdated{dispatch_id, w});
    return DispatchDecision(dispatch_id, d.version, evs, "pending", {{"workerId", w.worker_id}});
  });
}

Result<Outcome> HandleApproveDispatch(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                      const std::string& dispatch_id) {
  auto first = VisibleDispatch(s, actor, dispatch_id);
  if (!first.ok()) return first.error();
  const std::string employer_id = first->state.employer_id, country = first->state.country;
  // One approval at a time per (employer, country): the read of `available` and the append of
  // the consumption are one step, so k concurrent approvals queue and exactly those that fit
  // succeed (the expected versions below still guard against any other writer).
  const auto hold = s.sequences.Hold(QuotaLockKey(employer_id, country));
  return Execute(s, env, "ApproveDispatch", [&]() -> Result<Decision> {
    const auto d = s.dispatches.Load(DispatchStream(dispatch_id));
    std::map<std::string, std::uint64_t> versions;
    std::vector<AllocationState> allocations;
    const std::string prefix = QuotaIdPrefix(employer_id, country);
    const auto n = s.store->HighestNumberedStream(OverseasQuotaStream(prefix));
    for (std::uint64_t i = 1; i <= n; ++i) {
      const std::string id = prefix + std::to_string(i);
      auto a = s.overseas_quotas.Load(OverseasQuotaStream(id));
      versions[id] = a.version;
      if (a.state.exists) allocations.push_back(std::move(a.state));
    }
    auto approval = DecideApproveDispatch(d.state, allocations, actor.id);
    if (!approval.ok()) return approval.error();
    const auto project = s.overseas_projects.Load(OverseasProjectStream(d.state.project_id));
    Decision out;
    AddStream(out.append, DispatchStream(dispatch_id), ExpectedVersion::Exactly(d.version),
              std::vector<events::DispatchEvent>{approval->approved});
    for (const auto& c : approval->consumed) {
      AddEvent(out.append, OverseasQuotaStream(c.allocation_id), ExpectedVersion::Exactly(versions[c.allocation_id]),
               c);
    }
    events::OverseasWorkersJoined joined{d.state.project_id, dispatch_id, "", d.state.dispatch_date,
                                         d.state.workers, {}};
    for (std::size_t i = 0; i < d.state.workers.size(); ++i) joined.dispatch_ids.push_back(dispatch_id);
    AddEvent(out.append, OverseasProjectStream(d.state.project_id), ExpectedVersion::Exactly(project.version), joined);
    out.reply = [dispatch_id, allocation = approval->approved.allocation_id](const AppendResult& r) {
      Outcome o = DispatchAnswer(dispatch_id, "approved", r.stream_versions.front());
      o.body["allocationId"] = allocation;
      return o;
    };
    return out;
  });
}

Result<Outcome> HandleRejectDispatch(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                     const std::string& dispatch_id, const std::string& reason) {
  auto first = VisibleDispatch(s, actor, dispatch_id);
  if (!first.ok()) return first.error();
  return Execute(s, env, "RejectDispatch", [&]() -> Result<Decision> {
    const auto d = s.dispatches.Load(DispatchStream(dispatch_id));
    if (auto st = RequirePending(d.state); !st.ok()) return st.error();
    return DispatchDecision(dispatch_id, d.version, {events::DispatchRejected{dispatch_id, actor.id, reason}},
                            "rejected");
  });
}

Result<Outcome> HandleRequestExtension(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                       const std::string& dispatch_id, const std::string& requested_end_date,
                                       const std::string& reason) {
  auto first = VisibleDispatch(s, actor, dispatch_id);
  if (!first.ok()) return first.error();
  return Execute(s, env, "RequestDispatchExtension", [&]() -> Result<Decision> {
    const auto d = s.dispatches.Load(DispatchStream(dispatch_id));
    if (d.state.status != "approved") return Error::Of(errc::kDispatchNotApproved);
    for (const auto& e : d.state.extensions)
      if (e.status == "requested") return Error::Of(errc::kExtensionPending);
    std::int64_t days = 0;
    if (requested_end_date.empty()) return Error::Validation({{"requestedEndDate", "required"}});
    if (!ParseDate(requested_end_date, &days)) return Error::Validation({{"requestedEndDate", "invalid_format"}});
    if (requested_end_date <= std::max(d.state.planned_end_date, d.state.dispatch_date))
      return Error::Validation({{"requestedEndDate", "not_after_end"}});
    const std::string ext = dispatch_id + "-E" + std::to_string(d.state.extensions.size() + 1);
    return DispatchDecision(dispatch_id, d.version,
                            {events::DispatchExtensionRequested{dispatch_id, ext, requested_end_date, reason}},
                            "approved", {{"extensionId", ext}});
  });
}

Result<Outcome> HandleApproveExtension(Services& s, const CommandEnv& env, const OverseasActor& actor,
                                       const std::string& dispatch_id, const std::string& extension_id) {
  auto first = VisibleDispatch(s, actor, dispatch_id);
  if (!first.ok()) return first.error();
  return Execute(s, env, "ApproveDispatchExtension", [&]() -> Result<Decision> {
    const auto d = s.dispatches.Load(DispatchStream(dispatch_id));
    const Extension* ext = nullptr;
    for (const auto& e : d.state.extensions)
      if (e.extension_id == extension_id) ext = &e;
    if (!ext) return Error::Of(errc::kExtensionNotFound);
    if (ext->status != "requested") return Error::Of(errc::kDispatchApprovedReadonly);
    return DispatchDecision(
        dispatch_id, d.version,
        {events::DispatchExtensionApproved{dispatch_id, extension_id, actor.id, ext->requested_end_date}}, "approved",
        {{"extensionId", extension_id}});
  });
}

// ----- Transfers ----------------------------------------------------------------------------

Result<Outcome> HandleTransferWorkers(Services& s, const CommandEnv& env, const std::string& employer_id,
                                      TransferWorkers cmd) {
  Validator v;
  v.Required("sourceProjectId", cmd.source_project_id);
  v.Required("targetProjectId", cmd.target_project_id);
  if (!v.ok()) return v.ToError();
  auto own = [&](const std::string& id) {
    auto p = s.overseas_projects.Load(OverseasProjectStream(id));
    return p.state.exists && p.state.employer_id == employer_id;
  };
  if (!own(cmd.source_project_id) || !own(cmd.target_project_id)) return Error::Of(errc::kOverseasProjectNotFound);
  const auto country = s.overseas_projects.Load(OverseasProjectStream(cmd.source_project_id)).state.country;
  const auto hold = s.sequences.Hold(QuotaLockKey(employer_id, country));
  const std::string id = s.ids.Next("ovstransfer-", 1);
  return Execute(s, env, "TransferWorkersBetweenProjects", [&]() -> Result<Decision> {
    const auto src = s.overseas_projects.Load(OverseasProjectStream(cmd.source_project_id));
    const auto dst = s.overseas_projects.Load(OverseasProjectStream(cmd.target_project_id));
    if (src.state.country != dst.state.country) return Error::Of(errc::kTransferCountryMismatch);
    if (cmd.source_project_id == cmd.target_project_id)
      return Error::Validation({{"targetProjectId", "same_project"}});
    std::vector<std::string> ids;
    if (cmd.all) {
      for (const auto& [wid, w] : src.state.workers) ids.push_back(wid);
      if (ids.empty()) return Error::Validation({{"all", "not_active"}});
    } else {
      if (cmd.worker_ids.empty()) return Error::Validation({{"workerIds", "required"}});
      std::set<std::string> seen;
      std::vector<FieldError> errors;
      for (std::size_t i = 0; i < cmd.worker_ids.size(); ++i) {
        const auto& w = cmd.worker_ids[i];
        if (!src.state.workers.count(w)) errors.push_back({"workerIds[" + std::to_string(i) + "]", "not_active"});
        else if (!seen.insert(w).second) errors.push_back({"workerIds[" + std::to_string(i) + "]", "duplicate"});
      }
      if (!errors.empty()) return Error::Validation(std::move(errors));
      ids = cmd.worker_ids;
    }
    events::OverseasWorkersJoined joined{cmd.target_project_id, "", id, s.Today(), {}, {}};
    for (const auto& w : ids) {
      const auto& a = src.state.workers.at(w);
      joined.workers.push_back(a.worker);
      joined.dispatch_ids.push_back(a.dispatch_id);
    }
    Decision d;
    AddEvent(d.append, OverseasTransferStream(id), ExpectedVersion::NoStream(),
             events::WorkersTransferredBetweenProjects{id, employer_id, cmd.source_project_id, cmd.target_project_id,
                                                       ids});
    AddEvent(d.append, OverseasProjectStream(cmd.source_project_id), ExpectedVersion::Exactly(src.version),
             events::OverseasWorkersLeft{cmd.source_project_id, id, cmd.target_project_id, ids});
    AddEvent(d.append, OverseasProjectStream(cmd.target_project_id), ExpectedVersion::Exactly(dst.version), joined);
    d.reply = [id, n = ids.size()](const AppendResult&) {
      return Outcome{{{"id", id}, {"count", static_cast<std::int64_t>(n)}}};
    };
    return d;
  });
}

Result<Outcome> HandleSubcontractorTransfer(Services& s, const CommandEnv& env, const std::string& employer_id,
                                            SubcontractorTransfer cmd) {
  Validator v;
  const auto src = s.overseas_projects.Load(OverseasProjectStream(cmd.source_project_id)).state;
  if (v.Required("sourceProjectId", cmd.source_project_id) && (!src.exists || src.employer_id != employer_id))
    v.Fail("sourceProjectId", "unknown_value");
  if (v.Required("targetIskurNo", cmd.target_iskur_no)) {
    if (cmd.target_iskur_no == employer_id) v.Fail("targetIskurNo", "own_employer");
    else if (!s.employers.Load("employer-" + cmd.target_iskur_no).state.exists) v.Fail("targetIskurNo", "unknown_value");
  }
  const auto dst = s.overseas_projects.Load(OverseasProjectStream(cmd.target_project_id)).state;
  if (v.Required("targetProjectId", cmd.target_project_id) && (!dst.exists || dst.employer_id != cmd.target_iskur_no))
    v.Fail("targetProjectId", "unknown_value");
  if (!cmd.transfer_count) v.Fail("transferCount", "required");
  else if (*cmd.transfer_count < 1) v.Fail("transferCount", "out_of_range");
  if (!v.ok()) return v.ToError();
  if (src.country != dst.country) return Error::Of(errc::kTransferCountryMismatch);
  const std::string country = src.country;
  const auto hold = s.sequences.Hold(QuotaLockKey(employer_id, country));
  const std::string id = s.ids.Next("ovstransfer-", 1);
  return Execute(s, env, "CreateSubcontractorQuotaTransfer", [&]() -> Result<Decision> {
    const std::string today = s.Today();
    const auto own = AllocationsOf(s, employer_id, country);
    const AllocationState* source = nullptr;
    for (const auto& a : own) {
      if (a.withdrawn || !a.occupation.empty() || !a.Covers(today)) continue;
      if (a.project_id == cmd.source_project_id) { source = &a; break; }
      if (a.project_id.empty() && !source) source = &a;
    }
    if (!source) return Error::Of(errc::kNoQuotaForDate);
    if (*cmd.transfer_count > source->available()) {
      Error e = Error::Of(errc::kQuotaExceeded);
      e.quota.push_back({"country", source->allocation_id, source->available(), *cmd.transfer_count});
      return e;
    }
    const auto source_version = s.overseas_quotas.Load(OverseasQuotaStream(source->allocation_id)).version;
    const std::string prefix = QuotaIdPrefix(cmd.target_iskur_no, country);
    const std::string target_id =
        prefix + std::to_string(s.store->HighestNumberedStream(OverseasQuotaStream(prefix)) + 1);
    Decision d;
    AddEvent(d.append, OverseasTransferStream(id), ExpectedVersion::NoStream(),
             events::SubcontractorQuotaTransferred{id, employer_id, cmd.source_project_id, source->allocation_id,
                                                   cmd.target_iskur_no, cmd.target_iskur_no, cmd.target_project_id,
                                                   target_id, *cmd.transfer_count});
    AddEvent(d.append, OverseasQuotaStream(source->allocation_id), ExpectedVersion::Exactly(source_version),
             events::OverseasQuotaTransferredOut{source->allocation_id, id, *cmd.transfer_count});
    AddEvent(d.append, OverseasQuotaStream(target_id), ExpectedVersion::NoStream(),
             events::OverseasQuotaAllocated{target_id, cmd.target_iskur_no, country, "", cmd.target_project_id,
                                            source->valid_from, source->valid_to, *cmd.transfer_count, id});
    d.reply = [id, target_id](const AppendResult&) {
      return Outcome{{{"id", id}, {"allocationId", target_id}}};
    };
    return d;
  });
}

Result<Outcome> HandleDeleteSubcontractorTransfer(Services& s, const CommandEnv& env, const std::string& employer_id,
                                                  const std::string& transfer_id) {
  const auto t = s.overseas_transfers.Load(OverseasTransferStream(transfer_id)).state;
  if (!t.exists || t.deleted || !t.subcontractor || t.sub.employer_id != employer_id)
    return Error::Of(errc::kQuotaTransferNotFound);
  const auto country = s.overseas_quotas.Load(OverseasQuotaStream(t.sub.source_allocation_id)).state.country;
  const auto hold = s.sequences.Hold(QuotaLockKey(employer_id, country));
  return Execute(s, env, "DeleteSubcontractorQuotaTransfer", [&]() -> Result<Decision> {
    const auto tr = s.overseas_transfers.Load(OverseasTransferStream(transfer_id));
    if (tr.state.deleted) return Error::Of(errc::kQuotaTransferNotFound);
    const auto target = s.overseas_quotas.Load(OverseasQuotaStream(t.sub.target_allocation_id));
    if (target.state.used > 0 || target.state.transferred_out > 0) return Error::Of(errc::kTransferredQuotaInUse);
    const auto source = s.overseas_quotas.Load(OverseasQuotaStream(t.sub.source_allocation_id));
    Decision d;
    AddEvent(d.append, OverseasTransferStream(transfer_id), ExpectedVersion::Exactly(tr.version),
             events::SubcontractorQuotaTransferDeleted{transfer_id});
    AddEvent(d.append, OverseasQuotaStream(t.sub.source_allocation_id), ExpectedVersion::Exactly(source.version),
             events::OverseasQuotaTransferReturned{t.sub.source_allocation_id, transfer_id, t.sub.transfer_count});
    AddEvent(d.append, OverseasQuotaStream(t.sub.target_allocation_id), ExpectedVersion::Exactly(target.version),
             events::OverseasQuotaWithdrawn{t.sub.target_allocation_id, transfer_id});
    d.reply = [transfer_id](const AppendResult&) { return Outcome{{{"id", transfer_id}}}; };
    return d;
  });
}

}  // namespace istihdam

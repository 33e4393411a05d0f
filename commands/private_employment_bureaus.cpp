#include "commands/private_employment_bureaus.h"

#include "events/identity.h"

namespace istihdam {

namespace {

// The owner named by the last IdentifierReserved of a reservation stream.
std::optional<std::string> LastOwner(Services& s, const std::string& stream) {
  std::optional<std::string> out;
  for (const auto& rec : s.reader->ReadStream(stream, 1)) {
    if (auto e = events::Decode<events::ReservationEvent>(rec)) {
      out = std::get<events::IdentifierReserved>(*e).owner_id;
    }
  }
  return out;
}

Outcome StatusReply(const std::string& id, const std::string& status, std::uint64_t version) {
  Outcome rep;
  rep.body["id"] = id;
  if (!status.empty()) rep.body["status"] = status;
  rep.body["version"] = version;
  return rep;
}

}  // namespace

std::string BureauOfEmployerStream(Services& s, const std::string& employer_id) {
  return ReservationStream(s, "bureau-of-employer", employer_id);
}

std::optional<std::string> CurrentBureauId(Services& s, const std::string& employer_id) {
  return LastOwner(s, BureauOfEmployerStream(s, employer_id));
}

std::string PeriodReservationStream(Services& s, const std::string& bureau_id, std::int64_t year,
                                    const std::string& period) {
  return ReservationStream(s, "oeb-period", bureau_id + "/" + std::to_string(year) + "/" + period);
}

std::optional<std::string> PeriodReportIdOf(Services& s, const std::string& bureau_id, std::int64_t year,
                                            const std::string& period) {
  return LastOwner(s, PeriodReservationStream(s, bureau_id, year, period));
}

std::vector<ReportPeriod> ReportPeriods(const Services& s) {
  if (s.config.oeb_report_periods.empty()) return DefaultReportPeriods();
  std::vector<ReportPeriod> out;
  for (const auto& p : s.config.oeb_report_periods) out.push_back({p.code, p.first_month, p.last_month});
  return out;
}

Result<Outcome> HandleApplyAsBureau(Services& s, const CommandEnv& env, ApplyAsBureau cmd) {
  cmd.bureau_id = s.ids.Next("private-employment-bureau-", 8'000'000'001);
  const std::string reservation = BureauOfEmployerStream(s, cmd.employer.employer_id);
  return Execute(s, env, "ApplyAsPrivateEmploymentBureau", [&]() -> Result<Decision> {
    cmd.today = s.Today();
    const auto employer = s.employers.Load("employer-" + cmd.employer.employer_id).state;
    cmd.employer.iskur_no = employer.iskur_no;
    cmd.employer.title = employer.title;
    const std::uint64_t reserved_at = s.reader->StreamVersion(reservation);
    cmd.current.reset();
    if (auto id = LastOwner(s, reservation)) cmd.current = s.bureaus.Load(BureauStream(*id)).state;
    auto ev = DecideApplyAsBureau(cmd, s.ref);
    if (!ev.ok()) return ev.error();
    Decision out;
    AddEvent(out.append, BureauStream(ev->bureau_id), ExpectedVersion::NoStream(), *ev);
    AddEvent(out.append, reservation,
             reserved_at == 0 ? ExpectedVersion::NoStream() : ExpectedVersion::Exactly(reserved_at),
             events::IdentifierReserved{"privateEmploymentBureau", ev->bureau_id});
    out.reply = [id = ev->bureau_id](const AppendResult& r) {
      return StatusReply(id, "applied", r.stream_versions.front());
    };
    return out;
  });
}

namespace {

template <class DecideFn>
Result<Outcome> BureauAction(Services& s, const CommandEnv& env, const char* command, const std::string& bureau_id,
                             DecideFn decide) {
  const std::string stream = BureauStream(bureau_id);
  return Execute(s, env, command, [&]() -> Result<Decision> {
    const auto b = s.bureaus.Load(stream);
    auto ev = decide(b.state);
    if (!ev.ok()) return ev.error();
    Decision out;
    AddEvent(out.append, stream, ExpectedVersion::Exactly(b.version), *ev);
    const auto after = Apply(b.state, events::BureauEvent(*ev));
    out.reply = [bureau_id, status = after.status](const AppendResult& r) {
      return StatusReply(bureau_id, status, r.stream_versions.front());
    };
    return out;
  });
}

}  // namespace

Result<Outcome> HandleApproveBureau(Services& s, const CommandEnv& env, const std::string& bureau_id,
                                    const std::string& license_no) {
  return BureauAction(s, env, "ApprovePrivateEmploymentBureau", bureau_id, [&](const BureauState& b) {
    return DecideApproveBureau(b, license_no, env.meta.actor.user_id, s.Today());
  });
}

Result<Outcome> HandleRejectBureau(Services& s, const CommandEnv& env, const std::string& bureau_id,
                                   const std::string& reason) {
  return BureauAction(s, env, "RejectPrivateEmploymentBureau", bureau_id, [&](const BureauState& b) {
    return DecideRejectBureau(b, reason, env.meta.actor.user_id, s.Today());
  });
}

Result<Outcome> HandleAgencyAction(Services& s, const CommandEnv& env, const std::string& bureau_id,
                                   const std::string& action, const std::string& note) {
  return BureauAction(s, env, "RecordAgencyActionOnBureau", bureau_id, [&](const BureauState& b) {
    return DecideAgencyAction(b, action, note, env.meta.actor.user_id, s.Today());
  });
}

Result<Outcome> HandleCreatePeriodReport(Services& s, const CommandEnv& env, const std::string& employer_id,
                                         const std::string& bureau_id, CreatePeriodReport cmd) {
  const auto bureau = s.bureaus.Load(BureauStream(bureau_id)).state;
  if (!bureau.exists || bureau.employer_id != employer_id) return Error::Of(errc::kBureauNotFound);
  cmd.report_id = s.ids.Next("period-report-", 8'500'000'001);
  return Execute(s, env, "CreatePeriodReport", [&]() -> Result<Decision> {
    cmd.today = s.Today();
    const auto b = s.bureaus.Load(BureauStream(bureau_id));
    std::string reservation;
    cmd.period_taken = false;
    if (cmd.report_year && !cmd.report_period.empty()) {
      reservation = PeriodReservationStream(s, bureau_id, *cmd.report_year, cmd.report_period);
      cmd.period_taken = s.reader->StreamVersion(reservation) > 0;  // early answer; the append decides
    }
    auto ev = DecideCreatePeriodReport(b.state, cmd, ReportPeriods(s), s.ref);
    if (!ev.ok()) return ev.error();
    Decision out;
    const auto none = ExpectedVersion::NoStream();
    AddEvent(out.append, PeriodReportStream(ev->report_id), none, *ev);
    AddEvent(out.append, reservation, none, events::IdentifierReserved{"periodReport", ev->report_id});
    out.conflict_codes.emplace(reservation, Error::Of(errc::kPeriodReportExists));
    out.reply = [id = ev->report_id](const AppendResult& r) {
      return StatusReply(id, "draft", r.stream_versions.front());
    };
    return out;
  });
}

Result<Outcome> HandleSavePeriodReport(Services& s, const CommandEnv& env, const std::string& bureau_id,
                                       const std::string& report_id, std::optional<std::uint64_t> if_match,
                                       const std::string& record_date, const events::PeriodReportSections& sections) {
  const std::string stream = PeriodReportStream(report_id);
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, "SavePeriodReportSection", [&]() -> Result<Decision> {
    const auto r = s.period_reports.Load(stream);
    auto evs = DecideSavePeriodReport(r.state, bureau_id, s.Today(), record_date, sections, s.ref);
    if (!evs.ok()) return evs.error();
    if (if_match && *if_match != r.version) return Error::Of(errc::kVersionMismatch);
    Decision out;
    if (!evs->empty()) AddStream(out.append, stream, ExpectedVersion::Exactly(r.version), *evs);
    out.reply = [report_id, v = r.version](const AppendResult& res) {
      return StatusReply(report_id, "draft", res.stream_versions.empty() ? v : res.stream_versions.front());
    };
    return out;
  });
}

Result<Outcome> HandleSubmitPeriodReport(Services& s, const CommandEnv& env, const std::string& bureau_id,
                                         const std::string& report_id) {
  const std::string stream = PeriodReportStream(report_id);
  return Execute(s, env, "SubmitPeriodReport", [&]() -> Result<Decision> {
    const auto r = s.period_reports.Load(stream);
    auto ev = DecideSubmitPeriodReport(r.state, bureau_id, s.Today());
    if (!ev.ok()) return ev.error();
    Decision out;
    AddEvent(out.append, stream, ExpectedVersion::Exactly(r.version), *ev);
    out.reply = [report_id](const AppendResult& res) {
      return StatusReply(report_id, "submitted", res.stream_versions.front());
    };
    return out;
  });
}

}  // namespace istihdam

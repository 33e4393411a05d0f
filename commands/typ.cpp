#include "commands/typ.h"

#include "commands/identity_helpers.h"

namespace istihdam {

namespace {

// The attendance stream holding `date` (YYYY-MM-DD; a malformed date gets a stream of its own
// that stays empty, and the aggregate refuses the date).
std::string AttendanceStreamOfDay(const std::string& typ_no, const std::string& participant_id,
                                  const std::string& date) {
  return TypAttendanceStream(typ_no, participant_id, date.size() >= 7 ? date.substr(0, 7) : date);
}

}  // namespace

Result<Outcome> HandleCreateTypProgram(Services& s, const CommandEnv& env, CreateTypProgram cmd) {
  // The number is one past the highest program stream of the year and province, read inside
  // decide under the sequence's lock: no two creations take the same number, and a refused
  // command takes none.
  const auto hold = s.sequences.Hold("typ-program-" + cmd.province);
  return Execute(s, env, "CreateTypProgram", [&]() -> Result<Decision> {
    cmd.host_exists = !cmd.host_employer_id.empty() &&
                      s.employers.Load("employer-" + cmd.host_employer_id).state.exists;
    const std::string year = s.Today().substr(0, 4);
    const std::string prefix = TypProgramStream("TYP-" + year + "-" + cmd.province + "-");
    cmd.typ_no = FormatTypNo(year, cmd.province, s.store->HighestNumberedStream(prefix) + 1);
    auto ev = DecideCreateTypProgram(cmd);
    if (!ev.ok()) return ev.error();
    Decision d;
    AddEvent(d.append, TypProgramStream(ev->typ_no), ExpectedVersion::NoStream(), *ev);
    d.reply = [id = ev->typ_no](const AppendResult& r) {
      return Outcome{{{"id", id}, {"typNo", id}, {"version", r.stream_versions.front()}}};
    };
    return d;
  });
}

Result<Outcome> HandleAssignTypParticipant(Services& s, const CommandEnv& env,
                                         const std::string& typ_no, AssignTypParticipant cmd) {
  const std::string stream = TypProgramStream(typ_no);
  return Execute(s, env, "AssignTypParticipant", [&]() -> Result<Decision> {
    cmd.user_id = cmd.tckn.empty() ? "" : ReservedOwner(s, ReservationStream(s, "tckn", cmd.tckn));
    const auto program = s.typ_programs.Load(stream);
    auto ev = DecideAssignTypParticipant(program.state, cmd);
    if (!ev.ok()) return ev.error();
    if (auto id = CheckIdentity(s, {cmd.tckn, cmd.first_name, cmd.last_name, 0}, "tckn");
        !id.ok()) {
      return id.error();
    }
    Decision d;
    AddEvent(d.append, stream, ExpectedVersion::Exactly(program.version), *ev);
    d.reply = [id = ev->participant_id](const AppendResult& r) {
      return Outcome{
                   {{"id", id}, {"participantId", id}, {"version", r.stream_versions.front()}}};
    };
    return d;
  });
}

Result<Outcome> HandleRecordAbsence(Services& s, const CommandEnv& env, RecordAbsence cmd) {
  cmd.today = s.Today();
  cmd.unexcused_threshold = s.config.typ_unexcused_absence_threshold;
  for (const auto& t : s.ref.attendance_types()) cmd.known_types.push_back(t.code);
  const std::string stream = AttendanceStreamOfDay(cmd.typ_no, cmd.participant_id, cmd.date);
  return Execute(s, env, "RecordAbsence", [&]() -> Result<Decision> {
    const auto program = s.typ_programs.Load(TypProgramStream(cmd.typ_no));
    const auto days = s.typ_attendance.Load(stream);
    auto evs = DecideRecordAbsence(program.state, days.state, cmd);
    if (!evs.ok()) return evs.error();
    Decision d;
    AddStream(d.append, stream, ExpectedVersion::Exactly(days.version), *evs);
    d.reply = [c = cmd, flagged = evs->size() > 1](const AppendResult& r) {
      return Outcome{
                   {{"id", c.date},
                    {"typNo", c.typ_no},
                    {"participantId", c.participant_id},
                    {"date", c.date},
                    {"attendanceType", c.attendance_type},
                    {"flagged", flagged},
                    {"version", r.stream_versions.front()}}};
    };
    return d;
  });
}

Result<Outcome> HandleDeleteAbsence(Services& s, const CommandEnv& env, const DeleteAbsence& cmd) {
  const std::string stream = AttendanceStreamOfDay(cmd.typ_no, cmd.participant_id, cmd.date);
  return Execute(s, env, "DeleteAbsence", [&]() -> Result<Decision> {
    const auto program = s.typ_programs.Load(TypProgramStream(cmd.typ_no));
    const auto days = s.typ_attendance.Load(stream);
    auto ev = DecideDeleteAbsence(program.state, days.state, cmd);
    if (!ev.ok()) return ev.error();
    Decision d;
    AddEvent(d.append, stream, ExpectedVersion::Exactly(days.version), *ev);
    d.reply = [date = cmd.date, type = ev->attendance_type](const AppendResult& r) {
      return Outcome{
                   {{"id", date},
                    {"date", date},
                    {"attendanceType", type},
                    {"version", r.stream_versions.front()}}};
    };
    return d;
  });
}

}  // namespace istihdam

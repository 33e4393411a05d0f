#include "aggregates/typ_attendance.h"

#include <algorithm>

#include "aggregates/validation.h"
#include "infra/clock.h"

namespace istihdam {

std::string TypAttendanceStream(const std::string& typ_no, const std::string& participant_id,
                                const std::string& month) {
  return "typ-attendance-" + typ_no + "-" + participant_id + "-" + month;
}

std::int64_t TypAttendanceState::Count(const std::string& attendance_type) const {
  return std::count_if(days.begin(), days.end(),
                       [&](const auto& d) { return d.second == attendance_type; });
}

TypAttendanceState Apply(TypAttendanceState s, const events::TypAttendanceEvent& e) {
  if (const auto* r = std::get_if<events::TypAbsenceRecorded>(&e)) {
    s.days[r->date] = r->attendance_type;
  } else if (const auto* d = std::get_if<events::TypAbsenceDeleted>(&e)) {
    s.days.erase(d->date);
  } else if (std::holds_alternative<events::TypParticipantFlagged>(e)) {
    s.flagged = true;
  }
  return s;
}

namespace {

// The participant of a program the employer hosts.
Result<TypParticipant> HostedParticipant(const TypProgramState& p, const std::string& employer_id,
                                         const std::string& participant_id) {
  if (!p.exists || p.host_employer_id != employer_id) return Error::Of(errc::kTypProgramNotFound);
  const auto* participant = p.Find(participant_id);
  if (!participant) return Error::Of(errc::kTypParticipantNotFound);
  return *participant;
}

bool ValidDate(const std::string& date) {
  std::int64_t days = 0;
  return ParseDate(date, &days);
}

}  // namespace

Result<std::vector<events::TypAttendanceEvent>> DecideRecordAbsence(const TypProgramState& program,
                                                                    const TypAttendanceState& s,
                                                                    const RecordAbsence& c) {
  auto participant = HostedParticipant(program, c.employer_id, c.participant_id);
  if (!participant.ok()) return participant.error();
  Validator v;
  if (!ValidDate(c.date))
    v.Fail("date", "invalid_format");
  else if (c.date > c.today)
    v.Fail("date", "in_future");
  if (v.Required("attendanceType", c.attendance_type) &&
      std::find(c.known_types.begin(), c.known_types.end(), c.attendance_type) ==
          c.known_types.end()) {
    v.Fail("attendanceType", "unknown_value");
  }
  if (!v.ok()) return v.ToError();
  if (c.date < participant->start_date || c.date > participant->end_date) {
    return Error::Of(errc::kOutsideParticipationPeriod);
  }
  if (s.days.count(c.date)) return Error::Of(errc::kAbsenceAlreadyRecorded);
  std::vector<events::TypAttendanceEvent> out{
      events::TypAbsenceRecorded{c.typ_no, c.participant_id, c.date, c.attendance_type}};
  const std::int64_t unexcused =
      s.Count(kUnexcusedAbsence) + (c.attendance_type == kUnexcusedAbsence ? 1 : 0);
  if (!s.flagged && c.unexcused_threshold >= 1 && c.attendance_type == kUnexcusedAbsence &&
      unexcused >= c.unexcused_threshold) {
    out.push_back(events::TypParticipantFlagged{c.typ_no, c.participant_id, c.date.substr(0, 7),
                                                unexcused, c.unexcused_threshold});
  }
  return out;
}

Result<events::TypAbsenceDeleted> DecideDeleteAbsence(const TypProgramState& program,
                                                      const TypAttendanceState& s,
                                                      const DeleteAbsence& c) {
  auto participant = HostedParticipant(program, c.employer_id, c.participant_id);
  if (!participant.ok()) return participant.error();
  if (!ValidDate(c.date)) return Error{errc::kValidationFailed, {{"date", "invalid_format"}}, {}};
  auto it = s.days.find(c.date);
  if (it == s.days.end()) return Error::Of(errc::kAbsenceNotFound);
  return events::TypAbsenceDeleted{c.typ_no, c.participant_id, c.date, it->second};
}

}  // namespace istihdam

#pragma once
// The TypAttendance aggregate (TYP-2..4, X-34): one participant's absence days of one month,
// stream "typ-attendance-<typNo>-<participantId>-<YYYY-MM>". At most one entry per day;
// correction is delete + add. Pure: today, the program and the known attendance types come in
// with the command.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "aggregates/typ_program.h"
#include "events/typ.h"
#include "infra/result.h"

namespace istihdam {

inline constexpr const char* kUnexcusedAbsence = "unexcusedAbsence";

std::string TypAttendanceStream(const std::string& typ_no, const std::string& participant_id,
                                const std::string& month);

struct TypAttendanceState {
  std::map<std::string, std::string> days;  // date -> attendance type
  bool flagged = false;                     // TypParticipantFlagged was emitted for this month

  std::int64_t Count(const std::string& attendance_type) const;
};

TypAttendanceState Apply(TypAttendanceState s, const events::TypAttendanceEvent& e);

struct RecordAbsence {
  std::string employer_id;  // the acting employer: must host the program
  std::string today;        // local date
  std::string typ_no, participant_id, date, attendance_type;
  std::vector<std::string> known_types;  // reference data codes
  std::int64_t unexcused_threshold = 3;  // config typUnexcusedAbsenceThreshold (< 1: never flag)
};

// TypAbsenceRecorded, plus TypParticipantFlagged when this entry makes the month's unexcused
// absences reach the threshold for the first time. Errors: typ_program_not_found (unknown or
// another employer's), typ_participant_not_found, validation_failed (date invalid_format or
// in_future, attendanceType required or unknown_value), outside_participation_period,
// absence_already_recorded.
Result<std::vector<events::TypAttendanceEvent>> DecideRecordAbsence(const TypProgramState& program,
                                                                    const TypAttendanceState& s,
                                                                    const RecordAbsence& c);

struct DeleteAbsence {
  std::string employer_id;
  std::string typ_no, participant_id, date;
};

// TypAbsenceDeleted with the entry's type. The month's flag stays. Errors:
// typ_program_not_found, typ_participant_not_found, validation_failed (date), absence_not_found.
Result<events::TypAbsenceDeleted> DecideDeleteAbsence(const TypProgramState& program,
                                                      const TypAttendanceState& s,
                                                      const DeleteAbsence& c);

}  // namespace istihdam

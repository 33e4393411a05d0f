#pragma once
// Events of the community benefit programs (TYP), DOMAIN.md §2.1.1.5, docs/typ.md.
// Streams: "typ-program-<typNo>" (the program and its participants) and
// "typ-attendance-<typNo>-<participantId>-<YYYY-MM>" (one participant's absences of a month).
#include <cstdint>
#include <string>
#include <variant>

#include "events/codec.h"

namespace istihdam::events {

// A unit user opened a program hosted by an employer.
struct TypProgramCreated {
  static constexpr const char* kType = "TypProgramCreated";
  std::string typ_no;
  std::string host_employer_id;
  std::string province;
  std::string start_date;  // YYYY-MM-DD
  std::string end_date;    // YYYY-MM-DD, inclusive
  std::string description;
  std::int64_t participant_quota = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("typNo", typ_no), F("hostEmployerId", host_employer_id), F("province", province),
       F("startDate", start_date), F("endDate", end_date), F("description", description),
       F("participantQuota", participant_quota));
  }
};

// A registered individual works in the program from startDate to endDate (inclusive).
struct TypParticipantAssigned {
  static constexpr const char* kType = "TypParticipantAssigned";
  std::string typ_no;
  std::string participant_id;  // "1", "2", … within the program
  std::string user_id;         // the individual's account
  std::string tckn;
  std::string first_name;
  std::string last_name;
  std::string start_date;
  std::string end_date;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("typNo", typ_no), F("participantId", participant_id), F("userId", user_id),
       PII("*tckn", tckn), PII("*firstName", first_name), PII("*lastName", last_name),
       F("startDate", start_date), F("endDate", end_date));
  }
};

using TypProgramEvent = std::variant<TypProgramCreated, TypParticipantAssigned>;

// RecordAbsence (TYP-3).
struct TypAbsenceRecorded {
  static constexpr const char* kType = "TypAbsenceRecorded";
  std::string typ_no;
  std::string participant_id;
  std::string date;             // YYYY-MM-DD
  std::string attendance_type;  // code of data/typ_attendance_types.csv
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("typNo", typ_no), F("participantId", participant_id), F("date", date),
       F("attendanceType", attendance_type));
  }
};

// DeleteAbsence (TYP-4): the entry as it was.
struct TypAbsenceDeleted {
  static constexpr const char* kType = "TypAbsenceDeleted";
  std::string typ_no;
  std::string participant_id;
  std::string date;
  std::string attendance_type;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("typNo", typ_no), F("participantId", participant_id), F("date", date),
       F("attendanceType", attendance_type));
  }
};

// The participant's unexcused absences of `month` reached the configured threshold: a task
// for the unit user. At most once per participant and month; a later delete does not undo it.
struct TypParticipantFlagged {
  static constexpr const char* kType = "TypParticipantFlagged";
  std::string typ_no;
  std::string participant_id;
  std::string month;  // YYYY-MM
  std::int64_t unexcused_days = 0;
  std::int64_t threshold = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("typNo", typ_no), F("participantId", participant_id), F("month", month),
       F("unexcusedDays", unexcused_days), F("threshold", threshold));
  }
};

using TypAttendanceEvent =
    std::variant<TypAbsenceRecorded, TypAbsenceDeleted, TypParticipantFlagged>;

}  // namespace istihdam::events

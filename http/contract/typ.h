#pragma once
// Community benefit programs — "TYP" (TYP-1..TYP-4, docs/typ.md): bodies, queries, answers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregates/typ_program.h"
#include "aggregates/validation.h"
#include "http/wire.h"
#include "projections/session_record.h"

namespace istihdam::http::contract::typ {

using wire::F;

inline constexpr const char* kStatuses[] = {"planned", "active", "completed"};
inline constexpr const char* kReportFormats[] = {"json", "pdf", "xlsx"};

// ----- Bodies -------------------------------------------------------------------------

struct NewProgram {
  std::string host_employer_id, province, start_date, end_date, description;
  std::optional<std::int64_t> participant_quota;
  template <class A>
  void serialize(A& ar) {
    ar(F("hostEmployerId", host_employer_id).requiredByCommand(),
       F("province", province).requiredByCommand().from(wire::lists::kProvinces).describe("plate code, the unit user's own"),
       F("startDate", start_date).requiredByCommand().formatted("date"), F("endDate", end_date).requiredByCommand().formatted("date"),
       F("description", description).text().requiredByCommand().maxLength(1000),
       F("participantQuota", participant_quota).requiredByCommand().range(1, kMaxParticipantQuota));
  }
  CreateTypProgram ToCommand(const Session& s) const {
    CreateTypProgram c;
    c.actor_province = s.province;
    c.host_employer_id = host_employer_id;
    c.province = province;
    c.start_date = start_date;
    c.end_date = end_date;
    c.description = description;
    c.participant_quota = participant_quota.value_or(0);
    return c;
  }
};

struct NewParticipant {
  std::string tckn, first_name, last_name, start_date, end_date;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn).requiredByCommand(), F("firstName", first_name).requiredByCommand(), F("lastName", last_name).requiredByCommand(),
       F("startDate", start_date).requiredByCommand().formatted("date"), F("endDate", end_date).requiredByCommand().formatted("date"));
  }
  AssignTypParticipant ToCommand(const Session& s) const {
    AssignTypParticipant c;
    c.actor_province = s.province;
    c.tckn = tckn;
    c.first_name = first_name;
    c.last_name = last_name;
    c.start_date = start_date;
    c.end_date = end_date;
    return c;
  }
};

struct AbsenceEntry {
  std::string attendance_type;
  template <class A>
  void serialize(A& ar) {
    ar(F("attendanceType", attendance_type)
           .requiredByCommand()
           .from(wire::lists::kAttendanceTypes)
           .describe("a code of GET /api/v1/typ/attendance-types"));
  }
};

// ----- Query strings ------------------------------------------------------------------

struct ProgramQuery : wire::Paging {
  std::string typ_no, province, status, start_from, start_to;
  template <class A>
  void serialize(A& ar) {
    ar(F("typNo", typ_no), F("province", province), F("status", status).oneOf(kStatuses),
       F("startFrom", start_from).formatted("date"), F("startTo", start_to).formatted("date"));
    Paging::serialize(ar);
  }
};

struct ParticipantQuery : wire::Paging {};

struct MonthQuery : wire::Query {
  std::string month;
  template <class A>
  void serialize(A& ar) {
    ar(F("month", month).describe("YYYY-MM; required"));
  }
};

struct ReportQuery : wire::Query {
  std::string month, format;
  template <class A>
  void serialize(A& ar) {
    ar(F("month", month).describe("YYYY-MM; required"),
       F("format", format).oneOf(kReportFormats).describe("default: from Accept, else json"));
  }
};

struct FlaggedQuery : wire::Paging {
  std::string month;
  template <class A>
  void serialize(A& ar) {
    ar(F("month", month).describe("YYYY-MM; any month when absent"));
    Paging::serialize(ar);
  }
};

// ----- Answers ------------------------------------------------------------------------

// A program as GetTypProgram shows it.
struct Program {
  std::string typ_no, host_employer_id, host_employer_title, province, start_date, end_date, description, status;
  std::int64_t participant_quota = 0, participant_count = 0;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("typNo", typ_no).describe("e.g. TYP-2026-34-00001"), F("hostEmployerId", host_employer_id),
       F("hostEmployerTitle", host_employer_title), F("province", province),
       F("startDate", start_date).formatted("date"), F("endDate", end_date).formatted("date"),
       F("description", description).text(), F("participantQuota", participant_quota),
       F("participantCount", participant_count), F("status", status).oneOf(kStatuses), F("version", version));
  }
};

struct ProgramCreated {
  wire::Changed changed;
  std::string typ_no;
  template <class A>
  void serialize(A& ar) {
    changed.serialize(ar);
    ar(F("typNo", typ_no));
  }
};

struct Participant {
  std::string participant_id, tckn, first_name, last_name, start_date, end_date;
  template <class A>
  void serialize(A& ar) {
    ar(F("participantId", participant_id), F("tckn", tckn), F("firstName", first_name), F("lastName", last_name),
       F("startDate", start_date).formatted("date"), F("endDate", end_date).formatted("date"));
  }
};

struct ParticipantPage {
  std::string typ_no;
  wire::PageOf<Participant> page;
  template <class A>
  void serialize(A& ar) {
    ar(F("typNo", typ_no));
    page.serialize(ar);
  }
};

struct ParticipantAssigned {
  wire::Changed changed;
  std::string participant_id;
  template <class A>
  void serialize(A& ar) {
    changed.serialize(ar);
    ar(F("participantId", participant_id));
  }
};

struct AbsenceRecorded {
  wire::Changed changed;  // id: the date
  std::string typ_no, participant_id, date, attendance_type;
  bool flagged = false;
  template <class A>
  void serialize(A& ar) {
    changed.serialize(ar);
    ar(F("typNo", typ_no), F("participantId", participant_id), F("date", date).formatted("date"),
       F("attendanceType", attendance_type),
       F("flagged", flagged).describe("this entry flagged the participant: unexcused-absence threshold"));
  }
};

struct AbsenceDeleted {
  wire::Changed changed;  // id: the date
  std::string date, attendance_type;
  template <class A>
  void serialize(A& ar) {
    changed.serialize(ar);
    ar(F("date", date).formatted("date"), F("attendanceType", attendance_type));
  }
};

struct CalendarDay {
  std::string date, attendance_type;
  template <class A>
  void serialize(A& ar) {
    ar(F("date", date).formatted("date"), F("attendanceType", attendance_type));
  }
};

struct Calendar {
  std::string month;
  std::vector<CalendarDay> days;
  template <class A>
  void serialize(A& ar) {
    ar(F("month", month), F("days", days));
  }
};

// The JSON form of the report (TypAttendanceReport::json); documented, answered as built.
struct ReportRow {
  std::string participant_id, tckn, first_name, last_name, date, attendance_type, attendance_type_name;
  template <class A>
  void serialize(A& ar) {
    ar(F("participantId", participant_id), F("tckn", tckn), F("firstName", first_name), F("lastName", last_name),
       F("date", date).formatted("date"), F("attendanceType", attendance_type),
       F("attendanceTypeName", attendance_type_name));
  }
};

struct ReportTotal {
  std::string participant_id, attendance_type;
  std::int64_t days = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("participantId", participant_id), F("attendanceType", attendance_type), F("days", days));
  }
};

struct ReportJson {
  std::string typ_no, month, host_employer_id, host_employer_title, province;
  std::vector<ReportRow> rows;
  std::vector<ReportTotal> totals;
  template <class A>
  void serialize(A& ar) {
    ar(F("typNo", typ_no), F("month", month), F("hostEmployerId", host_employer_id),
       F("hostEmployerTitle", host_employer_title), F("province", province), F("rows", rows), F("totals", totals));
  }
};

struct Flagged {
  std::string typ_no, participant_id, first_name, last_name, province, month;
  std::int64_t threshold = 0, unexcused_days = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("typNo", typ_no), F("participantId", participant_id), F("firstName", first_name),
       F("lastName", last_name), F("province", province), F("month", month), F("threshold", threshold),
       F("unexcusedDays", unexcused_days).describe("now, after any later deletes"));
  }
};

struct AttendanceType {
  std::string code, name_tr, name_en;
  template <class A>
  void serialize(A& ar) {
    ar(F("code", code), F("nameTr", name_tr), F("nameEn", name_en));
  }
};

}  // namespace istihdam::http::contract::typ

#pragma once
// TYP commands (DOMAIN.md §2.1.1.5, docs/typ.md): CreateTypProgram and AssignTypParticipant
// (unit users), RecordAbsence and DeleteAbsence (the host employer).
#include <string>

#include "aggregates/typ_attendance.h"
#include "aggregates/typ_program.h"
#include "commands/services.h"

namespace istihdam {

// 201 {"id": typNo, "version"}. The handler assigns the next TYP number of the province and
// year (no gaps: a number is taken only by the append that creates its program) and checks
// that the host employer exists. Errors: see DecideCreateTypProgram.
Result<Outcome> HandleCreateTypProgram(Services& s, const CommandEnv& env, CreateTypProgram cmd);

// 201 {"id": participantId, "version"}. The handler finds the registered individual by TCKN
// and checks the names with the identity adapter (kps_mismatch). Errors: see
// DecideAssignTypParticipant.
Result<Outcome> HandleAssignTypParticipant(Services& s, const CommandEnv& env,
                                         const std::string& typ_no, AssignTypParticipant cmd);

// 201 {"id": date, "typNo", "participantId", "date", "attendanceType", "flagged", "version"}.
// The handler sets today, the known types and the threshold. Errors: see DecideRecordAbsence.
Result<Outcome> HandleRecordAbsence(Services& s, const CommandEnv& env, RecordAbsence cmd);

// 200 {"id": date, "attendanceType", "version"}. Errors: see DecideDeleteAbsence.
Result<Outcome> HandleDeleteAbsence(Services& s, const CommandEnv& env, const DeleteAbsence& cmd);

}  // namespace istihdam

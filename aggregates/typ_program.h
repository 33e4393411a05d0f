#pragma once
// The TypProgram aggregate (DOMAIN.md §2.1.1.5, docs/typ.md): created by a unit user of the
// program's province, hosting employer, period, quota and participants. Pure: "today", the
// acting unit user's province and what the handler looked up come in with the command.
#include <cstdint>
#include <string>
#include <vector>

#include "events/typ.h"
#include "infra/result.h"

namespace istihdam {

std::string TypProgramStream(const std::string& typ_no);
// "TYP-<year>-<province>-<sequence of 5 digits>", e.g. "TYP-2026-34-00001".
std::string FormatTypNo(const std::string& year, const std::string& province,
                        std::uint64_t sequence);
// planned (today before startDate) | active | completed (today after endDate).
std::string TypStatus(const std::string& start_date, const std::string& end_date,
                      const std::string& today);

struct TypParticipant {
  std::string participant_id, user_id, tckn, first_name, last_name, start_date, end_date;
};

struct TypProgramState {
  bool exists = false;
  std::string typ_no, host_employer_id, province, start_date, end_date, description;
  std::int64_t participant_quota = 0;
  std::vector<TypParticipant> participants;

  const TypParticipant* Find(const std::string& participant_id) const;
};

TypProgramState Apply(TypProgramState s, const events::TypProgramEvent& e);

struct CreateTypProgram {
  std::string typ_no;          // assigned by the handler
  std::string actor_province;  // the unit user's province
  bool host_exists = false;    // looked up by the handler
  std::string host_employer_id, province, start_date, end_date, description;
  std::int64_t participant_quota = 0;
};

// Errors: validation_failed (hostEmployerId unknown_value, province, dates, endDate
// before_valid_from, participantQuota too_small, description), other_province.
Result<events::TypProgramCreated> DecideCreateTypProgram(const CreateTypProgram& c);

struct AssignTypParticipant {
  std::string actor_province;  // the unit user's province
  std::string user_id;         // the registered individual with this TCKN, "" when none
  std::string tckn, first_name, last_name, start_date, end_date;
};

// The participant id is the next number within the program. Errors: typ_program_not_found
// (also for a unit user of another province), validation_failed, participant_not_registered,
// outside_program_period, participant_quota_exceeded, participant_period_overlaps.
Result<events::TypParticipantAssigned> DecideAssignTypParticipant(const TypProgramState& s,
                                                                  const AssignTypParticipant& c);

}  // namespace istihdam

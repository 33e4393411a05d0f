#pragma once
// Read model of the TYP programs (TYP-1, TYP-2, docs/typ.md): programs, participants, absence
// days and flagged participants. A program's status depends on the day it is read, so the
// queries take "today". Who sees what (TypScope) is decided here, once, for every route.
#include <boost/json/object.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "projections/paging.h"
#include "projections/projection_engine.h"

namespace istihdam {

std::unique_ptr<Projector> MakeTypProjector();

// The caller's view: the host employer sees its programs, a unit user its province's, head
// office every program.
struct TypScope {
  std::string employer_id;  // employer sessions
  std::string province;     // unit users
  bool everything = false;  // head office
};

struct TypCriteria {
  std::string typ_no, province, status, start_from, start_to;  // "" = any
};

// {"items", "page", …} ordered by typNo; items are programs as GetTypProgram shows them.
boost::json::object ListTypPrograms(const ReadView& view, const TypScope& scope,
                                    const TypCriteria& criteria, const std::string& today,
                                    const Page& page);

// {"typNo", "hostEmployerId", "hostEmployerTitle", "province", "startDate", "endDate", "description",
// "participantQuota", "participantCount", "status", "version"}; nullopt when unknown or not
// visible to the scope.
std::optional<boost::json::object> GetTypProgram(const ReadView& view, const TypScope& scope,
                                                 const std::string& typ_no,
                                                 const std::string& today);

// Participants in id order: {"participantId", "tckn", "firstName", "lastName", "startDate",
// "endDate"}. Call after GetTypProgram admitted the scope.
std::vector<boost::json::object> TypParticipants(const ReadView& view, const std::string& typ_no);
std::optional<boost::json::object> FindTypParticipant(const ReadView& view,
                                                      const std::string& typ_no,
                                                      const std::string& participant_id);

struct TypAbsence {
  std::string participant_id, date, attendance_type;
};
// Absence days of a program in a month ordered by participant and date; of one participant
// when participant_id is not empty.
std::vector<TypAbsence> TypAbsences(const ReadView& view, const std::string& typ_no,
                                    const std::string& month,
                                    const std::string& participant_id = "");

// Flagged participants (TypParticipantFlagged) of the scope's province (or all), newest month
// first, optionally of one month: {"typNo", "participantId", "firstName", "lastName", "month",
// "threshold", "unexcusedDays" (now, after later deletes)}.
boost::json::object ListFlaggedTypParticipants(const ReadView& view, const TypScope& scope,
                                               const std::string& month, const Page& page);

}  // namespace istihdam

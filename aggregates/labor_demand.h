#pragma once
// The LaborDemand aggregate (DOMAIN.md §2.1.1.2–2.1.1.3, api/jobs.md "Labor demands"). Pure:
// today, the workplace, the employer's sector and the reference data come in with the command.
#include <cstdint>
#include <string>
#include <vector>

#include "events/labor_demands.h"
#include "infra/reference_data.h"
#include "infra/result.h"

namespace istihdam {

std::string LaborDemandStream(const std::string& demand_no);
// "2026-0000001": the year of creation and a sequence without gaps within it.
std::string FormatDemandNo(const std::string& year, std::uint64_t sequence);
// The stream prefix whose highest number is the year's last demand.
std::string DemandNoPrefix(const std::string& year);

// Candidates of a demand, by state (api/jobs.md "Codes": origin selected/applied/referred,
// then invited, interviewed). Counted per origin and per state reached.
struct CandidateCounts {
  std::int64_t selected = 0, applied = 0, referred = 0, invited = 0, interviewed = 0;
  std::int64_t total() const { return selected + applied + referred; }
  bool operator==(const CandidateCounts&) const = default;
};

// A job seeker attached to the demand (api/jobs.md "Matching and candidates"): the origin,
// then invited, then interviewed; the latest invitation and result hold.
struct Candidate {
  std::string candidate_id, job_seeker_id;
  std::string origin;  // selected | applied | referred
  std::string state;   // the origin, invited, interviewed
  std::string added_on;
  std::string interview_date, interview_address, interview_result;
  std::optional<std::string> interview_note;
};

struct LaborDemandState {
  bool exists = false;
  bool deleted = false;
  std::string demand_no, employer_id, workplace_id, workplace_title, created_on;
  std::string status;  // active | closed | cancelled
  events::LaborDemandDraft draft;
  std::string close_date, close_reason, cancel_reason;
  std::int64_t hired_count = 0;
  std::optional<std::string> close_note;
  CandidateCounts candidates;
  std::vector<Candidate> candidate_list;  // in the order they were added

  const Candidate* FindCandidate(const std::string& candidate_id) const;
  const Candidate* CandidateOf(const std::string& job_seeker_id) const;

  // Cancellable = active with candidate activity; deletable = active without (OP-11).
  bool HasCandidates() const { return candidates.total() > 0; }
};

LaborDemandState Apply(LaborDemandState s, const events::LaborDemandEvent& e);

// What the caller may do next (api/jobs.md): active -> view, update, selectCandidates,
// viewCandidates, close, and cancel (with candidates) or delete (without); closed and
// cancelled -> view, viewCandidates.
std::vector<std::string> AvailableActions(const std::string& status, bool has_candidates);

// The listing icon: null unless the demand is for a target group ("none" -> "").
std::string TargetGroupIcon(const std::string& target_group);

// The workplace the draft names, as the handler found it.
struct DemandWorkplace {
  bool exists = false;
  std::string employer_id;
  std::string title;
};

// The limits of the draft's fields (docs/labor-demands.md lists them).
inline constexpr std::size_t kMaxPositionChars = 200;
inline constexpr std::size_t kMaxDescriptionChars = 4000;
inline constexpr std::size_t kMaxAddressChars = 500;
inline constexpr std::size_t kMaxShortTextChars = 200;
inline constexpr std::size_t kMaxNoteChars = 1000;
inline constexpr std::size_t kMaxCancelReasonChars = 500;
inline constexpr std::size_t kMaxBenefits = 20;
inline constexpr std::int64_t kMinWorkingAge = 14, kMaxWorkingAge = 99;
inline constexpr std::int64_t kMaxExperienceMonths = 600;   // 50 years
inline constexpr std::int64_t kMaxMonthlyWage = 10'000'000;  // Turkish lira
inline constexpr std::int64_t kMaxDaysToDeadline = 366;      // the last application date, from today

// CreateLaborDemand (quick form) and CreateLaborDemandDetailed (wizard): the same document.
struct CreateLaborDemand {
  std::string employer_id;      // the acting employer
  std::string employer_sector;  // private | public: the default workplaceType
  std::string today;            // local date
  std::string demand_no;        // assigned by the handler
  std::string created_via;      // quick | wizard
  std::string workplace_id;
  DemandWorkplace workplace;
  events::LaborDemandDraft draft;  // workplaceType "" = the employer's sector
};

// Errors: validation_failed (every failing field: unknown_workplace, unknown_value, too_small,
// in_past, out_of_range, required, too_long, duplicate).
Result<events::LaborDemandCreated> DecideCreateLaborDemand(const CreateLaborDemand& c, const ReferenceData& ref);

struct UpdateLaborDemand {
  std::string employer_id;
  std::string employer_sector;
  std::string today;
  events::LaborDemandDraft draft;
};

// An unchanged draft yields no event. Errors: labor_demand_not_found, demand_not_active,
// validation_failed. A last application date that is not changed may lie in the past.
Result<std::vector<events::LaborDemandEvent>> DecideUpdateLaborDemand(const LaborDemandState& s,
                                                                       const UpdateLaborDemand& c,
                                                                       const ReferenceData& ref);

struct CloseLaborDemand {
  std::string employer_id, today;
  std::string close_date;  // "" = today
  std::string close_reason;
  std::int64_t hired_count = 0;
  std::optional<std::string> note;
};
// Errors: labor_demand_not_found, demand_not_active, validation_failed (closeDate in_future or
// before_creation, closeReason required/unknown_value, hiredCount negative/out_of_range).
Result<events::LaborDemandClosed> DecideCloseLaborDemand(const LaborDemandState& s, const CloseLaborDemand& c);

struct CancelLaborDemand {
  std::string employer_id;
  std::string cancel_reason;
};
// Errors: labor_demand_not_found, demand_not_active, not_cancellable (no candidates),
// validation_failed (cancelReason required/too_long).
Result<events::LaborDemandCancelled> DecideCancelLaborDemand(const LaborDemandState& s, const CancelLaborDemand& c);

// Errors: labor_demand_not_found, demand_not_active, not_deletable (it has candidates).
Result<events::LaborDemandDeleted> DecideDeleteLaborDemand(const LaborDemandState& s, const std::string& employer_id);

}  // namespace istihdam

#pragma once
// A collective dismissal notification (CD-1..CD-4, RULES.md §1b). Pure: "today", the
// employer's workplaces and their headcounts come in with the command.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "events/collective_dismissals.h"
#include "infra/config.h"
#include "infra/result.h"

namespace istihdam {

std::string CollectiveDismissalStream(const std::string& dismissal_id);

struct CollectiveDismissalState {
  bool exists = false;
  std::string dismissal_id;
  std::string employer_id;
  std::string notification_date;
  events::DismissalContent content;
};

CollectiveDismissalState Apply(CollectiveDismissalState s, const events::CollectiveDismissalEvent& e);

// CD-R6 [I] (OP-29): the last day a notification can change: one calendar month after the
// notification date, clamped to the end of a shorter month (01-31 -> 02-28).
std::string EditableUntil(const std::string& notification_date);
bool IsEditable(const CollectiveDismissalState& s, const std::string& today);

// Law 4857 art. 29: dismissals that make it collective at a workplace of `headcount` workers;
// 0 when the workplace is too small to be covered.
std::int64_t RequiredDismissals(std::int64_t headcount, const CollectiveDismissalThresholds& t);

// What the handler looked up for the decision.
struct DismissalWorkplace {
  std::string employer_id;
  std::string hq_workplace_id;  // its province headquarters (itself for a headquarters)
};
struct ProvinceHeadcount {
  std::string schedule_month;  // latest schedule, "" when none
  std::int64_t headcount = 0;
};

struct SaveCollectiveDismissal {
  std::string employer_id;  // the acting employer
  std::string today;        // local date, YYYY-MM-DD
  std::string dismissal_id;  // assigned by the handler (notify) or the target (update)
  std::string dismissal_date;
  std::vector<events::DismissalDetail> details;
  std::map<std::string, DismissalWorkplace> workplaces;  // every workplace id named in details
  std::map<std::string, ProvinceHeadcount> headcounts;    // by headquarters id
  CollectiveDismissalThresholds thresholds;
};

// NotifyCollectiveDismissal: notification date = today. Errors: validation_failed.
Result<events::CollectiveDismissalNotified> DecideNotifyCollectiveDismissal(const SaveCollectiveDismissal& c);

// UpdateCollectiveDismissal: the notification date stays. An unchanged draft yields no event.
// Errors: collective_dismissal_not_found, edit_window_expired, validation_failed.
Result<std::vector<events::CollectiveDismissalEvent>> DecideUpdateCollectiveDismissal(
    const CollectiveDismissalState& s, const SaveCollectiveDismissal& c);

}  // namespace istihdam

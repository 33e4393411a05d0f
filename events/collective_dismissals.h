#pragma once
// Events of a collective dismissal notification (stream "collective-dismissal-<id>").
// DOMAIN.md §2.1.3.4, RULES.md §1b.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "events/codec.h"

namespace istihdam::events {

// "Detay Bilgiler": the dismissed workers of one of the employer's workplaces.
struct DismissalDetail {
  std::string workplace_id;
  std::int64_t male_count = 0;
  std::int64_t female_count = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("workplaceId", workplace_id), F("maleCount", male_count), F("femaleCount", female_count));
  }
  bool operator==(const DismissalDetail&) const = default;
};

// How the Law 4857 art. 29 thresholds were judged for the workplaces of one province
// headquarters: `headcount` is the month end of its latest workforce schedule at the time
// (0 when it has none), `required` the number of dismissals that makes it collective (0: the
// workplace is too small to be covered).
struct ThresholdCheck {
  std::string hq_workplace_id;
  std::string schedule_month;  // the schedule the headcount came from, "" when none
  std::int64_t headcount = 0;
  std::int64_t dismissed = 0;
  std::int64_t required = 0;
  bool met = false;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("hqWorkplaceId", hq_workplace_id), F("scheduleMonth", schedule_month),
       F("headcount", headcount), F("dismissed", dismissed), F("required", required), F("met", met));
  }
  bool operator==(const ThresholdCheck&) const = default;
};

// The computed part of a notification (CD-R1 totals and the art. 29 flag).
struct DismissalContent {
  std::string dismissal_date;  // YYYY-MM-DD
  std::vector<DismissalDetail> details;
  std::int64_t total_male = 0;
  std::int64_t total_female = 0;
  bool meets_statutory_threshold = false;
  std::vector<ThresholdCheck> threshold_checks;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("dismissalDate", dismissal_date), F("details", details), F("totalMale", total_male),
       F("totalFemale", total_female), F("meetsStatutoryThreshold", meets_statutory_threshold),
       F("thresholdChecks", threshold_checks));
  }
  bool operator==(const DismissalContent&) const = default;
};

// CD-2/CD-3: `notificationDate` is the server's date of the transaction and never changes.
struct CollectiveDismissalNotified {
  static constexpr const char* kType = "CollectiveDismissalNotified";
  std::string dismissal_id;
  std::string employer_id;
  std::string notification_date;  // YYYY-MM-DD
  DismissalContent content;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("dismissalId", dismissal_id), F("employerId", employer_id),
       F("notificationDate", notification_date), F("content", content));
  }
};

// CD-4: a change within one month of the notification date.
struct CollectiveDismissalUpdated {
  static constexpr const char* kType = "CollectiveDismissalUpdated";
  std::string dismissal_id;
  DismissalContent content;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("dismissalId", dismissal_id), F("content", content));
  }
};

using CollectiveDismissalEvent = std::variant<CollectiveDismissalNotified, CollectiveDismissalUpdated>;

}  // namespace istihdam::events

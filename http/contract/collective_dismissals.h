#pragma once
// Collective dismissal — "Toplu İşten Çıkarma" (CD-1..CD-4): bodies and answers of the API.
#include <cstdint>
#include <string>
#include <vector>

#include "aggregates/collective_dismissal.h"
#include "http/wire.h"

namespace istihdam::http::contract::collective_dismissals {

using wire::F;

// "Detay Bilgiler": the dismissed workers of one of the employer's workplaces.
struct Detail {
  std::string workplace_id;
  std::int64_t male_count = 0, female_count = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("workplaceId", workplace_id), F("maleCount", male_count).range(0, 10'000'000),
       F("femaleCount", female_count).range(0, 10'000'000));
  }
};

// The whole draft (POST and PUT). Both fields are required, but the command names them (422
// required) together with every other failing field, so the body reader does not.
struct DismissalDraft {
  std::string dismissal_date;
  std::vector<Detail> details;
  template <class A>
  void serialize(A& ar) {
    ar(F("dismissalDate", dismissal_date).formatted("date").describe("required"),
       F("details", details).describe("required, at least one"));
  }
  SaveCollectiveDismissal ToCommand(const std::string& employer_id) const {
    SaveCollectiveDismissal c;
    c.employer_id = employer_id;
    c.dismissal_date = dismissal_date;
    for (const auto& d : details) c.details.push_back({d.workplace_id, d.male_count, d.female_count});
    return c;
  }
};

// How the Law 4857 art. 29 thresholds were judged for one province headquarters.
struct ThresholdCheck {
  std::string hq_workplace_id, schedule_month;
  std::int64_t headcount = 0, dismissed = 0, required = 0;
  bool met = false;
  template <class A>
  void serialize(A& ar) {
    ar(F("hqWorkplaceId", hq_workplace_id), F("scheduleMonth", schedule_month), F("headcount", headcount),
       F("dismissed", dismissed), F("required", required), F("met", met));
  }
};

struct DismissalView {
  std::string id, employer_id, notification_date, editable_until, dismissal_date;
  std::vector<Detail> details;
  std::int64_t total_male = 0, total_female = 0;
  bool meets_statutory_threshold = false;
  std::vector<ThresholdCheck> threshold_checks;
  std::uint64_t version = 0;
  bool editable = false;
  std::vector<std::string> available_actions;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("employerId", employer_id), F("notificationDate", notification_date).formatted("date"),
       F("editableUntil", editable_until).formatted("date"), F("dismissalDate", dismissal_date).formatted("date"),
       F("details", details), F("totalMale", total_male), F("totalFemale", total_female),
       F("meetsStatutoryThreshold", meets_statutory_threshold), F("thresholdChecks", threshold_checks),
       F("version", version), F("editable", editable), F("availableActions", available_actions));
  }
};

struct DismissalRow {
  std::string id, notification_date, dismissal_date;
  std::int64_t total_male = 0, total_female = 0;
  bool meets_statutory_threshold = false;
  std::string editable_until;
  bool editable = false;
  std::vector<std::string> available_actions;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("notificationDate", notification_date).formatted("date"),
       F("dismissalDate", dismissal_date).formatted("date"), F("totalMale", total_male),
       F("totalFemale", total_female), F("meetsStatutoryThreshold", meets_statutory_threshold),
       F("editableUntil", editable_until).formatted("date"), F("editable", editable),
       F("availableActions", available_actions));
  }
};

// What NotifyCollectiveDismissal and UpdateCollectiveDismissal answer.
struct DismissalSaved {
  std::string id;
  std::uint64_t version = 0;
  std::string notification_date, editable_until;
  std::int64_t total_male = 0, total_female = 0;
  bool meets_statutory_threshold = false;
  std::uint64_t position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("version", version), F("notificationDate", notification_date).formatted("date"),
       F("editableUntil", editable_until).formatted("date"), F("totalMale", total_male),
       F("totalFemale", total_female), F("meetsStatutoryThreshold", meets_statutory_threshold),
       F("position", position).required());
  }
};

}  // namespace istihdam::http::contract::collective_dismissals

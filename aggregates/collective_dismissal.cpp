#include "aggregates/collective_dismissal.h"

#include <set>

#include "aggregates/validation.h"
#include "infra/clock.h"

namespace istihdam {

std::string CollectiveDismissalStream(const std::string& dismissal_id) {
  return "collective-dismissal-" + dismissal_id;
}

CollectiveDismissalState Apply(CollectiveDismissalState s, const events::CollectiveDismissalEvent& e) {
  if (const auto* n = std::get_if<events::CollectiveDismissalNotified>(&e)) {
    s.exists = true;
    s.dismissal_id = n->dismissal_id;
    s.employer_id = n->employer_id;
    s.notification_date = n->notification_date;
    s.content = n->content;
  } else if (const auto* u = std::get_if<events::CollectiveDismissalUpdated>(&e)) {
    s.content = u->content;
  }
  return s;
}

std::string EditableUntil(const std::string& d) {
  int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  if (++m == 13) {
    m = 1;
    ++y;
  }
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int last = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, std::min(day, last));
  return buf;
}

bool IsEditable(const CollectiveDismissalState& s, const std::string& today) {
  return s.exists && today <= EditableUntil(s.notification_date);
}

std::int64_t RequiredDismissals(std::int64_t headcount, const CollectiveDismissalThresholds& t) {
  if (headcount < t.min_workers) return 0;
  if (headcount <= t.small_max) return t.small_min_dismissed;
  if (headcount <= t.medium_max) return (headcount * t.medium_percent + 99) / 100;  // rounded up
  return t.large_min_dismissed;
}

namespace {

// CD-R1..R5 and the art. 29 flag, evaluated per province headquarters.
Result<events::DismissalContent> Content(const SaveCollectiveDismissal& c) {
  Validator v;
  std::int64_t days = 0;
  if (v.Required("dismissalDate", c.dismissal_date) && !ParseDate(c.dismissal_date, &days)) {
    v.Fail("dismissalDate", "invalid_format");
  }
  if (c.details.empty()) v.Fail("details", "required");
  std::set<std::string> seen;
  std::map<std::string, std::int64_t> dismissed_by_hq;
  events::DismissalContent out;
  bool overflow = false;
  const auto add = [&](std::int64_t& total, std::int64_t x) {
    const auto sum = CheckedAdd(total, x);
    overflow = overflow || !sum;
    total = sum.value_or(0);
  };
  for (std::size_t i = 0; i < c.details.size(); ++i) {
    const auto& d = c.details[i];
    const std::string f = "details[" + std::to_string(i) + "].";
    // Ranges first: no arithmetic on a count outside [0, kMaxHeadcount].
    if (d.male_count < 0) v.Fail(f + "maleCount", "negative");
    if (d.female_count < 0) v.Fail(f + "femaleCount", "negative");
    const bool male_ok = d.male_count >= 0 && v.AtMost(f + "maleCount", d.male_count, kMaxHeadcount);
    const bool female_ok = d.female_count >= 0 && v.AtMost(f + "femaleCount", d.female_count, kMaxHeadcount);
    const bool counts_ok = male_ok && female_ok;
    if (v.Required(f + "workplaceId", d.workplace_id)) {
      auto it = c.workplaces.find(d.workplace_id);
      if (it == c.workplaces.end() || it->second.employer_id != c.employer_id) {
        v.Fail(f + "workplaceId", "unknown_workplace");  // CD-R5: own workplaces only
      } else if (!seen.insert(d.workplace_id).second) {
        v.Fail(f + "workplaceId", "duplicate");
      } else {
        if (counts_ok) add(dismissed_by_hq[it->second.hq_workplace_id], d.male_count + d.female_count);
      }
    }
    if (!counts_ok) continue;
    if (d.male_count + d.female_count < 1) v.Fail(f + "maleCount", "no_dismissals");
    add(out.total_male, d.male_count);
    add(out.total_female, d.female_count);
  }
  if (overflow) v.Fail("details", "out_of_range");  // only with billions of details
  if (!v.ok()) return v.ToError();
  out.dismissal_date = c.dismissal_date;
  out.details = c.details;
  for (const auto& [hq, dismissed] : dismissed_by_hq) {
    events::ThresholdCheck t;
    t.hq_workplace_id = hq;
    if (auto it = c.headcounts.find(hq); it != c.headcounts.end()) {
      t.schedule_month = it->second.schedule_month;
      t.headcount = it->second.headcount;
    }
    t.dismissed = dismissed;
    t.required = RequiredDismissals(t.headcount, c.thresholds);
    t.met = t.required > 0 && dismissed >= t.required;
    out.meets_statutory_threshold = out.meets_statutory_threshold || t.met;
    out.threshold_checks.push_back(t);
  }
  return out;
}

}  // namespace

Result<events::CollectiveDismissalNotified> DecideNotifyCollectiveDismissal(const SaveCollectiveDismissal& c) {
  auto content = Content(c);
  if (!content.ok()) return content.error();
  return events::CollectiveDismissalNotified{c.dismissal_id, c.employer_id, c.today, std::move(content).value()};
}

Result<std::vector<events::CollectiveDismissalEvent>> DecideUpdateCollectiveDismissal(
    const CollectiveDismissalState& s, const SaveCollectiveDismissal& c) {
  if (!s.exists || s.employer_id != c.employer_id) return Error::Of(errc::kCollectiveDismissalNotFound);
  if (!IsEditable(s, c.today)) return Error::Of(errc::kEditWindowExpired);  // CD-R6
  auto content = Content(c);
  if (!content.ok()) return content.error();
  if (*content == s.content) return std::vector<events::CollectiveDismissalEvent>{};
  return std::vector<events::CollectiveDismissalEvent>{
      events::CollectiveDismissalUpdated{s.dismissal_id, std::move(content).value()}};
}

}  // namespace istihdam

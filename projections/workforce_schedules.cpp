#include "projections/workforce_schedules.h"

#include <boost/json.hpp>

#include "events/workforce_schedules.h"
#include "infra/stored_json.h"

namespace istihdam {
namespace {

constexpr const char* kByMonth = "by_month";  // hq \0 YYYY-MM -> schedule JSON
constexpr const char* kLatest = "latest";     // hq -> {"month", "version"}

std::string MonthKey(const std::string& hq, const std::string& month) {
  std::string k = hq;
  k += '\0';
  k += month;
  return k;
}

// The API shape: the development fields at the top level, next to the lists.
boost::json::object Document(const std::string& hq, const std::string& employer, const std::string& month,
                             bool is_first, const events::ScheduleContent& c) {
  boost::json::object o;
  o["hqWorkplaceId"] = hq;
  o["employerId"] = employer;
  o["month"] = month;
  o["isFirst"] = is_first;
  auto dev = events::ToJson(c.development);
  for (auto& [k, v] : dev) o[k] = v;
  auto rest = events::ToJson(c);
  for (const char* k : {"personnelMovements", "occupationDistribution", "exemptionInfo", "employmentPreferences",
                        "hardToFillOccupations"}) {
    o[k] = rest[k];
  }
  return o;
}

class WorkforceSchedulesProjector final : public Projector {
 public:
  std::string name() const override { return "workforce_schedules"; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::WorkforceScheduleEvent>(); }
  std::vector<std::string> tables() const override { return {kByMonth, kLatest}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    auto ev = events::Decode<events::WorkforceScheduleEvent>(e);
    if (!ev) return;
    std::string hq, month;
    if (const auto* s = std::get_if<events::WorkforceScheduleSubmitted>(&*ev)) {
      hq = s->hq_workplace_id;
      month = s->year_month;
      b.Put(kByMonth, MonthKey(hq, month), SerializeStoredJson(Document(hq, s->employer_id, month, s->is_first, s->content)));
    } else if (const auto* a = std::get_if<events::WorkforceScheduleAmended>(&*ev)) {
      hq = a->hq_workplace_id;
      month = a->year_month;
      b.Put(kByMonth, MonthKey(hq, month), SerializeStoredJson(Document(hq, a->employer_id, month, a->is_first, a->content)));
    } else if (const auto* r = std::get_if<events::WorkforcePersonnelDetailsReplaced>(&*ev)) {
      hq = r->hq_workplace_id;
      month = r->year_month;
      std::string doc;
      if (!b.Get(kByMonth, MonthKey(hq, month), &doc)) return;
      auto o = ParseStoredJson(doc, "workforce_schedules").as_object();
      events::ScheduleContent c;
      c.personnel_movements = r->rows;
      o["personnelMovements"] = events::ToJson(c)["personnelMovements"];
      b.Put(kByMonth, MonthKey(hq, month), SerializeStoredJson(o));
    }
    b.Put(kLatest, hq, SerializeStoredJson(boost::json::object{{"month", month}, {"version", e.version}}));
  }
};

std::int64_t Total(const boost::json::value& group) {
  std::int64_t n = 0;
  for (const auto& [row, counts] : group.as_object()) {
    for (const auto& [sex, v] : counts.as_object()) n += v.to_number<std::int64_t>();
  }
  return n;
}

boost::json::array Actions(bool latest) {
  boost::json::array a{"view"};
  if (latest) {
    a.emplace_back("amend");
    a.emplace_back("uploadPersonnel");
  }
  return a;
}

}  // namespace

std::unique_ptr<Projector> MakeWorkforceSchedulesProjector() {
  return std::make_unique<WorkforceSchedulesProjector>();
}

std::optional<std::pair<std::string, std::uint64_t>> LatestWorkforceSchedule(const ReadView& view,
                                                                             const std::string& hq_id) {
  std::string doc;
  if (!view.Get(kLatest, hq_id, &doc)) return std::nullopt;
  auto o = ParseStoredJson(doc, "workforce_schedules").as_object();
  return std::make_pair(std::string(o["month"].as_string()), o["version"].to_number<std::uint64_t>());
}

boost::json::object ListWorkforceSchedules(const ReadView& view, const std::string& hq_id, const std::string& year,
                                           const Page& page) {
  const auto latest = LatestWorkforceSchedule(view, hq_id);
  std::vector<boost::json::object> rows;
  view.Scan(kByMonth, MonthKey(hq_id, year), [&](const std::string&, const std::string& doc) {
    auto o = ParseStoredJson(doc, "workforce_schedules").as_object();
    boost::json::object item;
    const std::string month(o["month"].as_string());
    const bool is_latest = latest && latest->first == month;
    item["month"] = month;
    item["isFirst"] = o["isFirst"];
    for (const char* k : {"previousMonthEnd", "hired", "left", "monthEnd"}) item[k] = Total(o[k]);
    item["isLatest"] = is_latest;
    item["editable"] = is_latest;
    item["availableActions"] = Actions(is_latest);
    rows.push_back(std::move(item));
    return true;
  });
  boost::json::array items;
  for (std::size_t i = FirstRow(page); i < rows.size() && i < FirstRow(page) + page.page_size; ++i) {
    items.push_back(rows[rows.size() - 1 - i]);  // newest first
  }
  return PageEnvelope(std::move(items), rows.size(), page);
}

std::optional<boost::json::object> GetWorkforceSchedule(const ReadView& view, const std::string& hq_id,
                                                        const std::string& month) {
  std::string doc;
  if (!view.Get(kByMonth, MonthKey(hq_id, month), &doc)) return std::nullopt;
  auto o = ParseStoredJson(doc, "workforce_schedules").as_object();
  const auto latest = LatestWorkforceSchedule(view, hq_id);
  const bool is_latest = latest && latest->first == month;
  o["editable"] = is_latest;
  o["availableActions"] = Actions(is_latest);
  o["version"] = latest ? latest->second : 0;
  return o;
}

}  // namespace istihdam

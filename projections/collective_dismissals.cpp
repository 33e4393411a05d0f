#include "projections/collective_dismissals.h"

#include <boost/json.hpp>

#include "aggregates/collective_dismissal.h"
#include "events/collective_dismissals.h"
#include "infra/stored_json.h"

namespace istihdam {
namespace {

constexpr const char* kById = "by_id";              // id -> notification JSON
constexpr const char* kByEmployer = "by_employer";  // employer \0 id -> ""

void SetContent(boost::json::object& o, const events::DismissalContent& c) {
  auto j = events::ToJson(c);
  for (auto& [k, v] : j) o[k] = v;
}

class CollectiveDismissalsProjector final : public Projector {
 public:
  std::string name() const override { return "collective_dismissals"; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::CollectiveDismissalEvent>(); }
  std::vector<std::string> tables() const override { return {kById, kByEmployer}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    auto ev = events::Decode<events::CollectiveDismissalEvent>(e);
    if (!ev) return;
    if (const auto* n = std::get_if<events::CollectiveDismissalNotified>(&*ev)) {
      boost::json::object o;
      o["id"] = n->dismissal_id;
      o["employerId"] = n->employer_id;
      o["notificationDate"] = n->notification_date;
      o["editableUntil"] = EditableUntil(n->notification_date);
      SetContent(o, n->content);
      o["version"] = e.version;
      b.Put(kById, n->dismissal_id, SerializeStoredJson(o));
      b.Put(kByEmployer, n->employer_id + std::string(1, '\0') + n->dismissal_id, "");
    } else if (const auto* u = std::get_if<events::CollectiveDismissalUpdated>(&*ev)) {
      std::string doc;
      if (!b.Get(kById, u->dismissal_id, &doc)) return;
      auto o = ParseStoredJson(doc, "collective_dismissals").as_object();
      SetContent(o, u->content);
      o["version"] = e.version;
      b.Put(kById, u->dismissal_id, SerializeStoredJson(o));
    }
  }
};

void Decorate(boost::json::object& o, const std::string& today) {
  const bool editable = today <= std::string(o["editableUntil"].as_string());
  o["editable"] = editable;
  boost::json::array actions{"view"};
  if (editable) actions.emplace_back("update");
  o["availableActions"] = std::move(actions);
}

}  // namespace

std::unique_ptr<Projector> MakeCollectiveDismissalsProjector() {
  return std::make_unique<CollectiveDismissalsProjector>();
}

boost::json::object ListCollectiveDismissals(const ReadView& view, const std::string& employer_id,
                                             const std::string& today, const Page& page) {
  std::vector<std::string> ids;
  view.Scan(kByEmployer, employer_id + std::string(1, '\0'), [&](const std::string& key, const std::string&) {
    ids.push_back(key.substr(key.rfind('\0') + 1));
    return true;
  });
  boost::json::array items;
  const std::size_t begin = FirstRow(page);
  for (std::size_t i = begin; i < ids.size() && i < begin + page.page_size; ++i) {
    std::string doc;
    if (!view.Get(kById, ids[ids.size() - 1 - i], &doc)) continue;  // newest (highest id) first
    auto o = ParseStoredJson(doc, "collective_dismissals").as_object();
    boost::json::object item;
    for (const char* k : {"id", "notificationDate", "dismissalDate", "totalMale", "totalFemale",
                          "meetsStatutoryThreshold", "editableUntil"}) {
      item[k] = o[k];
    }
    Decorate(item, today);
    items.push_back(std::move(item));
  }
  return PageEnvelope(std::move(items), ids.size(), page);
}

std::optional<boost::json::object> GetCollectiveDismissal(const ReadView& view, const std::string& employer_id,
                                                          const std::string& id, const std::string& today) {
  std::string doc;
  if (!view.Get(kById, id, &doc)) return std::nullopt;
  auto o = ParseStoredJson(doc, "collective_dismissals").as_object();
  if (o["employerId"].as_string() != employer_id) return std::nullopt;
  Decorate(o, today);
  return o;
}

}  // namespace istihdam

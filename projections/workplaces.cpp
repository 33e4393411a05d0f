#include "projections/workplaces.h"

#include <boost/json.hpp>

#include <algorithm>

#include "events/workplaces.h"
#include "infra/text.h"
#include "infra/stored_json.h"

namespace istihdam {
namespace {

constexpr const char* kById = "by_id";              // workplace id -> detail JSON
constexpr const char* kByEmployer = "by_employer";  // employer \0 province \0 role \0 id -> ""

std::string EmployerKey(const std::string& employer, const std::string& province, bool hq,
                        const std::string& id) {
  std::string k = employer;
  k += '\0';
  k += province;
  k += '\0';
  k += hq ? "0" : "1";  // headquarters sort first within the province
  k += '\0';
  k += id;
  return k;
}

boost::json::object Detail(const events::WorkplaceRegistered& r) {
  boost::json::object o;
  o["id"] = r.workplace_id;
  o["employerId"] = r.employer_id;
  o["iskurNo"] = r.iskur_no;
  o["title"] = r.title;
  o["sgkNo"] = r.sgk_no;
  o["taxNo"] = r.tax_no;
  o["province"] = r.province;
  o["headquarters"] = r.role == "headquarters";
  o["headquartersId"] = r.role == "headquarters" ? r.workplace_id : r.hq_workplace_id;
  return o;
}

void SetInfo(boost::json::object& o, const events::WorkplaceInfo& info) {
  auto j = events::ToJson(info);
  for (auto& [k, v] : j) o[k] = v;
}

class WorkplacesProjector final : public Projector {
 public:
  std::string name() const override { return "workplaces"; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::WorkplaceEvent>(); }
  std::vector<std::string> tables() const override { return {kById, kByEmployer}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    auto ev = events::Decode<events::WorkplaceEvent>(e);
    if (!ev) return;
    if (auto* r = std::get_if<events::WorkplaceRegistered>(&*ev)) {
      auto o = Detail(*r);
      SetInfo(o, r->info);
      o["version"] = e.version;
      b.Put(kById, r->workplace_id, SerializeStoredJson(o));
      b.Put(kByEmployer, EmployerKey(r->employer_id, r->province, r->role == "headquarters", r->workplace_id), "");
    } else if (auto* u = std::get_if<events::WorkplaceInfoUpdated>(&*ev)) {
      std::string doc;
      if (!b.Get(kById, u->workplace_id, &doc)) return;
      auto o = ParseStoredJson(doc, "workplaces").as_object();
      SetInfo(o, u->info);
      o["version"] = e.version;
      b.Put(kById, u->workplace_id, SerializeStoredJson(o));
    }
  }
};

}  // namespace

std::unique_ptr<Projector> MakeWorkplacesProjector() { return std::make_unique<WorkplacesProjector>(); }

boost::json::object ListWorkplaces(const ReadView& view, const std::string& employer_id,
                                   const WorkplaceFilter& f, const Page& page) {
  std::vector<boost::json::object> rows;
  const std::string title = FoldForSearch(f.title);
  view.Scan(kByEmployer, employer_id + std::string(1, '\0'), [&](const std::string& key, const std::string&) {
    const std::string id = key.substr(key.rfind('\0') + 1);
    std::string doc;
    if (!view.Get(kById, id, &doc)) return true;
    auto o = ParseStoredJson(doc, "workplaces").as_object();
    if (!f.sgk_no.empty() && o["sgkNo"].as_string() != f.sgk_no) return true;
    if (!f.tax_no.empty() && o["taxNo"].as_string() != f.tax_no) return true;
    if (!title.empty() && FoldForSearch(std::string_view(o["title"].as_string())).find(title) == std::string::npos) return true;
    boost::json::object item;
    for (const char* k : {"id", "title", "sgkNo", "taxNo", "province", "district", "headquarters", "headquartersId"}) {
      item[k] = o[k];
    }
    rows.push_back(std::move(item));
    return true;
  });
  boost::json::array items;
  for (std::size_t i = FirstRow(page); i < rows.size() && i < FirstRow(page) + page.page_size; ++i) {
    items.push_back(rows[i]);
  }
  return PageEnvelope(std::move(items), rows.size(), page);
}

std::optional<boost::json::object> GetWorkplace(const ReadView& view, const std::string& employer_id,
                                                const std::string& workplace_id) {
  std::string doc;
  if (!view.Get(kById, workplace_id, &doc)) return std::nullopt;
  auto o = ParseStoredJson(doc, "workplaces").as_object();
  if (o["employerId"].as_string() != employer_id) return std::nullopt;
  return o;
}

}  // namespace istihdam

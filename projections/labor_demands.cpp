#include "projections/labor_demands.h"

#include <boost/json.hpp>

#include "aggregates/labor_demand.h"
#include "events/labor_demands.h"
#include "infra/clock.h"
#include "infra/reference_data.h"
#include "infra/stored_json.h"
#include "infra/text.h"

namespace istihdam {
namespace {

constexpr const char* kByNo = "by_no";              // demandNo -> document JSON
constexpr const char* kByEmployer = "by_employer";  // employer \0 demandNo -> ""
constexpr const char* kReached = "reached";          // demandNo \0 candidateId \0 state -> ""
constexpr const char* kWhat = "labor_demands";

std::string EmployerKey(const std::string& employer_id, const std::string& demand_no) {
  return employer_id + std::string(1, '\0') + demand_no;
}

void SetDraft(boost::json::object& o, const events::LaborDemandDraft& d, const ReferenceData& ref) {
  for (auto& [k, v] : events::ToJson(d)) o[k] = v;
  auto& education = o["education"].as_object();
  if (education["minLevel"] == "") education["minLevel"] = nullptr;  // no requirement
  const Occupation* occ = ref.FindOccupation(d.occupation);
  o["occupationName"] = occ ? occ->title_tr : "";
}

// The counts of api/jobs.md: per origin, and per state reached (a rescheduled invitation or a
// corrected result counts once). The states reached are kept per candidate in `kReached`.
void CountCandidates(boost::json::object& counts, const events::LaborDemandEvent& ev, ProjectionBatch& b,
                     const std::string& demand_no) {
  const auto bump = [&counts](const char* k) { counts[k] = counts[k].to_number<std::int64_t>() + 1; };
  const auto reach = [&](const std::string& candidate_id, const char* state) {
    const std::string key = demand_no + std::string(1, '\0') + candidate_id + std::string(1, '\0') + state;
    std::string seen;
    if (b.Get(kReached, key, &seen)) return;
    b.Put(kReached, key, "");
    bump(state);
  };
  if (const auto* s = std::get_if<events::CandidatesSelected>(&ev)) {
    for (std::size_t i = 0; i < s->candidates.size(); ++i) bump("selected");
  } else if (std::holds_alternative<events::JobApplicationSubmitted>(ev)) {
    bump("applied");
  } else if (std::holds_alternative<events::CandidateReferred>(ev)) {
    bump("referred");
  } else if (const auto* inv = std::get_if<events::CandidateInvited>(&ev)) {
    reach(inv->candidate_id, "invited");
  } else if (const auto* rec = std::get_if<events::CandidateInterviewRecorded>(&ev)) {
    reach(rec->candidate_id, "interviewed");
  }
}

class LaborDemandsProjector final : public Projector {
 public:
  explicit LaborDemandsProjector(const ReferenceData& ref) : ref_(ref) {}
  std::string name() const override { return kWhat; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::LaborDemandEvent>(); }
  std::vector<std::string> tables() const override { return {kByNo, kByEmployer, kReached}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    auto ev = events::Decode<events::LaborDemandEvent>(e);
    if (!ev) return;
    if (const auto* c = std::get_if<events::LaborDemandCreated>(&*ev)) {
      boost::json::object o;
      o["demandNo"] = c->demand_no;
      o["employerId"] = c->employer_id;
      o["workplaceId"] = c->workplace_id;
      o["workplaceTitle"] = c->workplace_title;
      o["createdVia"] = c->created_via;
      o["createdOn"] = c->created_on;
      o["createdAt"] = FormatRfc3339(e.recorded_at);
      o["status"] = "active";
      SetDraft(o, c->draft, ref_);
      for (const char* k : {"closeDate", "closeReason", "cancelReason", "closeNote"}) o[k] = nullptr;
      o["hiredCount"] = nullptr;
      o["candidateCounts"] = {{"selected", 0}, {"applied", 0}, {"referred", 0}, {"invited", 0}, {"interviewed", 0}};
      o["version"] = e.version;
      b.Put(kByNo, c->demand_no, SerializeStoredJson(o));
      b.Put(kByEmployer, EmployerKey(c->employer_id, c->demand_no), "");
      return;
    }
    const std::string no = std::visit([](const auto& x) { return x.demand_no; }, *ev);
    std::string doc;
    if (!b.Get(kByNo, no, &doc)) return;
    auto o = ParseStoredJson(doc, kWhat).as_object();
    if (const auto* u = std::get_if<events::LaborDemandUpdated>(&*ev)) {
      SetDraft(o, u->draft, ref_);
    } else if (const auto* cl = std::get_if<events::LaborDemandClosed>(&*ev)) {
      o["status"] = "closed";
      o["closeDate"] = cl->close_date;
      o["closeReason"] = cl->close_reason;
      o["hiredCount"] = cl->hired_count;
      o["closeNote"] = cl->note ? boost::json::value(*cl->note) : boost::json::value(nullptr);
    } else if (const auto* ca = std::get_if<events::LaborDemandCancelled>(&*ev)) {
      o["status"] = "cancelled";
      o["cancelReason"] = ca->cancel_reason;
    } else if (events::IsCandidateEvent(*ev)) {
      CountCandidates(o["candidateCounts"].as_object(), *ev, b, no);
    } else if (std::holds_alternative<events::LaborDemandDeleted>(*ev)) {
      b.Delete(kByNo, no);
      b.Delete(kByEmployer, EmployerKey(std::string(o["employerId"].as_string()), no));
      return;
    }
    o["version"] = e.version;
    b.Put(kByNo, no, SerializeStoredJson(o));
  }

 private:
  const ReferenceData& ref_;
};

std::int64_t CandidateTotal(const boost::json::object& o) {
  const auto& c = o.at("candidateCounts").as_object();
  return c.at("selected").to_number<std::int64_t>() + c.at("applied").to_number<std::int64_t>() +
         c.at("referred").to_number<std::int64_t>();
}

boost::json::array Actions(const boost::json::object& o) {
  boost::json::array a;
  for (const auto& x : AvailableActions(std::string(o.at("status").as_string()), CandidateTotal(o) > 0)) {
    a.emplace_back(x);
  }
  return a;
}

std::string Str(const boost::json::object& o, const char* k) {
  const auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

bool InRange(const std::string& value, const std::string& from, const std::string& to) {
  return (from.empty() || value >= from) && (to.empty() || value <= to);
}

bool Matches(const boost::json::object& o, const LaborDemandCriteria& c, const std::string& folded_position) {
  if (!c.occupation.empty() && Str(o, "occupation").rfind(c.occupation, 0) != 0) return false;
  if (!c.status.empty() && Str(o, "status") != c.status) return false;
  if (!c.workplace_id.empty() && Str(o, "workplaceId") != c.workplace_id) return false;
  if (!folded_position.empty() && FoldForSearch(Str(o, "position")).find(folded_position) == std::string::npos) {
    return false;
  }
  return InRange(Str(o, "createdOn"), c.created_from, c.created_to) &&
         InRange(Str(o, "lastApplicationDate"), c.deadline_from, c.deadline_to);
}

}  // namespace

std::unique_ptr<Projector> MakeLaborDemandsProjector(const ReferenceData& ref) {
  return std::make_unique<LaborDemandsProjector>(ref);
}

boost::json::object ListLaborDemands(const ReadView& view, const std::string& employer_id,
                                     const LaborDemandCriteria& criteria, const Page& page) {
  std::vector<std::string> nos;
  if (!criteria.demand_no.empty()) {
    nos.push_back(criteria.demand_no);
  } else {
    view.Scan(kByEmployer, employer_id + std::string(1, '\0'), [&](const std::string& key, const std::string&) {
      nos.push_back(key.substr(key.rfind('\0') + 1));
      return true;
    });
  }
  const std::string folded_position = FoldForSearch(criteria.position);
  boost::json::array items;
  std::size_t total = 0;
  const std::size_t begin = FirstRow(page);
  for (auto it = nos.rbegin(); it != nos.rend(); ++it) {  // newest (highest number) first
    std::string doc;
    if (!view.Get(kByNo, *it, &doc)) continue;
    auto o = ParseStoredJson(doc, kWhat).as_object();
    if (Str(o, "employerId") != employer_id || !Matches(o, criteria, folded_position)) continue;
    if (total++ < begin || items.size() >= page.page_size) continue;
    const auto& address = o.at("workAddress").as_object();
    const std::string target = Str(o, "targetGroup");
    const std::string icon = TargetGroupIcon(target);
    items.push_back({{"demandNo", o["demandNo"]},
                     {"workplaceId", o["workplaceId"]},
                     {"workplaceTitle", o["workplaceTitle"]},
                     {"occupation", o["occupation"]},
                     {"occupationName", o["occupationName"]},
                     {"position", o["position"]},
                     {"requestedCount", o["requestedCount"]},
                     {"province", address.at("province")},
                     {"district", address.at("district")},
                     {"lastApplicationDate", o["lastApplicationDate"]},
                     {"status", o["status"]},
                     {"targetGroup", target},
                     {"targetGroupIcon", icon.empty() ? boost::json::value(nullptr) : boost::json::value(icon)},
                     {"candidateCount", CandidateTotal(o)},
                     {"createdAt", o["createdAt"]},
                     {"availableActions", Actions(o)}});
  }
  return PageEnvelope(std::move(items), total, page);
}

std::optional<boost::json::object> GetLaborDemand(const ReadView& view, const std::string& employer_id,
                                                  const std::string& demand_no) {
  std::string doc;
  if (!view.Get(kByNo, demand_no, &doc)) return std::nullopt;
  auto o = ParseStoredJson(doc, kWhat).as_object();
  if (Str(o, "employerId") != employer_id) return std::nullopt;
  o["availableActions"] = Actions(o);
  return o;
}

}  // namespace istihdam

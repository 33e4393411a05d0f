#include "projections/benefit_declarations.h"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "aggregates/benefit_reference.h"
#include "events/benefit_declarations.h"
#include "infra/clock.h"
#include "infra/stored_json.h"

namespace istihdam {
namespace {

constexpr const char* kByNo = "by_no";                    // no -> declaration JSON
constexpr const char* kListing = "listing";               // unit \0 employer \0 type \0 no -> date
constexpr const char* kFirms = "firms";                   // unit \0 employer -> {"title","count"}
constexpr const char* kEmployerUnits = "employer_units";  // employer \0 unit -> count
constexpr const char* kUnitCounts = "unit_counts";        // unit -> count

const std::string kSep(1, '\0');

std::int64_t CountOf(const std::string& v) { return v.empty() ? 0 : std::stoll(v); }

class BenefitDeclarationsProjector final : public Projector {
 public:
  std::string name() const override { return "benefit_declarations"; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::BenefitDeclarationSubmitted>(); }
  std::vector<std::string> tables() const override { return {kByNo, kListing, kFirms, kEmployerUnits, kUnitCounts}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    auto ev = events::Decode<events::BenefitDeclarationEvent>(e);
    if (!ev) return;
    const auto* s = std::get_if<events::BenefitDeclarationSubmitted>(&*ev);
    if (!s) return;
    auto o = events::ToJson(*s);
    o["declarationTypeName"] = DeclarationTypeName(s->declaration_type);
    o["workerCount"] = s->workers.size();
    std::int64_t hours = 0;
    for (const auto& w : s->workers) {
      for (const auto& h : w.monthly_hours) hours += h.hours;
    }
    o["totalShortTimeHours"] = hours;
    o["version"] = e.version;
    b.Put(kByNo, s->declaration_no, SerializeStoredJson(o));
    b.Put(kListing, s->unit_id + kSep + s->employer_id + kSep + s->declaration_type + kSep + s->declaration_no,
          s->declaration_date);

    const std::string firm_key = s->unit_id + kSep + s->employer_id;
    std::string firm_doc;
    std::int64_t firm_count = 0;
    if (b.Get(kFirms, firm_key, &firm_doc)) firm_count = ParseStoredJson(firm_doc, "benefit_declarations").as_object().at("count").to_number<std::int64_t>();
    b.Put(kFirms, firm_key, SerializeStoredJson(boost::json::object{{"title", s->employer_title}, {"count", firm_count + 1}}));

    std::string count;
    const std::string eu_key = s->employer_id + kSep + s->unit_id;
    b.Put(kEmployerUnits, eu_key, std::to_string((b.Get(kEmployerUnits, eu_key, &count) ? CountOf(count) : 0) + 1));
    b.Put(kUnitCounts, s->unit_id, std::to_string((b.Get(kUnitCounts, s->unit_id, &count) ? CountOf(count) : 0) + 1));
  }
};

boost::json::object UnitItem(const BenefitUnit& u, std::int64_t count) {
  return {{"unitId", u.id}, {"name", u.name}, {"declarationCount", count}};
}

}  // namespace

bool DeclarationViewer::SeesUnit(const std::string& unit_id) const {
  return head_office || !employer_id.empty() || province == unit_id;
}

std::unique_ptr<Projector> MakeBenefitDeclarationsProjector() { return std::make_unique<BenefitDeclarationsProjector>(); }

Status CheckDeclarationQuery(const DeclarationQuery& q, const ReferenceData& ref) {
  std::vector<FieldError> missing;
  if (q.unit_id.empty()) missing.push_back({"unitId", "required"});
  if (q.employer_id.empty()) missing.push_back({"employerId", "required"});
  if (q.declaration_type.empty()) missing.push_back({"declarationType", "required"});
  if (!missing.empty()) return Error{errc::kDeclarationSelectionRequired, std::move(missing), {}};
  std::vector<FieldError> bad;
  if (!FindBenefitUnit(ref, q.unit_id)) bad.push_back({"unitId", "unknown_value"});
  if (!IsDeclarationType(q.declaration_type)) bad.push_back({"declarationType", "unknown_value"});
  std::int64_t days = 0;
  if (!q.date_from.empty() && !ParseDate(q.date_from, &days)) bad.push_back({"dateFrom", "invalid_format"});
  if (!q.date_to.empty() && !ParseDate(q.date_to, &days)) bad.push_back({"dateTo", "invalid_format"});
  if (bad.empty() && !q.date_from.empty() && !q.date_to.empty() && q.date_to < q.date_from) {
    bad.push_back({"dateTo", "before_valid_from"});
  }
  if (!bad.empty()) return Error::Validation(std::move(bad));
  return Status::Ok();
}

boost::json::object ListDeclarationUnits(const ReadView& view, const ReferenceData& ref, const DeclarationViewer& who,
                                         const std::vector<std::string>& employer_provinces) {
  std::map<std::string, std::int64_t> counts;  // unit -> declarations the viewer may see
  if (!who.employer_id.empty()) {
    for (const auto& p : employer_provinces) counts[p];
    view.Scan(kEmployerUnits, who.employer_id + kSep, [&](const std::string& k, const std::string& v) {
      counts[k.substr(k.find('\0') + 1)] = CountOf(v);
      return true;
    });
  } else {
    for (const auto& u : BenefitUnits(ref)) {
      if (!who.SeesUnit(u.id)) continue;
      std::string v;
      counts[u.id] = view.Get(kUnitCounts, u.id, &v) ? CountOf(v) : 0;
    }
  }
  boost::json::array items;
  for (const auto& [id, count] : counts) {
    if (auto u = FindBenefitUnit(ref, id)) items.push_back(UnitItem(*u, count));
  }
  return WholeListEnvelope(std::move(items));
}

boost::json::object ListDeclarationFirms(const ReadView& view, const DeclarationViewer& who, const std::string& unit_id,
                                         const Page& page) {
  std::vector<boost::json::object> firms;
  if (!unit_id.empty() && who.SeesUnit(unit_id)) {
    view.Scan(kFirms, unit_id + kSep, [&](const std::string& k, const std::string& v) {
      const std::string employer = k.substr(k.find('\0') + 1);
      if (!who.employer_id.empty() && employer != who.employer_id) return true;
      auto doc = ParseStoredJson(v, "benefit_declarations").as_object();
      boost::json::object firm;
      firm["employerId"] = employer;
      firm["title"] = doc["title"];
      firm["declarationCount"] = doc["count"];
      firms.push_back(std::move(firm));
      return true;
    });
  }
  std::stable_sort(firms.begin(), firms.end(), [](const auto& a, const auto& b) {
    return std::string_view(a.at("title").as_string()) < std::string_view(b.at("title").as_string());
  });
  boost::json::array items;
  for (std::size_t i = FirstRow(page); i < firms.size() && i < FirstRow(page) + page.page_size; ++i) {
    items.push_back(firms[i]);
  }
  return PageEnvelope(std::move(items), firms.size(), page);
}

boost::json::object ListBenefitDeclarations(const ReadView& view, const DeclarationViewer& who,
                                            const DeclarationQuery& q, const Page& page) {
  std::vector<std::string> nos;  // ascending
  const bool allowed = who.SeesUnit(q.unit_id) && (who.employer_id.empty() || who.employer_id == q.employer_id);
  if (allowed) {
    const std::string prefix = q.unit_id + kSep + q.employer_id + kSep + q.declaration_type + kSep;
    view.Scan(kListing, prefix, [&](const std::string& k, const std::string& date) {
      const std::string no = k.substr(prefix.size());
      if (!q.declaration_no.empty() && no != q.declaration_no) return true;
      if (!q.date_from.empty() && date < q.date_from) return true;
      if (!q.date_to.empty() && date > q.date_to) return true;
      nos.push_back(no);
      return true;
    });
  }
  boost::json::array items;
  for (std::size_t i = FirstRow(page); i < nos.size() && i < FirstRow(page) + page.page_size; ++i) {
    std::string doc;
    if (!view.Get(kByNo, nos[nos.size() - 1 - i], &doc)) continue;  // newest (highest number) first
    auto o = ParseStoredJson(doc, "benefit_declarations").as_object();
    boost::json::object item;
    for (const char* k : {"declarationNo", "declarationType", "declarationTypeName", "unitId", "employerId",
                          "employerTitle", "workplaceId", "declarationDate", "periodStart", "periodEnd", "workerCount",
                          "totalShortTimeHours"}) {
      item[k] = o[k];
    }
    items.push_back(std::move(item));
  }
  return PageEnvelope(std::move(items), nos.size(), page);
}

std::optional<boost::json::object> GetBenefitDeclaration(const ReadView& view, const DeclarationViewer& who,
                                                         const std::string& declaration_no) {
  std::string doc;
  if (!view.Get(kByNo, declaration_no, &doc)) return std::nullopt;
  auto o = ParseStoredJson(doc, "benefit_declarations").as_object();
  if (!who.SeesUnit(std::string(o["unitId"].as_string()))) return std::nullopt;
  if (!who.employer_id.empty() && o["employerId"].as_string() != who.employer_id) return std::nullopt;
  return o;
}

}  // namespace istihdam

#include "projections/quota_status.h"

#include <boost/json.hpp>

#include "aggregates/quota.h"
#include "events/employers.h"
#include "events/workforce_schedules.h"
#include "infra/stored_json.h"

namespace istihdam {
namespace {

constexpr const char* kByMonth = "by_month";  // hq \0 YYYY-MM -> quota JSON
constexpr const char* kSectors = "sectors";   // employer id -> private | public

std::string MonthKey(const std::string& hq, const std::string& month) {
  std::string k = hq;
  k += '\0';
  k += month;
  return k;
}

boost::json::object Document(const QuotaStatus& q) {
  boost::json::object o;
  o["month"] = q.month;
  o["sector"] = q.sector;
  o["baseHeadcount"] = q.base_headcount;
  o["subject"] = q.subject;
  boost::json::array cats;
  for (const auto& c : q.categories) {
    cats.push_back({{"category", c.category}, {"required", c.required}, {"employed", c.employed}, {"deficit", c.deficit}});
  }
  o["categories"] = std::move(cats);
  o["rulesEffectiveFrom"] = q.rules_effective_from;
  return o;
}

class QuotaStatusProjector final : public Projector {
 public:
  explicit QuotaStatusProjector(std::vector<QuotaRuleSet> rules) : rules_(std::move(rules)) {}
  std::string name() const override { return "quota_status"; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::EmployerRegistered, events::WorkforceScheduleEvent>(); }
  std::vector<std::string> tables() const override { return {kByMonth, kSectors}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    if (e.type == events::EmployerRegistered::kType) {
      const auto r = events::DecodePayload<events::EmployerRegistered>(e.payload);
      b.Put(kSectors, r.employer_id, r.sector);
      return;
    }
    auto ev = events::Decode<events::WorkforceScheduleEvent>(e);
    if (!ev) return;
    std::visit(
        [&](const auto& s) {
          using T = std::decay_t<decltype(s)>;
          if constexpr (!std::is_same_v<T, events::WorkforcePersonnelDetailsReplaced>) {
            std::string sector = "private";
            b.Get(kSectors, s.employer_id, &sector);
            const auto q = ComputeQuota(s.year_month, sector, s.content.development, rules_);
            b.Put(kByMonth, MonthKey(s.hq_workplace_id, s.year_month), SerializeStoredJson(Document(q)));
          }
        },
        *ev);
  }

 private:
  std::vector<QuotaRuleSet> rules_;
};

}  // namespace

std::unique_ptr<Projector> MakeQuotaStatusProjector(std::vector<QuotaRuleSet> rules) {
  return std::make_unique<QuotaStatusProjector>(std::move(rules));
}

std::optional<boost::json::object> GetQuotaStatus(const ReadView& view, const std::string& hq_id,
                                                  const std::string& month) {
  std::string doc;
  if (month.empty()) {
    view.Scan(kByMonth, MonthKey(hq_id, ""), [&](const std::string&, const std::string& v) {
      doc = v;  // keys ascend: the last one seen is the latest month
      return true;
    });
    if (doc.empty()) return std::nullopt;
  } else if (!view.Get(kByMonth, MonthKey(hq_id, month), &doc)) {
    return std::nullopt;
  }
  auto o = ParseStoredJson(doc, "quota_status").as_object();
  o.erase("rulesEffectiveFrom");
  return o;
}

boost::json::object ListQuotaStatuses(const ReadView& view, const std::string& hq_id, const std::string& year,
                                      const Page& page) {
  std::vector<std::string> docs;
  view.Scan(kByMonth, MonthKey(hq_id, year), [&](const std::string&, const std::string& v) {
    docs.push_back(v);
    return true;
  });
  boost::json::array items;
  for (std::size_t i = FirstRow(page); i < docs.size() && i < FirstRow(page) + page.page_size; ++i) {
    items.push_back(ParseStoredJson(docs[docs.size() - 1 - i], "quota_status"));  // newest first
  }
  return PageEnvelope(std::move(items), docs.size(), page);
}

}  // namespace istihdam

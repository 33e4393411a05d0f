#include "projections/overseas.h"

#include <algorithm>

#include "events/overseas.h"

namespace istihdam {
namespace {

constexpr const char* kIndex = "overseas_index";  // kind \0 employerId \0 id -> creation position
const std::string kSep(1, '\0');

std::string Key(const std::string& kind, const std::string& employer_id, const std::string& id) {
  return kind + kSep + employer_id + kSep + id;
}

// Positions as fixed-width text sort in creation order.
std::string PositionText(std::uint64_t p) {
  std::string s = std::to_string(p);
  return std::string(20 - std::min<std::size_t>(20, s.size()), '0') + s;
}

class OverseasProjector final : public Projector {
 public:
  std::string name() const override { return "overseas"; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::OverseasProjectRegistered, events::OverseasQuotaAllocated, events::DispatchCreated,
                           events::SubcontractorQuotaTransferred>(); }
  std::vector<std::string> tables() const override { return {kIndex}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    const std::string at = PositionText(e.position);
    if (auto p = events::Decode<events::OverseasProjectEvent>(e)) {
      if (const auto* r = std::get_if<events::OverseasProjectRegistered>(&*p))
        b.Put(kIndex, Key("project", r->employer_id, r->project_id), at);
    } else if (auto q = events::Decode<events::OverseasQuotaEvent>(e)) {
      if (const auto* a = std::get_if<events::OverseasQuotaAllocated>(&*q))
        b.Put(kIndex, Key("allocation", a->employer_id, a->allocation_id), at);
    } else if (auto d = events::Decode<events::DispatchEvent>(e)) {
      if (const auto* c = std::get_if<events::DispatchCreated>(&*d))
        b.Put(kIndex, Key("dispatch", c->employer_id, c->dispatch_id), at);
    } else if (auto t = events::Decode<events::OverseasTransferEvent>(e)) {
      if (const auto* s = std::get_if<events::SubcontractorQuotaTransferred>(&*t))
        b.Put(kIndex, Key("transfer", s->employer_id, s->transfer_id), at);
    }
  }
};

}  // namespace

std::unique_ptr<Projector> MakeOverseasProjector() { return std::make_unique<OverseasProjector>(); }

std::vector<std::string> OverseasIds(const ReadView& view, const std::string& kind, const std::string& employer_id) {
  std::vector<std::pair<std::string, std::string>> found;  // (position, id)
  const std::string prefix = employer_id.empty() ? kind + kSep : Key(kind, employer_id, "");
  view.Scan(kIndex, prefix, [&](const std::string& key, const std::string& at) {
    found.emplace_back(at, key.substr(key.rfind(kSep) + 1));
    return true;
  });
  std::sort(found.begin(), found.end());
  std::vector<std::string> ids;
  for (auto& f : found) ids.push_back(std::move(f.second));
  return ids;
}

}  // namespace istihdam

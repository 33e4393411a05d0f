#include "projections/private_employment_bureaus.h"

#include <boost/json.hpp>

#include <algorithm>

#include "events/private_employment_bureaus.h"
#include "infra/stored_json.h"

namespace istihdam {
namespace {

constexpr const char* kBureaus = "bureaus";  // bureauId -> row JSON

std::string Str(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

class BureausProjector final : public Projector {
 public:
  std::string name() const override { return "private_employment_bureaus"; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::BureauEvent>(); }
  std::vector<std::string> tables() const override { return {kBureaus}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    auto ev = events::Decode<events::BureauEvent>(e);
    if (!ev) return;
    if (const auto* a = std::get_if<events::PrivateEmploymentBureauApplied>(&*ev)) {
      boost::json::object o{{"id", a->bureau_id},
                            {"title", a->title},
                            {"iskurNo", a->iskur_no},
                            {"licenseNo", ""},
                            {"province", a->province},
                            {"district", a->district},
                            {"officeAddress", a->office_address},
                            {"phone", a->phone},
                            {"email", a->email},
                            {"website", a->website},
                            {"status", "applied"},
                            {"employerId", a->employer_id}};
      b.Put(kBureaus, a->bureau_id, SerializeStoredJson(o));
      return;
    }
    const std::string id = std::visit([](const auto& x) { return x.bureau_id; }, *ev);
    std::string doc;
    if (!b.Get(kBureaus, id, &doc)) return;
    auto o = ParseStoredJson(doc, "private_employment_bureaus").as_object();
    if (const auto* ok = std::get_if<events::PrivateEmploymentBureauApproved>(&*ev)) {
      o["status"] = "active";
      o["licenseNo"] = ok->license_no;
    } else if (std::holds_alternative<events::PrivateEmploymentBureauRejected>(*ev)) {
      o["status"] = "rejected";
    } else {
      return;
    }
    b.Put(kBureaus, id, SerializeStoredJson(o));
  }
};

}  // namespace

std::unique_ptr<Projector> MakePrivateEmploymentBureausProjector() { return std::make_unique<BureausProjector>(); }

std::vector<boost::json::object> ListBureauRows(const ReadView& view, const std::string& province,
                                                const std::string& status) {
  std::vector<boost::json::object> out;
  view.Scan(kBureaus, "", [&](const std::string&, const std::string& v) {
    auto o = ParseStoredJson(v, "private_employment_bureaus").as_object();
    if ((province.empty() || Str(o, "province") == province) && (status.empty() || Str(o, "status") == status))
      out.push_back(std::move(o));
    return true;
  });
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tuple(Str(a, "province"), Str(a, "title"), Str(a, "id")) <
           std::tuple(Str(b, "province"), Str(b, "title"), Str(b, "id"));
  });
  return out;
}

}  // namespace istihdam

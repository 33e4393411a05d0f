#include "aggregates/workplace.h"

#include "aggregates/employer.h"
#include "aggregates/validation.h"

namespace istihdam {

WorkplaceState Apply(WorkplaceState s, const events::WorkplaceEvent& e) {
  if (const auto* r = std::get_if<events::WorkplaceRegistered>(&e)) {
    s.exists = true;
    s.workplace_id = r->workplace_id;
    s.employer_id = r->employer_id;
    s.province = r->province;
    s.role = r->role;
    s.hq_workplace_id = r->hq_workplace_id;
    s.title = r->title;
    s.info = r->info;
  } else if (const auto* u = std::get_if<events::WorkplaceInfoUpdated>(&e)) {
    s.info = u->info;
  }
  return s;
}

namespace {

std::vector<std::string> ChangedSections(const events::WorkplaceInfo& a,
                                         const events::WorkplaceInfo& b) {
  std::vector<std::string> out;
  if (a.activity != b.activity) out.push_back("generalInfo");
  if (a.district != b.district || a.address != b.address || a.postal_code != b.postal_code) {
    out.push_back("address");
  }
  if (a.phone != b.phone || a.email != b.email || a.contacts != b.contacts) out.push_back("contacts");
  if (a.related_persons != b.related_persons) out.push_back("relatedPersons");
  if (a.other_info != b.other_info) out.push_back("otherInfo");
  return out;
}

}  // namespace

Result<std::vector<events::WorkplaceEvent>> DecideUpdateWorkplace(const WorkplaceState& s,
                                                                  const UpdateWorkplaceInfo& c,
                                                                  const ReferenceData& ref) {
  if (!s.exists || s.employer_id != c.employer_id) return Error::Of(errc::kWorkplaceNotFound);
  Validator v;
  ValidateWorkplaceInfo(v, "", s.province, c.info, ref);
  if (!v.ok()) return v.ToError();
  auto sections = ChangedSections(s.info, c.info);
  if (sections.empty()) return std::vector<events::WorkplaceEvent>{};
  return std::vector<events::WorkplaceEvent>{
      events::WorkplaceInfoUpdated{s.workplace_id, c.info, std::move(sections)}};
}

}  // namespace istihdam

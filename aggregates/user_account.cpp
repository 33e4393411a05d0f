#include "aggregates/user_account.h"

#include <optional>

namespace istihdam {

UserAccountState Apply(UserAccountState s, const events::UserAccountEvent& e) {
  if (const auto* r = std::get_if<events::UserAccountRegistered>(&e)) {
    s.exists = true;
    s.user_id = r->user_id;
  } else if (const auto* a = std::get_if<events::EmployerPrimaryAdminAssigned>(&e)) {
    s.primary_admin_of.push_back(a->employer_id);
  }
  return s;
}

StaffState Apply(StaffState s, const events::StaffEvent& e) {
  if (const auto* c = std::get_if<events::StaffUserCreated>(&e)) {
    s.exists = true;
    s.staff_id = c->staff_id;
    s.role = c->role;
    s.province = c->province;
  }
  return s;
}

std::vector<FirmMembership> PermittedFirms(const UserAccountState& s) {
  std::vector<FirmMembership> out;
  for (const auto& id : s.primary_admin_of) out.push_back({id, "EmployerPrimaryAdmin", true});
  return out;
}

Result<std::optional<FirmMembership>> ChooseFirm(const UserAccountState& s,
                                                 const std::string& requested) {
  const auto firms = PermittedFirms(s);
  if (requested.empty()) {
    if (firms.size() == 1) return std::optional<FirmMembership>(firms.front());
    return std::optional<FirmMembership>();
  }
  for (const auto& f : firms) {
    if (f.employer_id == requested) return std::optional<FirmMembership>(f);
  }
  return Error::Of("firm_not_permitted");
}

}  // namespace istihdam

#include "aggregates/authorized_users.h"

#include <algorithm>
#include <set>

#include "aggregates/permissions.h"
#include "aggregates/validation.h"
#include "infra/clock.h"

namespace istihdam {

std::optional<FirmMembership> MembershipOf(const EmployerState& e, const std::string& user_id,
                                           const std::string& today) {
  auto it = e.users.find(user_id);
  if (it == e.users.end()) return std::nullopt;
  const AuthorizedUser& u = it->second;
  if (!u.primary_admin && (u.locked || (!u.closing_date.empty() && today > u.closing_date))) {
    return std::nullopt;
  }
  FirmMembership m{e.employer_id,
                   u.primary_admin ? "EmployerPrimaryAdmin" : u.admin ? "EmployerAdmin" : "EmployerAuthorizedUser",
                   u.admin || u.primary_admin,
                   {}};
  if (m.admin) {
    for (auto p : permissions::kAll) m.permissions.emplace_back(p);
  } else {
    m.permissions = u.permissions;
  }
  return m;
}

Result<std::optional<FirmMembership>> ChooseFirm(const std::vector<FirmMembership>& firms,
                                                 const std::string& requested) {
  if (requested.empty()) {
    if (firms.size() == 1) return std::optional<FirmMembership>(firms.front());
    return std::optional<FirmMembership>();
  }
  for (const auto& f : firms) {
    if (f.employer_id == requested) return std::optional<FirmMembership>(f);
  }
  return Error::Of(errc::kFirmNotPermitted);
}

Result<std::vector<events::EmployerEvent>> DecideCreateAuthorizedUser(const EmployerState& s,
                                                                      const CreateAuthorizedUser& c) {
  if (!s.exists) return Error::Of(errc::kEmployerNotFound);
  if (s.users.count(c.user_id)) return Error{errc::kAlreadyAuthorized, {{"tckn", "already_registered"}}, {}};
  return std::vector<events::EmployerEvent>{
      events::AuthorizedUserCreated{s.employer_id, c.user_id, c.tckn, c.first_name, c.last_name}};
}

Result<std::vector<events::EmployerEvent>> DecideUpdateAuthorizedUser(const EmployerState& s,
                                                                      const UpdateAuthorizedUser& c) {
  auto it = s.users.find(c.user_id);
  if (!s.exists || it == s.users.end()) return Error::Of(errc::kUserNotFound);
  const AuthorizedUser& u = it->second;
  if (u.primary_admin) return Error::Of(errc::kPrimaryAdminImmutable);
  Validator v;
  std::set<std::string> wanted;
  for (std::size_t i = 0; i < c.permissions.size(); ++i) {
    const auto& p = c.permissions[i];
    if (std::find(permissions::kAll.begin(), permissions::kAll.end(), p) == permissions::kAll.end()) {
      v.Fail("permissions[" + std::to_string(i) + "]", "unknown_value");
    }
    wanted.insert(p);
  }
  std::int64_t days;
  if (!c.closing_date.empty() && !ParseDate(c.closing_date, &days)) v.Fail("accountClosingDate", "invalid_format");
  if (!v.ok()) return v.ToError();

  std::vector<events::EmployerEvent> out;
  const auto& e = s.employer_id;
  if (c.admin != u.admin) {
    if (c.admin) out.push_back(events::AdminRoleGranted{e, c.user_id});
    else out.push_back(events::AdminRoleRevoked{e, c.user_id});
  }
  const std::set<std::string> had(u.permissions.begin(), u.permissions.end());
  if (had != wanted) {
    events::PermissionsChanged pc{e, c.user_id, {}, {}, {wanted.begin(), wanted.end()}};
    std::set_difference(wanted.begin(), wanted.end(), had.begin(), had.end(), std::back_inserter(pc.added));
    std::set_difference(had.begin(), had.end(), wanted.begin(), wanted.end(), std::back_inserter(pc.removed));
    out.push_back(std::move(pc));
  }
  if (c.closing_date != u.closing_date) {
    if (c.closing_date.empty()) out.push_back(events::AccountClosingDateCleared{e, c.user_id});
    else out.push_back(events::AccountClosingDateSet{e, c.user_id, c.closing_date});
  }
  if (c.locked != u.locked) {
    if (c.locked) out.push_back(events::AuthorizedUserLocked{e, c.user_id});
    else out.push_back(events::AuthorizedUserUnlocked{e, c.user_id});
  }
  return out;
}

}  // namespace istihdam

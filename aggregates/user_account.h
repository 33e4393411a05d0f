#pragma once
// The UserAccount aggregate (person-level account) and the staff account, as far as login
// needs them (AUTH-4). Pure.
#include <string>
#include <vector>

#include "events/identity.h"
#include "infra/result.h"

namespace istihdam {

struct UserAccountState {
  bool exists = false;
  std::string user_id;
  std::vector<std::string> primary_admin_of;  // employer ids
};

UserAccountState Apply(UserAccountState s, const events::UserAccountEvent& e);

struct StaffState {
  bool exists = false;
  std::string staff_id, role, province;
};

StaffState Apply(StaffState s, const events::StaffEvent& e);

// The firms a user may act for, with the role they hold there.
struct FirmMembership {
  std::string employer_id;
  std::string actor_type;  // EmployerPrimaryAdmin (EmployerAdmin, EmployerAuthorizedUser: identity issue)
  bool admin = false;
};
std::vector<FirmMembership> PermittedFirms(const UserAccountState& s);

// Which firm a login opens: the requested one when permitted, the only one when there is
// exactly one, none when the choice is the user's to make. Error "firm_not_permitted".
Result<std::optional<FirmMembership>> ChooseFirm(const UserAccountState& s,
                                                 const std::string& requested_employer_id);

}  // namespace istihdam

#pragma once
// Who may act for an employer, and role management (ROLE-1..7, ACT-3..6; DOMAIN.md §2.1.7).
// Pure: "today" comes in as a date.
#include <optional>
#include <string>
#include <vector>

#include "aggregates/employer.h"
#include "infra/result.h"

namespace istihdam {

// A firm a user may act for now, with the actor type and rights that follow from its roles.
struct FirmMembership {
  std::string employer_id;
  std::string actor_type;  // EmployerPrimaryAdmin | EmployerAdmin | EmployerAuthorizedUser
  bool admin = false;
  std::vector<std::string> permissions;  // admins: every permission of the catalogue
};

// The user's rights at `employer` on `today` (YYYY-MM-DD, local date): none when the user is
// not one of its users, is locked (ROLE-E2) or is past the account closing date (ROLE-E1: the
// date itself is the last valid day).
std::optional<FirmMembership> MembershipOf(const EmployerState& employer, const std::string& user_id,
                                           const std::string& today);

// Which firm a login opens: the requested one when permitted, the only one when there is
// exactly one, none when the choice is the user's to make. Error "firm_not_permitted".
Result<std::optional<FirmMembership>> ChooseFirm(const std::vector<FirmMembership>& permitted,
                                                 const std::string& requested_employer_id);

// CreateAuthorizedUser ("Yetkili Oluştur"). The handler has already checked that the person is
// a registered individual (ROLE-R1) and that KPS knows them (ROLE-R2). Initial state: no
// permissions, not admin. Error "already_authorized".
struct CreateAuthorizedUser {
  std::string user_id, tckn, first_name, last_name;
};
Result<std::vector<events::EmployerEvent>> DecideCreateAuthorizedUser(const EmployerState& s,
                                                                      const CreateAuthorizedUser& c);

// UpdateAuthorizedUserAccount ("Kullanıcı Hesabı Bilgileri" → "Kaydet"): the whole page at once.
// Errors: "user_not_found" (not a user of this employer), "primary_admin_immutable" (ROLE-R6),
// "validation_failed" (unknown permission, malformed date).
struct UpdateAuthorizedUser {
  std::string user_id;
  bool admin = false;
  std::vector<std::string> permissions;
  std::string closing_date;  // "" = cleared ("Temizle")
  bool locked = false;
};
Result<std::vector<events::EmployerEvent>> DecideUpdateAuthorizedUser(const EmployerState& s,
                                                                      const UpdateAuthorizedUser& c);

}  // namespace istihdam

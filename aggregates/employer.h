#pragma once
// The Employer aggregate: registration (AUTH-1, AUTH-3) and the headquarters-per-province rule
// (EMP-3, EMP-4). Pure: no I/O, no clock; ids and time come in with the command.
#include <map>
#include <string>
#include <vector>

#include "events/employers.h"
#include "events/identity.h"
#include "events/workplaces.h"
#include "infra/reference_data.h"
#include "infra/result.h"

namespace istihdam {

// A person who may act for the employer, with the roles set on "Kullanıcı Rol Yönetimi".
struct AuthorizedUser {
  std::string user_id;
  std::string tckn, first_name, last_name;  // empty for the primary admin (in its user stream)
  bool primary_admin = false;
  bool admin = false;
  std::vector<std::string> permissions;
  std::string closing_date;  // YYYY-MM-DD, the last day; "" = none
  bool locked = false;
  bool operator==(const AuthorizedUser&) const = default;
};

struct EmployerState {
  bool exists = false;
  std::string employer_id;
  std::string iskur_no;
  std::string title;
  std::string kind;
  std::string sector;
  std::string tax_no;
  std::string primary_admin_user_id;
  std::map<std::string, std::string> hq_by_province;  // province -> headquarters workplace id
  std::map<std::string, AuthorizedUser> users;         // by user id; the primary admin too
};

EmployerState Apply(EmployerState s, const events::EmployerEvent& e);

// Limits that come from configuration, not from the law of the aggregate.
struct RegistrationPolicy {
  std::string terms_version;
  std::size_t min_password_length = 8;
};

struct Representative {
  std::string tckn, first_name, last_name, password, password_repeat, secret_question,
      secret_answer, email, mobile, preferred_contact;
};

struct RegisterEmployer {
  bool terms_accepted = false;
  std::string terms_version;  // as shown to the user; empty = the current one
  std::string kind, title, tax_office, tax_no, sector, province, district, address, phone, email;
  std::string sgk_no;  // optional at registration (legal entities register with or without)
  Representative representative;
  Micros now = 0;
  // Assigned by the handler before deciding. `existing_user`: the representative is already a
  // registered user (its password was checked), so no new account is created.
  std::string employer_id, iskur_no, workplace_id, user_id;
  bool existing_user = false;
};

struct RegistrationDecision {
  std::vector<events::EmployerEvent> employer;
  std::vector<events::WorkplaceEvent> workplace;
  std::vector<events::UserAccountEvent> user;
};

// A new employer with its first workplace (the headquarters of its province) and its primary
// admin user. Errors: "terms_not_accepted" (409), "validation_failed" (422, every field).
Result<RegistrationDecision> DecideRegistration(const RegisterEmployer& cmd,
                                                const ReferenceData& ref,
                                                const RegistrationPolicy& policy);

struct RegisterWorkplace {
  std::string title, sgk_no, tax_no, province;
  events::WorkplaceInfo info;
  std::string workplace_id;  // assigned by the handler
};

struct WorkplaceDecision {
  events::EmployerEvent employer;  // headquarters designation or branch attachment
  events::WorkplaceRegistered workplace;
};

// EMP-3/EMP-4: the first workplace in a province becomes its headquarters, later ones are
// branches of it. Errors: "employer_not_found", "validation_failed".
Result<WorkplaceDecision> DecideRegisterWorkplace(const EmployerState& s,
                                                  const RegisterWorkplace& cmd,
                                                  const ReferenceData& ref);

// Field checks shared by registration, new workplaces and the update wizard.
class Validator;
void ValidateWorkplaceInfo(Validator& v, const std::string& prefix, const std::string& province,
                           const events::WorkplaceInfo& info, const ReferenceData& ref);

}  // namespace istihdam

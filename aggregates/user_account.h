#pragma once
// The UserAccount aggregate (person-level account: identity, contact, the firms it is linked
// to, failed attempts, password resets) and the staff account. Pure: time comes in as
// arguments. DOMAIN.md §2.0.
#include <map>
#include <string>
#include <vector>

#include "events/identity.h"
#include "infra/clock.h"
#include "infra/result.h"

namespace istihdam {

struct PasswordReset {
  Micros expires_at = 0;
  bool answer_verified = false;
  bool completed = false;
};

struct UserAccountState {
  bool exists = false;
  std::string user_id, tckn, first_name, last_name, birth_date;
  std::string email, mobile, preferred_contact, secret_question;
  std::vector<std::string> employers;  // linked as primary admin or authorized user
  std::vector<Micros> failures;        // failed logins and wrong secret answers
  std::map<std::string, PasswordReset> resets;  // by reset id (hash of the token)
};

UserAccountState Apply(UserAccountState s, const events::UserAccountEvent& e);

struct StaffState {
  bool exists = false;
  std::string staff_id, role, province;
  std::vector<Micros> failures;
};

StaffState Apply(StaffState s, const events::StaffEvent& e);

// AUTH lockout (OP-2, cfg): `max_failures` failed attempts within `window` lock the account
// until the oldest of them leaves the window.
struct LockoutPolicy {
  std::size_t max_failures = 5;
  Micros window = 15LL * 60 * 1'000'000;
};
bool IsLockedOut(const std::vector<Micros>& failures, Micros now, const LockoutPolicy& p);

// Individual user registration ("Bireysel Kullanıcı"). The handler checks identity with KPS
// and uniqueness of the TCKN. Errors: "validation_failed".
struct RegisterIndividual {
  std::string user_id;
  std::string tckn, first_name, last_name, birth_date, password, password_repeat;
  std::string secret_question, secret_answer, email, mobile, preferred_contact;
  std::string today;  // YYYY-MM-DD
};
Result<events::UserAccountRegistered> DecideRegisterIndividual(const RegisterIndividual& c,
                                                               std::size_t min_password_length);

// Contact info is complete when a preferred method is set and its channel is known.
bool ContactInfoComplete(const UserAccountState& s);

// Password reset (AUTH-5..7). Each step names the reset by its id; errors:
// "reset_invalid" (unknown, expired or already used), "too_many_attempts" (locked out),
// "secret_answer_wrong", "answer_not_verified", "contact_info_required", "validation_failed".
Result<events::UserAccountEvent> DecideAnswer(const UserAccountState& s, const std::string& reset_id,
                                              bool answer_matches, Micros now, const LockoutPolicy& p);
Result<events::UserContactInfoCompleted> DecideCompleteContact(const UserAccountState& s,
                                                               const std::string& reset_id,
                                                               const std::string& email,
                                                               const std::string& mobile,
                                                               const std::string& preferred, Micros now);
Result<events::PasswordChanged> DecideSetPassword(const UserAccountState& s, const std::string& reset_id,
                                                  const std::string& password, const std::string& repeat,
                                                  std::size_t min_password_length, Micros now);

}  // namespace istihdam

#pragma once
// Registration, logout, password reset, staff (DOMAIN.md §1, §2.0; AUTH-5..7): bodies, answers.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "aggregates/permissions.h"
#include "aggregates/user_account.h"
#include "commands/staff.h"
#include "http/wire.h"

namespace istihdam::http::contract::identity {

using wire::F;

inline constexpr const char* kContactMethods[] = {"email", "sms", "postalAddress"};

// The role names of POST /api/v1/staff ("auditor", "unit", "headOffice").
inline constexpr auto kStaffRoleNames = [] {
  std::array<const char*, kStaffRoles.size()> out{};
  for (std::size_t i = 0; i < kStaffRoles.size(); ++i) out[i] = kStaffRoles[i].role_name.data();
  return out;
}();

struct NewIndividual {
  RegisterIndividual c;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", c.tckn).requiredByCommand(), F("firstName", c.first_name).requiredByCommand(),
       F("lastName", c.last_name).requiredByCommand(), F("birthDate", c.birth_date).formatted("date").requiredByCommand(),
       F("password", c.password).requiredByCommand(), F("passwordRepeat", c.password_repeat),
       F("secretQuestion", c.secret_question).requiredByCommand(),
       F("secretAnswer", c.secret_answer).requiredByCommand(), F("email", c.email), F("mobile", c.mobile),
       F("preferredContact", c.preferred_contact).oneOf(kContactMethods).requiredByCommand());
  }
};

struct IndividualRegistered {
  std::string id, individual_id;
  std::uint64_t version = 0, position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("individualId", individual_id), F("version", version), F("position", position));
  }
};

struct LoggedOut {
  bool logged_out = false;
  std::uint64_t position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("loggedOut", logged_out), F("position", position));
  }
};

struct ResetStart {
  std::string tckn;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn).requiredByCommand());
  }
};

// The same shape for every TCKN, registered or not (no position).
struct ResetStarted {
  std::string reset_id, expires_at, secret_question;
  template <class A>
  void serialize(A& ar) {
    ar(F("resetId", reset_id), F("expiresAt", expires_at).formatted("date-time"), F("secretQuestion", secret_question));
  }
};

struct SecretAnswer {
  std::string reset_id, answer;
  template <class A>
  void serialize(A& ar) {
    ar(F("resetId", reset_id).requiredByCommand(), F("answer", answer).requiredByCommand());
  }
};

struct ContactInfo {
  std::string reset_id, email, mobile, preferred_contact;
  template <class A>
  void serialize(A& ar) {
    ar(F("resetId", reset_id).requiredByCommand(), F("email", email), F("mobile", mobile),
       F("preferredContact", preferred_contact).oneOf(kContactMethods).requiredByCommand());
  }
};

struct ContactInfoState {
  bool contact_info_complete = false;
  std::uint64_t position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("contactInfoComplete", contact_info_complete), F("position", position));
  }
};

struct NewPassword {
  std::string reset_id, new_password, new_password_repeat;
  template <class A>
  void serialize(A& ar) {
    ar(F("resetId", reset_id).requiredByCommand(), F("newPassword", new_password).requiredByCommand(),
       F("newPasswordRepeat", new_password_repeat).requiredByCommand());
  }
};

struct PasswordChanged {
  bool password_changed = false;
  std::uint64_t position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("passwordChanged", password_changed), F("position", position));
  }
};

struct NewStaffUser {
  CreateStaffUser c;
  template <class A>
  void serialize(A& ar) {
    ar(F("role", c.role).oneOf(kStaffRoleNames).requiredByCommand(),
       F("province", c.province).from(wire::lists::kProvinces).describe("unit users: the province of their unit"),
       F("tckn", c.tckn).requiredByCommand(), F("password", c.password).requiredByCommand());
  }
};

}  // namespace istihdam::http::contract::identity

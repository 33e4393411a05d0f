#pragma once
// Events of user accounts, agency staff and uniqueness reservations. DOMAIN.md §2.0, §1.
// Passwords and secret answers are never in events: their hashes live in the credentials
// table, written in the same atomic batch (docs/storage.md).
#include <cstdint>
#include <string>
#include <variant>

#include "events/codec.h"

namespace istihdam::events {

// Stream "user-<userId>".
struct UserAccountRegistered {
  static constexpr const char* kType = "UserAccountRegistered";
  std::string user_id;
  std::string tckn;
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string mobile;
  std::string preferred_contact;  // email | sms | postalAddress
  std::string secret_question;

  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("userId", user_id), PII("*tckn", tckn), PII("*firstName", first_name),
       PII("*lastName", last_name), PII("*email", email), PII("*mobile", mobile),
       F("preferredContact", preferred_contact), F("secretQuestion", secret_question));
  }
};

struct EmployerPrimaryAdminAssigned {
  static constexpr const char* kType = "EmployerPrimaryAdminAssigned";
  std::string user_id;
  std::string employer_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("userId", user_id), F("employerId", employer_id));
  }
};

// Audit of a successful login with a chosen firm (or none, for staff).
struct UserLoggedIn {
  static constexpr const char* kType = "UserLoggedIn";
  std::string user_id;
  std::string employer_id;
  std::string session_id;  // hex SHA-256 of the token's first 16 bytes; never the token
  std::string expires_at;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("userId", user_id), F("employerId", employer_id), F("sessionId", session_id),
       F("expiresAt", expires_at));
  }
};

struct LoginFailed {
  static constexpr const char* kType = "LoginFailed";
  std::string user_id;
  std::string reason;  // wrongPassword | firmNotPermitted
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("userId", user_id), F("reason", reason));
  }
};

using UserAccountEvent =
    std::variant<UserAccountRegistered, EmployerPrimaryAdminAssigned, UserLoggedIn, LoginFailed>;

// Stream "staff-<staffId>": agency staff (auditor, unit, headOffice).
struct StaffUserCreated {
  static constexpr const char* kType = "StaffUserCreated";
  std::string staff_id;
  std::string tckn;
  std::string role;
  std::string province;  // unit users only
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("staffId", staff_id), PII("*tckn", tckn), F("role", role), F("province", province));
  }
};

using StaffEvent = std::variant<StaffUserCreated, UserLoggedIn, LoginFailed>;

// Reservation streams ("tckn-<n>", "staff-tckn-<n>", "tax-no-<n>", "sgk-no-<n>"): appended
// with expected version "no stream" in the same atomic write as the owner, so that a
// natural key has one owner without a read-then-write race.
struct IdentifierReserved {
  static constexpr const char* kType = "IdentifierReserved";
  std::string kind;  // tckn | staffTckn | taxNo | sgkNo
  std::string owner_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("kind", kind), F("ownerId", owner_id));
  }
};

using ReservationEvent = std::variant<IdentifierReserved>;

}  // namespace istihdam::events

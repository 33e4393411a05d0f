#pragma once
// Events of user accounts, agency staff and uniqueness reservations. DOMAIN.md §2.0, §1.
// Passwords and secret answers are never in events: their hashes live in the credentials
// table, written in the same atomic batch (docs/storage.md).
#include <cstdint>
#include <string>
#include <variant>

#include "events/codec.h"

namespace istihdam::events {

// Stream "user-<userId>". Version 2 added `birthDate` (version 1: unknown, "").
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
  std::string birth_date;  // YYYY-MM-DD

  template <class A>
  void serialize(A& ar, std::uint32_t version) {
    ar(F("userId", user_id), PII("*tckn", tckn), PII("*firstName", first_name),
       PII("*lastName", last_name), PII("*email", email), PII("*mobile", mobile),
       F("preferredContact", preferred_contact), F("secretQuestion", secret_question));
    if (version >= 2) ar(PII("*birthDate", birth_date));
  }
};

// The user may act for this employer (as an authorized user); the employer's stream holds the
// roles (AuthorizedUserCreated and what follows).
struct EmployerMembershipGranted {
  static constexpr const char* kType = "EmployerMembershipGranted";
  std::string user_id;
  std::string employer_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("userId", user_id), F("employerId", employer_id));
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

// Audit of a successful login with a chosen firm (or none, for staff). Version 2 added what a
// read replica needs to rebuild the session row (projections/replica_sessions.h): the full
// hex SHA-256 of the token (a hash of 256 random bits, not usable as a credential; never the
// token itself), the actor type and the province of unit users. Version 1 events read them
// as "": such sessions are not known to replicas.
struct UserLoggedIn {
  static constexpr const char* kType = "UserLoggedIn";
  std::string user_id;
  std::string employer_id;
  std::string session_id;  // the first 16 hex digits of the token's SHA-256; never the token
  std::string expires_at;
  std::string token_hash;  // hex SHA-256 of the token (64 digits)
  std::string actor_type;  // as the session holds it at login
  std::string province;    // unit users
  template <class A>
  void serialize(A& ar, std::uint32_t version) {
    ar(F("userId", user_id), F("employerId", employer_id), F("sessionId", session_id),
       F("expiresAt", expires_at));
    if (version >= 2) ar(F("tokenHash", token_hash), F("actorType", actor_type), F("province", province));
  }
};

// Version 2 added `at` (µs since the epoch; version 1 events read as 0 and so never count
// toward a lockout window).
struct LoginFailed {
  static constexpr const char* kType = "LoginFailed";
  std::string user_id;
  std::string reason;  // wrongPassword | firmNotPermitted | lockedOut
  std::int64_t at = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t version) {
    ar(F("userId", user_id), F("reason", reason));
    if (version >= 2) ar(F("at", at));
  }
};

// Version 2 added `tokenHash` (as in UserLoggedIn), so that a read replica can delete the
// session row.
struct UserLoggedOut {
  static constexpr const char* kType = "UserLoggedOut";
  std::string user_id;
  std::string session_id;
  std::string token_hash;
  template <class A>
  void serialize(A& ar, std::uint32_t version) {
    ar(F("userId", user_id), F("sessionId", session_id));
    if (version >= 2) ar(F("tokenHash", token_hash));
  }
};

// Password reset (AUTH-5..7). `resetId` is the hex SHA-256 of the reset token, never the
// token itself.
struct PasswordResetStarted {
  static constexpr const char* kType = "PasswordResetStarted";
  std::string user_id;
  std::string reset_id;
  std::int64_t expires_at = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("userId", user_id), F("resetId", reset_id), F("expiresAt", expires_at));
  }
};

struct SecretAnswerRejected {
  static constexpr const char* kType = "SecretAnswerRejected";
  std::string user_id;
  std::string reset_id;
  std::int64_t at = 0;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("userId", user_id), F("resetId", reset_id), F("at", at));
  }
};

struct SecretAnswerVerified {
  static constexpr const char* kType = "SecretAnswerVerified";
  std::string user_id;
  std::string reset_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("userId", user_id), F("resetId", reset_id));
  }
};

struct UserContactInfoCompleted {
  static constexpr const char* kType = "UserContactInfoCompleted";
  std::string user_id;
  std::string email;
  std::string mobile;
  std::string preferred_contact;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("userId", user_id), PII("*email", email), PII("*mobile", mobile),
       F("preferredContact", preferred_contact));
  }
};

// The new hash is in the credentials table, written in the same batch.
struct PasswordChanged {
  static constexpr const char* kType = "PasswordChanged";
  std::string user_id;
  std::string via;  // reset
  std::string reset_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("userId", user_id), F("via", via), F("resetId", reset_id));
  }
};

using UserAccountEvent =
    std::variant<UserAccountRegistered, EmployerPrimaryAdminAssigned, EmployerMembershipGranted,
                 UserLoggedIn, LoginFailed, UserLoggedOut, PasswordResetStarted,
                 SecretAnswerRejected, SecretAnswerVerified, UserContactInfoCompleted,
                 PasswordChanged>;

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

using StaffEvent = std::variant<StaffUserCreated, UserLoggedIn, LoginFailed, UserLoggedOut>;

// Reservation streams ("tckn-<n>", "staff-tckn-<n>", "tax-no-<n>", "sgk-no-<n>"): appended
// with expected version "no stream" in the same atomic write as the owner, so that a
// natural key has one owner without a read-then-write race.
struct IdentifierReserved {
  static constexpr const char* kType = "IdentifierReserved";
  std::string kind;  // tckn | staffTckn | taxNo | sgkNo | impactSurveyYear (headquarters + year)
  std::string owner_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("kind", kind), F("ownerId", owner_id));
  }
};

using ReservationEvent = std::variant<IdentifierReserved>;

}  // namespace istihdam::events

CEREAL_CLASS_VERSION(istihdam::events::UserAccountRegistered, 2);
CEREAL_CLASS_VERSION(istihdam::events::LoginFailed, 2);
CEREAL_CLASS_VERSION(istihdam::events::UserLoggedIn, 2);
CEREAL_CLASS_VERSION(istihdam::events::UserLoggedOut, 2);

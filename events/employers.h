#pragma once
// Events of the Employer aggregate (stream "employer-<employerId>"). DOMAIN.md §2.0, §2.1.3.1.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "events/codec.h"

namespace istihdam::events {

// AUTH-1/AUTH-2. Version 2 added `sector` (private | public); version 1 events are read as
// private-sector employers, which is what every employer was before the field existed.
struct EmployerRegistered {
  static constexpr const char* kType = "EmployerRegistered";
  std::string employer_id;
  std::string iskur_no;
  std::string employer_kind;  // legalEntity | naturalPerson
  std::string title;
  std::string tax_office;
  std::string tax_no;
  std::string sector = "private";
  std::string province;
  std::string district;
  std::string address;
  std::string phone;
  std::string email;
  std::string primary_admin_user_id;
  std::string terms_version;
  std::string terms_accepted_at;  // RFC 3339

  template <class A>
  void serialize(A& ar, std::uint32_t version) {
    ar(F("employerId", employer_id), F("iskurNo", iskur_no), F("employerKind", employer_kind),
       F("title", title), F("taxOffice", tax_office), F("taxNo", tax_no));
    if (version >= 2) ar(F("sector", sector));
    ar(F("province", province), F("district", district), PII("*address", address),
       PII("*phone", phone), PII("*email", email), F("primaryAdminUserId", primary_admin_user_id),
       F("termsVersion", terms_version), F("termsAcceptedAt", terms_accepted_at));
  }
};

// EMP-4: the first workplace of the employer in a province is that province's headquarters.
struct WorkplaceDesignatedHeadquarters {
  static constexpr const char* kType = "WorkplaceDesignatedHeadquarters";
  std::string employer_id;
  std::string workplace_id;
  std::string province;

  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("employerId", employer_id), F("workplaceId", workplace_id), F("province", province));
  }
};

// EMP-4: a later workplace in the same province is a branch of that province's headquarters.
struct BranchAttachedToHeadquarters {
  static constexpr const char* kType = "BranchAttachedToHeadquarters";
  std::string employer_id;
  std::string branch_id;
  std::string hq_workplace_id;
  std::string province;

  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("employerId", employer_id), F("branchId", branch_id),
       F("hqWorkplaceId", hq_workplace_id), F("province", province));
  }
};

// Role management (ROLE-1..7, DOMAIN.md §2.1.7). The employer's stream holds every
// authorized user's roles, so one version guards the whole "Kullanıcı Hesabı Bilgileri" page.
struct AuthorizedUserCreated {
  static constexpr const char* kType = "AuthorizedUserCreated";
  std::string employer_id;
  std::string user_id;
  std::string tckn;
  std::string first_name;
  std::string last_name;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("employerId", employer_id), F("userId", user_id), PII("*tckn", tckn),
       PII("*firstName", first_name), PII("*lastName", last_name));
  }
};

// One event type per kind of change, as the guide's page saves them together.
struct AdminRoleGranted {
  static constexpr const char* kType = "AdminRoleGranted";
  std::string employer_id;
  std::string user_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("employerId", employer_id), F("userId", user_id));
  }
};

struct AdminRoleRevoked {
  static constexpr const char* kType = "AdminRoleRevoked";
  std::string employer_id;
  std::string user_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("employerId", employer_id), F("userId", user_id));
  }
};

struct PermissionsChanged {
  static constexpr const char* kType = "PermissionsChanged";
  std::string employer_id;
  std::string user_id;
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::vector<std::string> permissions;  // the whole set afterwards
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("employerId", employer_id), F("userId", user_id), F("added", added), F("removed", removed),
       F("permissions", permissions));
  }
};

struct AccountClosingDateSet {
  static constexpr const char* kType = "AccountClosingDateSet";
  std::string employer_id;
  std::string user_id;
  std::string date;  // the last day the user may act for the employer
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("employerId", employer_id), F("userId", user_id), F("date", date));
  }
};

struct AccountClosingDateCleared {
  static constexpr const char* kType = "AccountClosingDateCleared";
  std::string employer_id;
  std::string user_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("employerId", employer_id), F("userId", user_id));
  }
};

struct AuthorizedUserLocked {
  static constexpr const char* kType = "AuthorizedUserLocked";
  std::string employer_id;
  std::string user_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("employerId", employer_id), F("userId", user_id));
  }
};

struct AuthorizedUserUnlocked {
  static constexpr const char* kType = "AuthorizedUserUnlocked";
  std::string employer_id;
  std::string user_id;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("employerId", employer_id), F("userId", user_id));
  }
};

using EmployerEvent =
    std::variant<EmployerRegistered, WorkplaceDesignatedHeadquarters, BranchAttachedToHeadquarters,
                 AuthorizedUserCreated, AdminRoleGranted, AdminRoleRevoked, PermissionsChanged,
                 AccountClosingDateSet, AccountClosingDateCleared, AuthorizedUserLocked,
                 AuthorizedUserUnlocked>;

}  // namespace istihdam::events

CEREAL_CLASS_VERSION(istihdam::events::EmployerRegistered, 2);

#pragma once
// User role management — "Kullanıcı Rol Yönetimi" (ROLE-1..7, SC-1): bodies and answers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregates/authorized_users.h"
#include "aggregates/employer.h"
#include "aggregates/permissions.h"
#include "commands/services.h"
#include "http/wire.h"

namespace istihdam::http::contract::users {

using wire::F;

// One authorized user as role management shows it.
struct UserRow {
  std::string user_id, tckn, first_name, last_name;
  bool primary_admin = false, admin = false, locked = false, active = false;
  std::vector<std::string> permissions;
  std::optional<std::string> account_closing_date;  // a date, or null when none
  std::vector<std::string> available_actions;
  template <class A>
  void serialize(A& ar) {
    ar(F("userId", user_id), F("tckn", tckn), F("firstName", first_name), F("lastName", last_name),
       F("primaryAdmin", primary_admin), F("admin", admin), F("permissions", permissions),
       F("accountClosingDate", account_closing_date).nullable().formatted("date").describe("the last day (YYYY-MM-DD), or null"),
       F("locked", locked), F("active", active), F("availableActions", available_actions));
  }

  // A past moment of an as-of read: its log position and that day's date.
  struct Moment {
    std::uint64_t position = 0;
    std::string today;
  };
  // The row now, or as it stood at `as_of` (the primary admin's names and whether the user was
  // active then).
  static UserRow Of(Services& s, const EmployerState& e, const AuthorizedUser& u,
                    const std::optional<Moment>& as_of = std::nullopt) {
    const std::string today = as_of ? as_of->today : s.Today();
    UserRow r{u.user_id, u.tckn, u.first_name, u.last_name, u.primary_admin, u.admin, u.locked,
              MembershipOf(e, u.user_id, today).has_value(), u.permissions, std::nullopt, {}};
    if (u.primary_admin) {
      const std::string stream = "user-" + u.user_id;
      const auto acct = as_of ? s.users.LoadAsOf(stream, as_of->position).state : s.users.Load(stream).state;
      r.tckn = acct.tckn, r.first_name = acct.first_name, r.last_name = acct.last_name;
    }
    if (u.admin) r.permissions.assign(permissions::kAll.begin(), permissions::kAll.end());
    if (!u.closing_date.empty()) r.account_closing_date = u.closing_date;
    if (!u.primary_admin) r.available_actions.emplace_back("update");
    return r;
  }
};

// A user with the version of the employer's roles (the ETag, for If-Match on PUT).
struct UserView {
  UserRow user;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    user.serialize(ar);
    ar(F("version", version).describe("the version of the employer's roles (the ETag)"));
  }
};

struct UserPage {
  wire::PageOf<UserRow> page;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    page.serialize(ar);
    ar(F("version", version).describe("the version of the employer's roles (the ETag)"));
  }
};

// "Bilgileri Getir" and "Yetkili Oluştur" name a person the same way.
struct Person {
  std::string tckn, first_name, last_name;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn).requiredByCommand(), F("firstName", first_name).requiredByCommand(),
       F("lastName", last_name).requiredByCommand());
  }
};

struct FoundPerson {
  std::string tckn, first_name, last_name;
  bool registered_individual = false;
  template <class A>
  void serialize(A& ar) {
    ar(F("tckn", tckn), F("firstName", first_name), F("lastName", last_name),
       F("registeredIndividual", registered_individual));
  }
};

struct UserAdded {
  std::string id, user_id;
  std::uint64_t version = 0, position = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("userId", user_id), F("version", version), F("position", position));
  }
};

struct Roles {
  bool admin = false, locked = false;
  std::vector<std::string> permissions;
  std::string account_closing_date;
  template <class A>
  void serialize(A& ar) {
    ar(F("admin", admin), F("permissions", permissions),
       F("accountClosingDate", account_closing_date).formatted("date").describe("the last day; null clears it"),
       F("locked", locked));
  }
  UpdateAuthorizedUser ToCommand(const std::string& user_id) const {
    return {user_id, admin, permissions, account_closing_date, locked};
  }
};

}  // namespace istihdam::http::contract::users

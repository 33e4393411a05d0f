// User role management — "Kullanıcı Rol Yönetimi" (ROLE-1..7, SC-1): admins only.
#include <type_traits>

#include "aggregates/permissions.h"
#include "commands/authorized_users.h"
#include "commands/identity_helpers.h"
#include "http/app.h"
#include "http/endpoint.h"
#include "projections/paging.h"

namespace istihdam::http {

namespace {

using wire::F;

const std::string kAdmin(permissions::kAdmin);


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

  static UserRow Of(Services& s, const EmployerState& e, const AuthorizedUser& u) {
    UserRow r{u.user_id, u.tckn, u.first_name, u.last_name, u.primary_admin, u.admin, u.locked,
              MembershipOf(e, u.user_id, s.Today()).has_value(), u.permissions, std::nullopt, {}};
    if (u.primary_admin) {
      const auto acct = s.users.Load("user-" + u.user_id).state;
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

}  // namespace

void AddUserRoutes(App& app, Router& router) {
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/permissions", .access = Access::kEmployer, .permission = kAdmin,
      .summary = "The permission catalogue (the checkboxes of role management), all in one page", .tag = "users",
      .handle = [](RequestContext&) -> Result<wire::PageOf<std::string>> {
        boost::json::array items;
        for (auto p : permissions::kAll) items.emplace_back(p);
        return AnswerFrom<wire::PageOf<std::string>>(WholeListEnvelope(std::move(items)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/users", .access = Access::kEmployer, .permission = kAdmin,
      .summary = "List the employer's authorized users (ROLE-1), 15 a page; ETag is the roles' version", .tag = "users",
      .handle = [&app](RequestContext& c, const wire::Paging& q) -> Result<UserPage> {
        auto& s = app.services();
        const auto e = s.employers.Load("employer-" + c.session->employer_id);
        const Page page = q.requested();
        UserPage out;
        std::size_t row = 0;
        for (const auto& [id, u] : e.state.users) {
          if (row++ >= FirstRow(page) && out.page.items.size() < page.page_size) {
            out.page.items.push_back(UserRow::Of(s, e.state, u));
          }
        }
        const auto total = e.state.users.size();
        out.page.page = page.page;
        out.page.page_size = page.page_size;
        out.page.total = total;
        out.page.total_pages = (total + page.page_size - 1) / page.page_size;
        out.version = e.version;
        return out;
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/users/lookup", .access = Access::kEmployer, .permission = kAdmin,
      .summary = "Fetch a person's identity from KPS (\"Bilgileri Getir\", ROLE-2)", .tag = "users",
      .handle = [&app](RequestContext&, const Person& b) -> Result<FoundPerson> {
        auto& s = app.services();
        auto person = s.identity->Lookup(PersonQuery{b.tckn, b.first_name, b.last_name, 0});
        if (!person.ok()) return Error{errc::kKpsMismatch, {{"tckn", "kps_mismatch"}}, {}};
        const bool registered = !ReservedOwner(s, ReservationStream(s, "tckn", b.tckn)).empty();
        return FoundPerson{person->tckn, person->first_name, person->last_name, registered};
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/users", .access = Access::kEmployer, .permission = kAdmin, .idempotent = true,
      .summary = "Add an authorized user (\"Yetkili Oluştur\", ROLE-3): a registered individual, no permissions yet",
      .tag = "users", .status = 201,
      .handle = [&app](RequestContext& c, const Person& b) -> Result<UserAdded> {
        return AnswerFrom<UserAdded>(HandleCreateAuthorizedUser(app.services(), c.env, c.session->employer_id,
                                                                {"", b.tckn, b.first_name, b.last_name}));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/users/{userId}", .access = Access::kEmployer, .permission = kAdmin,
      .summary = "One authorized user's account information (\"Kullanıcı Hesabı Bilgileri\"); ETag is the roles' version",
      .tag = "users",
      .handle = [&app](RequestContext& c) -> Result<UserView> {
        auto& s = app.services();
        const auto e = s.employers.Load("employer-" + c.session->employer_id);
        auto it = e.state.users.find(c.req.params["userId"]);
        if (it == e.state.users.end()) return Error::Of(errc::kUserNotFound);
        return UserView{UserRow::Of(s, e.state, it->second), e.version};
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/users/{userId}", .access = Access::kEmployer, .permission = kAdmin,
      .summary = "Save a user's roles at once (ROLE-4..7): admin flag, permissions, account closing date (null clears), "
                 "locked; the primary admin's roles cannot be changed; If-Match: \"<version>\" makes a stale save a 412",
      .tag = "users",
      .handle = [&app](RequestContext& c, const Roles& b) -> Result<wire::Changed> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<wire::Changed>(HandleUpdateAuthorizedUser(app.services(), c.env, c.session->employer_id,
                                                                    *pinned, b.ToCommand(c.req.params["userId"])));
      }});
}

}  // namespace istihdam::http

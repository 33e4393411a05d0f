// User role management — "Kullanıcı Rol Yönetimi" (ROLE-1..7, SC-1): admins only.
#include <type_traits>

#include "aggregates/permissions.h"
#include "commands/authorized_users.h"
#include "commands/identity_helpers.h"
#include "http/app.h"
#include "http/as_of.h"
#include "http/contract/users.h"
#include "http/endpoint.h"
#include "projections/paging.h"

namespace istihdam::http {

using namespace contract::users;

namespace {

const std::string kAdmin(permissions::kAdmin);

}  // namespace

void AddUserRoutes(App& app, Router& router) {
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/permissions", .access = Access::kEmployer, .permission = kAdmin,
      .summary = "The permission catalogue (the checkboxes of role management), all in one page", .tag = "users",
      .handle = [](RequestContext&) -> Result<wire::PageOf<std::string>> {
        return wire::WholeList(std::vector<std::string>(permissions::kAll.begin(), permissions::kAll.end()));
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
      .summary = "One authorized user's account information (\"Kullanıcı Hesabı Bilgileri\"); ETag is the roles' "
                 "version; asOf reads it as it stood then",
      .tag = "users",
      .handle = [&app](RequestContext& c, const AsOfQuery& q) -> Result<UserView> {
        auto& s = app.services();
        auto as_of = ResolveAsOf(c, q);
        if (!as_of.ok()) return as_of.error();
        const std::string stream = "employer-" + c.session->employer_id;
        std::optional<UserRow::Moment> moment;
        if (*as_of) moment = UserRow::Moment{**as_of, **as_of > 0 ? DayOf(c, **as_of) : std::string()};
        const auto e = moment ? s.employers.LoadAsOf(stream, moment->position) : s.employers.Load(stream);
        auto it = e.state.users.find(c.req.params["userId"]);
        if (it == e.state.users.end()) return Error::Of(errc::kUserNotFound);
        if (moment) c.answer_headers.emplace_back("X-As-Of-Position", std::to_string(moment->position));
        return UserView{UserRow::Of(s, e.state, it->second, moment), e.version};
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

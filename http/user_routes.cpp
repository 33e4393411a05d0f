// User role management — "Kullanıcı Rol Yönetimi" (ROLE-1..7, SC-1): admins only.
#include <boost/json.hpp>

#include "aggregates/permissions.h"
#include "commands/authorized_users.h"
#include "commands/identity_helpers.h"
#include "http/app.h"
#include "http/json_io.h"
#include "projections/paging.h"
#include "infra/text.h"

namespace istihdam::http {

namespace {

const std::string kAdmin(permissions::kAdmin);

constexpr const char* kUserSchema = R"({"type":"object","properties":{"userId":{"type":"string"},"tckn":{"type":"string"},
"firstName":{"type":"string"},"lastName":{"type":"string"},"primaryAdmin":{"type":"boolean"},"admin":{"type":"boolean"},
"permissions":{"type":"array","items":{"type":"string"}},"accountClosingDate":{"type":"string","format":"date","nullable":true},
"locked":{"type":"boolean"},"active":{"type":"boolean"},"availableActions":{"type":"array","items":{"type":"string"}}}})";

boost::json::object UserJson(Services& s, const EmployerState& e, const AuthorizedUser& u) {
  std::string tckn = u.tckn, first = u.first_name, last = u.last_name;
  if (u.primary_admin) {
    const auto acct = s.users.Load("user-" + u.user_id).state;
    tckn = acct.tckn, first = acct.first_name, last = acct.last_name;
  }
  boost::json::array perms;
  for (const auto& p : u.admin ? std::vector<std::string>(permissions::kAll.begin(), permissions::kAll.end()) : u.permissions) {
    perms.emplace_back(p);
  }
  boost::json::array actions;
  if (!u.primary_admin) actions.emplace_back("update");
  return {{"userId", u.user_id},
          {"tckn", tckn},
          {"firstName", first},
          {"lastName", last},
          {"primaryAdmin", u.primary_admin},
          {"admin", u.admin},
          {"permissions", std::move(perms)},
          {"accountClosingDate", u.closing_date.empty() ? boost::json::value(nullptr) : boost::json::value(u.closing_date)},
          {"locked", u.locked},
          {"active", MembershipOf(e, u.user_id, s.Today()).has_value()},
          {"availableActions", std::move(actions)}};
}

}  // namespace

void AddUserRoutes(App& app, Router& router) {
  router.Add({"GET", "/api/v1/permissions", Access::kEmployer, kAdmin, {}, false,
              [](RequestContext&) {
                boost::json::array items;
                for (auto p : permissions::kAll) items.emplace_back(p);
                return JsonResponse(200, WholeListEnvelope(std::move(items)));
              },
              {"The permission catalogue (the checkboxes of role management), all in one page", "users", {}, "",
               std::string(R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"string"}},)") +
                   kPagingSchemaProps + "}}"}});
  router.Add({"GET", "/api/v1/users", Access::kEmployer, kAdmin, {}, false,
              [&app](RequestContext& ctx) {
                auto paging = ParsePage(ctx.req);
                if (!paging.ok()) return Fail(ctx, paging.error());
                const Page page{paging->first, paging->second};
                auto& s = app.services();
                const auto e = s.employers.Load("employer-" + ctx.session->employer_id);
                boost::json::array items;
                std::size_t row = 0;
                for (const auto& [id, u] : e.state.users) {
                  if (row++ >= FirstRow(page) && items.size() < page.page_size) items.push_back(UserJson(s, e.state, u));
                }
                return WithETag(JsonResponse(200, PageEnvelope(std::move(items), e.state.users.size(), page)), e.version);
              },
              {"List the employer's authorized users (ROLE-1), 15 a page; ETag is the roles' version", "users",
               {"page", "pageSize"}, "",
               std::string(R"({"type":"object","properties":{"items":{"type":"array","items":)") + kUserSchema + "}," +
                   kPagingSchemaProps + "}}"}});
  router.Add({"POST", "/api/v1/users/lookup", Access::kEmployer, kAdmin, {}, false,
              [&app](RequestContext& ctx) {
                auto body = JsonBody::Parse(ctx.req.body);
                if (!body.ok()) return Fail(ctx, body.error());
                PersonQuery q{body->Str("tckn"), body->Str("firstName"), body->Str("lastName"), 0};
                if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                auto& s = app.services();
                auto person = s.identity->Lookup(q);
                if (!person.ok()) return Fail(ctx, Error{"kps_mismatch", {{"tckn", "kps_mismatch"}}, {}});
                const bool registered = !ReservedOwner(s, ReservationStream(s, "tckn", q.tckn)).empty();
                return JsonResponse(200, boost::json::object{{"tckn", person->tckn},
                                                             {"firstName", person->first_name},
                                                             {"lastName", person->last_name},
                                                             {"registeredIndividual", registered}});
              },
              {"Fetch a person's identity from KPS (\"Bilgileri Getir\", ROLE-2)", "users", {},
               R"({"type":"object","required":["tckn","firstName","lastName"],"properties":{"tckn":{"type":"string"},"firstName":{"type":"string"},"lastName":{"type":"string"}}})",
               R"({"type":"object","properties":{"tckn":{"type":"string"},"firstName":{"type":"string"},"lastName":{"type":"string"},"registeredIndividual":{"type":"boolean"}}})"}});
  router.Add({"POST", "/api/v1/users", Access::kEmployer, kAdmin, {}, true,
              [&app](RequestContext& ctx) {
                auto body = JsonBody::Parse(ctx.req.body);
                if (!body.ok()) return Fail(ctx, body.error());
                CreateAuthorizedUser c{"", body->Str("tckn"), body->Str("firstName"), body->Str("lastName")};
                if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                return Answer(ctx, HandleCreateAuthorizedUser(app.services(), ctx.env, ctx.session->employer_id, c));
              },
              {"Add an authorized user (\"Yetkili Oluştur\", ROLE-3): a registered individual, no permissions yet",
               "users", {}, R"({"type":"object","required":["tckn","firstName","lastName"],"properties":{"tckn":{"type":"string"},"firstName":{"type":"string"},"lastName":{"type":"string"}}})",
               R"({"type":"object","properties":{"id":{"type":"string"},"version":{"type":"integer"},"position":{"type":"integer"}}})", 201}});
  router.Add({"GET", "/api/v1/users/{userId}", Access::kEmployer, kAdmin, {}, false,
              [&app](RequestContext& ctx) {
                auto& s = app.services();
                const auto e = s.employers.Load("employer-" + ctx.session->employer_id);
                auto it = e.state.users.find(ctx.req.params["userId"]);
                if (it == e.state.users.end()) return Problem("user_not_found", ctx.lang);
                return WithETag(JsonResponse(200, UserJson(s, e.state, it->second)), e.version);
              },
              {"One authorized user's account information (\"Kullanıcı Hesabı Bilgileri\")", "users", {}, "", kUserSchema}});
  router.Add({"PUT", "/api/v1/users/{userId}", Access::kEmployer, kAdmin, {}, false,
              [&app](RequestContext& ctx) {
                const auto if_match = ParseIfMatch(ctx.req.Header("If-Match"));
                if (!if_match) return Problem("version_mismatch", ctx.lang, "If-Match is not a version");
                auto body = JsonBody::Parse(ctx.req.body);
                if (!body.ok()) return Fail(ctx, body.error());
                UpdateAuthorizedUser c;
                c.user_id = ctx.req.params["userId"];
                c.admin = body->Bool("admin");
                if (const auto* perms = body->Find("permissions"); perms && perms->is_array()) {
                  for (const auto& p : perms->as_array()) {
                    if (!p.is_string()) return Fail(ctx, Error{"invalid_type", {{"permissions", "invalid_type"}}, {}});
                    if (!IsAcceptableText(p.as_string())) return Fail(ctx, Error::Validation({{"permissions", "invalid_text"}}));
                    c.permissions.emplace_back(p.as_string());
                  }
                } else if (perms) {
                  return Fail(ctx, Error{"invalid_type", {{"permissions", "invalid_type"}}, {}});
                }
                c.closing_date = body->Str("accountClosingDate");
                c.locked = body->Bool("locked");
                if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                return Answer(ctx, HandleUpdateAuthorizedUser(app.services(), ctx.env, ctx.session->employer_id,
                                                              *if_match, c));
              },
              {"Save a user's roles at once (ROLE-4..7): admin flag, permissions, account closing date (null clears), locked; "
               "the primary admin's roles cannot be changed",
               "users", {},
               R"({"type":"object","properties":{"admin":{"type":"boolean"},"permissions":{"type":"array","items":{"type":"string"}},"accountClosingDate":{"type":"string","format":"date","nullable":true},"locked":{"type":"boolean"}}})",
               R"({"type":"object","properties":{"id":{"type":"string"},"version":{"type":"integer"},"position":{"type":"integer"}}})"}});
}

}  // namespace istihdam::http

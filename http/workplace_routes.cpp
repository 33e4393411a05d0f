// Workplaces — "İşveren Bilgileri" (EMP-1..EMP-4).
#include <boost/json.hpp>

#include "aggregates/permissions.h"
#include "commands/workplaces.h"
#include "http/app.h"
#include "http/json_io.h"
#include "projections/workplaces.h"

namespace istihdam::http {

namespace {

constexpr const char* kInfoProps = R"("district":{"type":"string"},"address":{"type":"string"},"postalCode":{"type":"string"},
"phone":{"type":"string"},"email":{"type":"string"},"activity":{"type":"string"},
"contacts":{"type":"array","items":{"type":"object","properties":{"type":{"type":"string","enum":["phone","mobile","fax","email","web"]},"value":{"type":"string"}}}},
"relatedPersons":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"title":{"type":"string"},"phone":{"type":"string"},"email":{"type":"string"}}}},
"otherInfo":{"type":"string"})";

const std::string kDetailSchema = std::string(R"({"type":"object","properties":{"id":{"type":"string"},"employerId":{"type":"string"},
"iskurNo":{"type":"string"},"title":{"type":"string"},"sgkNo":{"type":"string"},"taxNo":{"type":"string"},"province":{"type":"string"},
"headquarters":{"type":"boolean"},"headquartersId":{"type":"string"},"version":{"type":"integer"},)") + kInfoProps + "}}";
const std::string kCreateSchema = std::string(R"({"type":"object","required":["title","sgkNo","province","district","address"],"properties":{
"title":{"type":"string"},"sgkNo":{"type":"string"},"taxNo":{"type":"string"},"province":{"type":"string"},)") + kInfoProps + "}}";
const std::string kUpdateSchema = std::string(R"({"type":"object","description":"The document GET returned, with changes; id, title, sgkNo, taxNo, province, headquarters and version are ignored","properties":{)") + kInfoProps + "}}";
constexpr const char* kListSchema = R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{
"id":{"type":"string"},"title":{"type":"string"},"sgkNo":{"type":"string"},"taxNo":{"type":"string"},"province":{"type":"string"},
"district":{"type":"string"},"headquarters":{"type":"boolean"},"headquartersId":{"type":"string"}}}},
"page":{"type":"integer"},"pageSize":{"type":"integer"},"total":{"type":"integer"},"totalPages":{"type":"integer"}}})";
constexpr const char* kCommandSchema = R"({"type":"object","properties":{"id":{"type":"string"},"version":{"type":"integer"},"position":{"type":"integer"}}})";

events::WorkplaceInfo ParseInfo(JsonBody& b) {
  events::WorkplaceInfo info;
  info.district = b.Str("district");
  info.address = b.Text("address");
  info.postal_code = b.Str("postalCode");
  info.phone = b.Str("phone");
  info.email = b.Str("email");
  info.activity = b.Text("activity");
  for (auto& c : b.Objects("contacts")) info.contacts.push_back({c.Str("type"), c.Str("value")});
  for (auto& p : b.Objects("relatedPersons")) {
    info.related_persons.push_back({p.Str("name"), p.Str("title"), p.Str("phone"), p.Str("email")});
  }
  info.other_info = b.Text("otherInfo");
  return info;
}

}  // namespace

void AddWorkplaceRoutes(App& app, Router& router) {
  const std::string perm(permissions::kEmployerInfo);
  router.Add({"GET", "/api/v1/workplaces", Access::kEmployer, perm, {}, false,
              [&app](RequestContext& ctx) {
                auto page = ParsePage(ctx.req);
                if (!page.ok()) return Fail(ctx, page.error());
                WorkplaceFilter f{ctx.req.Query("title").value_or(""), ctx.req.Query("sgkNo").value_or(""),
                                  ctx.req.Query("taxNo").value_or("")};
                return JsonResponse(200, ListWorkplaces(app.projections().View("workplaces"),
                                                        ctx.session->employer_id, f,
                                                        {page->first, page->second}));
              },
              {"The employer's headquarters and branch workplaces (EMP-1)", "workplaces",
               {"title", "sgkNo", "taxNo", "page", "pageSize"}, "", kListSchema}});
  router.Add({"POST", "/api/v1/workplaces", Access::kEmployer, perm, {}, true,
              [&app](RequestContext& ctx) {
                auto body = JsonBody::Parse(ctx.req.body);
                if (!body.ok()) return Fail(ctx, body.error());
                RegisterWorkplace c{body->Str("title"), body->Str("sgkNo"), body->Str("taxNo"),
                                    body->Str("province"), ParseInfo(*body), ""};
                if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                return Answer(ctx, HandleRegisterWorkplace(app.services(), ctx.env, ctx.session->employer_id, std::move(c)));
              },
              {"Register a workplace; the first in a province is its headquarters, later ones its branches (EMP-3, EMP-4)",
               "workplaces", {}, kCreateSchema,
               R"({"type":"object","properties":{"id":{"type":"string"},"headquarters":{"type":"boolean"},"headquartersId":{"type":"string"},"version":{"type":"integer"},"position":{"type":"integer"}}})", 201}});
  router.Add({"GET", "/api/v1/workplaces/{id}", Access::kEmployer, perm, {}, false,
              [&app](RequestContext& ctx) {
                auto doc = GetWorkplace(app.projections().View("workplaces"), ctx.session->employer_id,
                                        ctx.req.params["id"]);
                if (!doc) return Problem("workplace_not_found", ctx.lang);
                return VersionedJsonResponse(*doc);
              },
              {"A workplace with every section of the update wizard; ETag is its version", "workplaces", {}, "", kDetailSchema}});
  router.Add({"PUT", "/api/v1/workplaces/{id}", Access::kEmployer, perm, {}, false,
              [&app](RequestContext& ctx) {
                const auto if_match = ParseIfMatch(ctx.req.Header("If-Match"));
                if (!if_match) return Problem("version_mismatch", ctx.lang, "If-Match is not a version");
                auto body = JsonBody::Parse(ctx.req.body);
                if (!body.ok()) return Fail(ctx, body.error());
                UpdateWorkplaceInfo c{ctx.session->employer_id, ParseInfo(*body)};
                if (auto st = body->TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                return Answer(ctx, HandleUpdateWorkplace(app.services(), ctx.env, ctx.req.params["id"], *if_match, c));
              },
              {"Save the whole update wizard draft (EMP-2); If-Match: \"<version>\" makes a stale draft a 412",
               "workplaces", {}, kUpdateSchema, kCommandSchema}});
}

}  // namespace istihdam::http

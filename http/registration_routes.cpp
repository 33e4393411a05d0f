// POST /api/v1/registrations — legal-entity (and natural-person) employer registration.
#include "commands/registration.h"
#include "http/app.h"
#include "http/json_io.h"

namespace istihdam::http {

namespace {

constexpr const char* kRequestSchema = R"({"type":"object","required":["termsAccepted","employer","representative"],"properties":{
"termsAccepted":{"type":"boolean"},"termsVersion":{"type":"string"},
"employer":{"type":"object","required":["kind","title","taxNo","sector","province","district","address","phone"],"properties":{
"kind":{"type":"string","enum":["legalEntity","naturalPerson"]},"title":{"type":"string"},"taxOffice":{"type":"string"},
"taxNo":{"type":"string","description":"VKN (10 digits) for legal entities, TCKN for natural persons"},
"sgkNo":{"type":"string","description":"26-digit SGK workplace number, optional"},
"sector":{"type":"string","enum":["private","public"]},"province":{"type":"string","description":"plate code 01-81"},
"district":{"type":"string"},"address":{"type":"string"},"phone":{"type":"string"},"email":{"type":"string"}}},
"representative":{"type":"object","required":["tckn","firstName","lastName","password","secretQuestion","secretAnswer","preferredContact"],"properties":{
"tckn":{"type":"string"},"firstName":{"type":"string"},"lastName":{"type":"string"},"password":{"type":"string"},
"passwordRepeat":{"type":"string"},"secretQuestion":{"type":"string"},"secretAnswer":{"type":"string"},
"email":{"type":"string"},"mobile":{"type":"string"},"preferredContact":{"type":"string","enum":["email","sms","postalAddress"]}}}}})";

constexpr const char* kResponseSchema = R"({"type":"object","properties":{"employerId":{"type":"string"},"iskurNo":{"type":"string"},
"headquartersId":{"type":"string"},"userId":{"type":"string"},"position":{"type":"integer"}}})";

}  // namespace

void AddRegistrationRoutes(App& app, Router& router) {
  router.Add({"POST", "/api/v1/registrations", Access::kPublic, "", {}, true,
              [&app](RequestContext& ctx) {
                auto body = JsonBody::Parse(ctx.req.body);
                if (!body.ok()) return Fail(ctx, body.error());
                auto& b = *body;
                RegisterEmployer c;
                c.terms_accepted = b.Bool("termsAccepted");
                c.terms_version = b.Str("termsVersion");
                c.kind = b.Str("employer.kind");
                c.title = b.Str("employer.title");
                c.tax_office = b.Str("employer.taxOffice");
                c.tax_no = b.Str("employer.taxNo");
                c.sgk_no = b.Str("employer.sgkNo");
                c.sector = b.Str("employer.sector");
                c.province = b.Str("employer.province");
                c.district = b.Str("employer.district");
                c.address = b.Text("employer.address");
                c.phone = b.Str("employer.phone");
                c.email = b.Str("employer.email");
                auto& r = c.representative;
                r.tckn = b.Str("representative.tckn");
                r.first_name = b.Str("representative.firstName");
                r.last_name = b.Str("representative.lastName");
                r.password = b.Str("representative.password");
                r.password_repeat = b.Str("representative.passwordRepeat");
                r.secret_question = b.Str("representative.secretQuestion");
                r.secret_answer = b.Str("representative.secretAnswer");
                r.email = b.Str("representative.email");
                r.mobile = b.Str("representative.mobile");
                r.preferred_contact = b.Str("representative.preferredContact");
                if (auto st = b.TypeErrors(); !st.ok()) return Fail(ctx, st.error());
                return Answer(ctx, HandleRegisterEmployer(app.services(), ctx.env, std::move(c)));
              },
              {"Register a legal-entity employer (AUTH-1); the representative becomes its primary admin",
               "registration", {}, kRequestSchema, kResponseSchema, 201},
              true});
}

}  // namespace istihdam::http

// The OpenAPI 3.0 document, generated from the route table so it cannot miss a route.
// Contract rules (docs/api.md "Contract tooling"): every operation has a camelCase operationId
// derived from its method and path, a `security` requirement ([] when public) and a declared
// tag; Redocly's recommended lint passes with no errors.
#include <boost/json.hpp>

#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

#include "http/app.h"
#include "http/contract/common.h"

namespace istihdam::http {

namespace {

boost::json::object ProblemRef(const char* description) {
  return {{"description", description},
          {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

// No licence file in the repository: the code belongs to the agency and is not published.
constexpr const char* kLicenseName = "Proprietary — Türkiye İş Kurumu";

std::string TagDescription(const std::string& tag) {
  static const std::map<std::string, std::string> kDescriptions = {
      {"service", "Health, metrics, this document and the interactive docs at /docs"},
      {"reference", "Reference data: provinces, districts, SGK exit reasons"},
      {"registration", "Employer registration (AUTH-1, AUTH-3)"},
      {"auth", "Log in with firm selection, log out (AUTH-4)"},
      {"workplaces", "Headquarters and branch workplaces (EMP-1..EMP-4)"},
      {"events", "The auditors' view of the event log and of one stream's history"},
      {"identity", "Individual users and natural-person employers (AUTH-2)"},
      {"password-reset", "Password reset with the secret question (AUTH-5..AUTH-7)"},
      {"staff", "Agency staff users (head office)"},
      {"users", "The employer's authorized users and their roles (ROLE-1..ROLE-7)"},
      {"workforce schedules", "Monthly workforce schedules and the bulk personnel form (WS-1..WS-12)"},
      {"quota", "Disabled and ex-convict employment quota (QUOTA-1..QUOTA-3)"},
      {"collective dismissals", "Collective dismissal notifications (CD-1..CD-4)"},
      {"TYP", "Community benefit programs: programs, participants, attendance (TYP-1..TYP-4)"},
      {"benefit declarations", "İKT/İÖ/KÇÖ benefit declarations (DECL-1)"},
      {"labor demands", "The employer's labor demands and their candidate lists (LD-1..LD-11)"},
      {"job postings", "Open job postings: public search, detail, change feed and typeahead (JOB-1..JOB-8)"},
      {"job seekers", "The job seeker's résumé and applications (JOB-9)"},
      {"candidates", "Matching, selection, invitations, interview results and referrals (LD-6..LD-8)"},
      {"reports", "The employer's labor demand reports as JSON, PDF or XLSX (RPT-1..RPT-5)"},
      {"occupations", "The occupation dictionary: ISCO-08 and national occupations"},
      {"impact surveys", "The impact-analysis survey (Etki Analizi Anketi): questionnaire, general survey per headquarters and year (SURV-1..SURV-3)"},
      {"overseas", "Overseas employment (Yurtdışı İstihdam): projects abroad, quota allocations per employer and country, dispatches with atomic quota consumption on approval, extensions, worker and subcontractor quota transfers (OVS-1..10)"},
      {"private employment bureaus", "Private employment agencies (Özel İstihdam Büroları, OEB-1..6): membership, bureau page and public directory, list report, confidential period reports (Dönem İşlemleri)"},
      {"audit", "Signed checkpoints of the event log's Merkle tree, and inclusion and consistency proofs for auditors (docs/audit.md)"},
      {"courses", "Courses (Kurs/Programlar): agency and external courses, their status machine, criteria, trainers, trainee candidates and trainees, course reports (CRS-1..CRS-25)"},
  };
  const auto it = kDescriptions.find(tag);
  return it == kDescriptions.end() ? tag : it->second;
}

std::string AccessName(const Route& r) {
  switch (r.access) {
    case Access::kUndeclared: return "";
    case Access::kPublic: return "public";
    case Access::kEmployer: return "employer";
    case Access::kStaff: return "staff";
    case Access::kAnyUser: return "anyUser";
    case Access::kEmployerOrStaff: return "employerOrStaff";
    case Access::kIndividual: return "individual";
  }
  return "";
}

// "workforce-schedules" -> {"workforce", "schedules"}: the words of a path segment.
std::vector<std::string> Words(const std::string& segment) {
  std::vector<std::string> words(1);
  for (char c : segment) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      words.back() += c;
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// A plural English noun ends in "s" but not in "ss" or "us" (status, address).
bool IsPlural(const std::string& word) {
  const auto n = word.size();
  return n > 1 && word[n - 1] == 's' && word[n - 2] != 's' && word[n - 2] != 'u';
}

std::string Singular(const std::string& word) {
  if (!IsPlural(word)) return word;
  if (word.size() > 4 && word.ends_with("uses")) return word.substr(0, word.size() - 2);  // statuses
  if (word == "overseas") return word;  // an adverb, not a plural
  if (word.size() > 4 && (word.ends_with("ches") || word.ends_with("shes") || word.ends_with("xes")))
    return word.substr(0, word.size() - 2);  // dispatches
  return word.substr(0, word.size() - 1);
}

void AppendCapitalized(std::string* out, const std::string& word) {
  if (word.empty()) return;
  *out += static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  *out += word.substr(1);
}

}  // namespace

std::string OperationId(const std::string& method, const std::string& pattern) {
  std::string path = pattern;
  if (path.starts_with("/api/v1/")) path = path.substr(7);
  std::vector<std::string> segments;
  for (std::size_t start = 1; start <= path.size();) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  // The static segments name the resource; each one but the last is singular (the parameter
  // after it, or the sub-resource, picks one of them).
  std::vector<std::string> nouns;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (segments[i].front() == '{') continue;
    auto words = Words(segments[i]);
    const bool last_static = i + 1 == segments.size();
    if (!last_static && !words.empty()) words.back() = Singular(words.back());
    nouns.insert(nouns.end(), words.begin(), words.end());
  }
  const bool on_item = !segments.empty() && segments.back().front() == '{';
  const bool on_collection = !on_item && !nouns.empty() && IsPlural(nouns.back());
  std::string verb;
  if (method == "GET") {
    verb = on_collection ? "list" : "get";
  } else if (method == "POST") {
    verb = on_collection ? "create" : "post";
  } else {
    verb = method;
    for (auto& c : verb) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (on_collection && method == "POST") nouns.back() = Singular(nouns.back());
  std::string id = verb;
  for (const auto& n : nouns) AppendCapitalized(&id, n);
  return id;
}

std::string BuildOpenApi(const Router& router) {
  boost::json::object paths;
  std::set<std::string> operation_ids;
  boost::json::array tags;
  std::set<std::string> tag_names;
  for (const auto& r : router.routes()) {
    if (tag_names.insert(r.doc.tag).second) {
      tags.push_back({{"name", r.doc.tag}, {"description", TagDescription(r.doc.tag)}});
    }
    boost::json::object op;
    op["summary"] = r.doc.summary;
    op["tags"] = boost::json::array{boost::json::string(r.doc.tag)};
    op["operationId"] = r.doc.operation_id.empty() ? OperationId(r.method, r.pattern) : r.doc.operation_id;
    if (!operation_ids.insert(op["operationId"].as_string().c_str()).second) {
      throw std::logic_error("duplicate operationId " + std::string(op["operationId"].as_string()) +
                             "; set RouteDoc::operation_id on one of the routes");
    }
    op["x-access"] = AccessName(r);
    if (!r.permission.empty()) op["x-permission"] = r.permission;
    if (!r.staff_roles.empty()) {
      boost::json::array roles;
      for (const auto role : r.staff_roles) roles.emplace_back(ActorTypeOf(role));
      op["x-staff-roles"] = std::move(roles);
    }
    boost::json::array params;
    std::size_t pos = 0;
    while ((pos = r.pattern.find('{', pos)) != std::string::npos) {
      const auto end = r.pattern.find('}', pos);
      params.push_back({{"name", r.pattern.substr(pos + 1, end - pos - 1)}, {"in", "path"}, {"required", true},
                        {"schema", {{"type", "string"}}}});
      pos = end;
    }
    for (const auto& q : r.doc.query) params.push_back(q);
    if (r.method == "GET") {
      params.push_back({{"name", "minPosition"}, {"in", "query"}, {"required", false},
                        {"description", "wait (up to 2 s) until the read models have applied this position"},
                        {"schema", {{"type", "integer"}}}});
    }
    if (r.idempotent) {
      params.push_back({{"name", "Idempotency-Key"}, {"in", "header"}, {"required", false},
                        {"description", "a repeated key for the same user returns the first answer and writes nothing"},
                        {"schema", {{"type", "string"}}}});
    }
    if (r.method == "PUT") {
      params.push_back({{"name", "If-Match"}, {"in", "header"}, {"required", false},
                        {"description", "\"<version>\" from the ETag of the GET; a stale one gets 412"},
                        {"schema", {{"type", "string"}}}});
    }
    params.push_back({{"name", "Accept-Language"}, {"in", "header"}, {"required", false},
                      {"schema", {{"type", "string"}, {"enum", {"tr", "en"}}}}});
    op["parameters"] = std::move(params);
    if (!r.doc.request_schema.is_null()) {
      boost::json::object media{{"schema", r.doc.request_schema}};
      if (!r.doc.request_example.is_null()) media["example"] = r.doc.request_example;
      op["requestBody"] = {{"required", true}, {"content", {{"application/json", std::move(media)}}}};
    }
    boost::json::object responses;
    boost::json::object ok{{"description", "success"}};
    if (!r.doc.response_schema.is_null()) {
      ok["content"] = {{r.doc.response_type, {{"schema", r.doc.response_schema}}}};
    } else if (r.doc.response_type.starts_with("text/")) {
      ok["content"] = {{r.doc.response_type, {{"schema", {{"type", "string"}}}}}};
    } else if (r.doc.response_type != "application/json") {
      ok["content"] = {{r.doc.response_type, {{"schema", {{"type", "string"}, {"format", "binary"}}}}}};
    }
    responses[std::to_string(r.doc.success_status)] = std::move(ok);
    responses["400"] = ProblemRef("malformed JSON, wrong types or bad parameters");
    if (r.access != Access::kPublic) {
      responses["401"] = ProblemRef("no or bad token");
      responses["403"] = ProblemRef("not allowed for this user");
      op["security"] = boost::json::array{{{"bearer", boost::json::array()}}};
    } else {
      op["security"] = boost::json::array();  // public: no token needed
    }
    if (r.pattern.find('{') != std::string::npos) responses["404"] = ProblemRef("unknown, or another employer's");
    if (r.method != "GET") {
      responses["409"] = ProblemRef("a domain rule refuses it in the current state");
      responses["422"] = ProblemRef("field validation; errors[] names every field");
    }
    if (r.method == "GET" && !r.doc.query.empty()) {
      responses["422"] = ProblemRef("a parameter names an unknown code, or the search has too many results");
    }
    if (r.method == "PUT") responses["412"] = ProblemRef("If-Match no longer matches");
    op["responses"] = std::move(responses);
    std::string method = r.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(c));
    auto& item = paths[r.pattern];
    if (!item.is_object()) item = boost::json::object();
    item.as_object()[method] = std::move(op);
  }
  boost::json::object doc;
  doc["openapi"] = "3.0.3";
  doc["info"] = {{"title", "istihdam — employer portal API"},
                 {"version", "1"},
                 {"description",
                  "The employer portal API of the public employment service (Türkiye İş Kurumu): employers "
                  "register and log in, manage workplaces and users, file workforce schedules, see their quota, "
                  "notify collective dismissals, submit benefit declarations and track TYP attendance; agency staff "
                  "run TYP programs and read declarations and the audit log.\n\n"
                  "Log in with `POST /api/v1/auth/login` and send the token as `Authorization: Bearer <token>`. "
                  "Errors are `application/problem+json` with a stable `code` and Turkish text (English with "
                  "`Accept-Language: en`). Every command answers with the `position` of its last event; pass it as "
                  "`?minPosition=` to a GET to read your own write. Conventions: docs/api.md."},
                 {"license", {{"name", kLicenseName}}}};
  doc["servers"] = boost::json::array{{{"url", "/"}, {"description", "this server"}}};
  doc["tags"] = std::move(tags);
  doc["paths"] = std::move(paths);
  doc["components"] = {
      {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}},
      {"schemas", {{contract::common::ProblemDoc::kComponent, wire::SchemaWriter::DefinitionOf<contract::common::ProblemDoc>({})},
                   {contract::common::EventDoc::kComponent, wire::SchemaWriter::DefinitionOf<contract::common::EventDoc>({})}}}};
  return boost::json::serialize(doc);
}

}  // namespace istihdam::http

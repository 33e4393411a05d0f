// The OpenAPI 3.0 document, generated from the route table so it cannot miss a route.
#include <boost/json.hpp>

#include "http/app.h"

namespace istihdam::http {

namespace {

boost::json::value Schema(const std::string& text) {
  if (text.empty()) return boost::json::object{{"type", "object"}};
  return boost::json::parse(text);
}

boost::json::object ProblemRef(const char* description) {
  return {{"description", description},
          {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

std::string AccessName(const Route& r) {
  switch (r.access) {
    case Access::kPublic: return "public";
    case Access::kEmployer: return "employer";
    case Access::kStaff: return "staff";
    case Access::kAnyUser: return "anyUser";
    case Access::kEmployerOrStaff: return "employerOrStaff";
  }
  return "";
}

}  // namespace

std::string BuildOpenApi(const Router& router) {
  boost::json::object paths;
  for (const auto& r : router.routes()) {
    boost::json::object op;
    op["summary"] = r.doc.summary;
    op["tags"] = boost::json::array{boost::json::string(r.doc.tag)};
    op["operationId"] = r.method + " " + r.pattern;
    op["x-access"] = AccessName(r);
    if (!r.permission.empty()) op["x-permission"] = r.permission;
    if (!r.staff_roles.empty()) {
      boost::json::array roles;
      for (const auto& s : r.staff_roles) roles.emplace_back(s);
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
    for (const auto& q : r.doc.query_params) {
      params.push_back({{"name", q}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}});
    }
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
    if (!r.doc.request_schema.empty()) {
      op["requestBody"] = {{"required", true},
                           {"content", {{"application/json", {{"schema", Schema(r.doc.request_schema)}}}}}};
    }
    boost::json::object responses;
    boost::json::object ok{{"description", "success"}};
    if (!r.doc.response_schema.empty()) {
      ok["content"] = {{"application/json", {{"schema", Schema(r.doc.response_schema)}}}};
    }
    responses[std::to_string(r.doc.success_status)] = std::move(ok);
    responses["400"] = ProblemRef("malformed JSON, wrong types or bad parameters");
    if (r.access != Access::kPublic) {
      responses["401"] = ProblemRef("no or bad token");
      responses["403"] = ProblemRef("not allowed for this user");
      op["security"] = boost::json::array{{{"bearer", boost::json::array()}}};
    }
    if (r.pattern.find('{') != std::string::npos) responses["404"] = ProblemRef("unknown, or another employer's");
    if (r.method != "GET") {
      responses["409"] = ProblemRef("a domain rule refuses it in the current state");
      responses["422"] = ProblemRef("field validation; errors[] names every field");
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
                 {"description", "Event-sourced backend of the public employment service's employer portal. "
                                 "Errors are application/problem+json with a stable code."}};
  doc["paths"] = std::move(paths);
  doc["components"] = {
      {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}},
      {"schemas",
       {{"Problem",
         boost::json::parse(R"({"type":"object","properties":{"type":{"type":"string"},"title":{"type":"string"},
"status":{"type":"integer"},"code":{"type":"string"},"detail":{"type":"string"},"errors":{"type":"array","items":{"type":"object",
"properties":{"field":{"type":"string"},"code":{"type":"string"},"message":{"type":"string"}}}}}})")},
        {"Event",
         boost::json::parse(R"({"type":"object","properties":{"position":{"type":"integer"},"streamId":{"type":"string"},
"version":{"type":"integer"},"eventId":{"type":"string"},"type":{"type":"string"},"schemaVersion":{"type":"integer"},
"recordedAt":{"type":"string","format":"date-time"},"actor":{"type":"object","properties":{"userId":{"type":"string"},
"actorType":{"type":"string"},"employerId":{"type":"string"}}},"correlationId":{"type":"string"},"causationId":{"type":"string"},
"idempotencyKey":{"type":"string"},"data":{"type":"object"},"hash":{"type":"string"},"prevHash":{"type":"string"}}})")}}}};
  return boost::json::serialize(doc);
}

}  // namespace istihdam::http

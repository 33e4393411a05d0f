// GET /docs: interactive API docs (Swagger UI from npm's swagger-ui-dist, pointing at
// /openapi.json), served from config docs_dir. Only the files Swagger UI needs are served, by
// exact name, so no request reaches any other file of the directory.
#include <array>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "http/app.h"

namespace istihdam::http {

namespace {

struct Asset {
  const char* name;
  const char* content_type;
};

constexpr std::array<Asset, 5> kAssets{{
    {"swagger-ui.css", "text/css; charset=utf-8"},
    {"swagger-ui-bundle.js", "text/javascript; charset=utf-8"},
    {"swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8"},
    {"favicon-32x32.png", "image/png"},
    {"favicon-16x16.png", "image/png"},
}};

// The page: the stylesheet and the two bundles of swagger-ui-dist, started on /openapi.json.
constexpr const char* kIndexHtml = R"(<!DOCTYPE html>
<html lang="tr">
<head>
  <meta charset="utf-8">
  <title>istihdam API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
  <link rel="icon" type="image/png" href="/docs/favicon-16x16.png" sizes="16x16">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: "/openapi.json",
      dom_id: "#swagger-ui",
      deepLinking: true,
      displayOperationId: true,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: "StandaloneLayout"
    });
  </script>
</body>
</html>
)";

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

HttpResponse NotInstalled(const RequestContext& ctx) {
  return Problem(errc::kDocsNotInstalled, ctx.lang,
                 "Swagger UI's files are not in the docs directory (config docsDir, --docs-dir)");
}

}  // namespace

void AddDocsRoutes(App& app, Router& router) {
  const std::filesystem::path dir = app.config().docs_dir;
  // Routes, not Endpoints: the answers are static files.
  router.Add(Route{.method = "GET", .pattern = "/docs", .access = Access::kPublic,
                   .handler = [dir](RequestContext& ctx) {
                     std::error_code ec;
                     if (!std::filesystem::is_regular_file(dir / "swagger-ui-bundle.js", ec)) return NotInstalled(ctx);
                     HttpResponse r;
                     r.content_type = "text/html; charset=utf-8";
                     r.body = kIndexHtml;
                     return r;
                   },
                   .doc = {.summary = "Interactive API docs (Swagger UI) for this document", .tag = "service",
                           .operation_id = "getDocsPage", .response_type = "text/html"}});
  router.Add(Route{.method = "GET", .pattern = "/docs/{file}", .access = Access::kPublic,
                   .handler = [dir](RequestContext& ctx) {
                     const std::string& name = ctx.req.params["file"];
                     for (const auto& asset : kAssets) {
                       if (name != asset.name) continue;
                       auto body = ReadFile(dir / asset.name);
                       if (!body) return NotInstalled(ctx);
                       HttpResponse r;
                       r.content_type = asset.content_type;
                       r.body = std::move(*body);
                       r.headers.emplace_back("Cache-Control", "public, max-age=3600");
                       return r;
                     }
                     return Problem(errc::kNotFound, ctx.lang);
                   },
                   .doc = {.summary = "A file of the interactive API docs (only Swagger UI's own files)",
                           .tag = "service", .operation_id = "getDocsAsset",
                           .response_type = "application/octet-stream"}});
}

}  // namespace istihdam::http

#include "http/app.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>

#include "http/server.h"

namespace istihdam::http {

std::unique_ptr<App> App::Open(const Config& config, const Clock* clock) {
  crypto::Init();
  std::unique_ptr<App> app(new App());
  std::filesystem::create_directories(config.data_dir);
  auto ref = ReferenceData::Load(config.reference_dir);
  if (!ref.ok()) throw std::runtime_error("reference data: " + ref.error().code + " " + ref.error().detail);
  auto db = Database::Open(config.data_dir);
  if (!db.ok()) throw std::runtime_error("database: " + db.error().detail);
  app->metrics_ = std::make_unique<Metrics>();
  app->db_ = std::move(db).value();
  app->store_ = std::make_unique<EventStore>(app->db_.get(), clock, app->metrics_.get());
  app->services_ = std::make_unique<Services>(config, clock, app->db_.get(), app->store_.get(),
                                              app->metrics_.get(), std::move(ref).value());
  app->projections_ = std::make_unique<ProjectionEngine>(app->db_.get(), app->store_.get(), app->metrics_.get());
  app->router_ = std::make_unique<Router>(*app);
  RegisterContexts(*app, app->registry_, *app->projections_, *app->router_);
  return app;
}

App::~App() {
  if (projections_) projections_->Stop();
}

int App::Serve() {
  projections_->Start();
  if (config().demo) SeedDemoData(*this);
  HttpServer server(config(), [this](HttpRequest& req) { return router_->Dispatch(req); });
  const auto port = server.Listen();
  if (!config().port_file.empty()) {
    const std::string tmp = config().port_file + ".tmp";
    std::ofstream(tmp) << port << "\n";
    std::filesystem::rename(tmp, config().port_file);
  }
  spdlog::info("istihdam listening on http://{}:{} (data {}, log position {})", config().bind_address,
               port, config().data_dir, store_->LastPosition());
  server.Run();
  projections_->Stop();
  spdlog::info("stopped");
  return 0;
}

}  // namespace istihdam::http

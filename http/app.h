#pragma once
// The application: opens the database, wires the write side, the read side and the routes of
// every bounded context (http/contexts.cpp), and serves HTTP.
#include <memory>

#include "commands/services.h"
#include "events/event_registry.h"
#include "http/event_types.h"
#include "http/router.h"
#include "infra/config.h"
#include "infra/database.h"
#include "infra/event_store.h"
#include "infra/kafka_consumer.h"
#include "infra/kafka_publisher.h"
#include "infra/replica_log.h"
#include "infra/metrics.h"
#include "projections/job_search.h"
#include "projections/merkle_log.h"
#include "projections/projection_engine.h"

namespace istihdam::http {

class App {
 public:
  // Opens everything under config.data_dir; throws std::runtime_error with a readable
  // message when the database or the reference data cannot be opened. `clock` must outlive
  // the App.
  static std::unique_ptr<App> Open(const Config& config, const Clock* clock = &SystemClock::Instance());
  ~App();

  // Starts the projectors and the HTTP server; returns when the server stops.
  int Serve();

  const Config& config() const { return services_->config; }
  Services& services() { return *services_; }
  EventStore& store() { return *store_; }
  Database& db() { return *db_; }
  Metrics& metrics() { return *metrics_; }
  ProjectionEngine& projections() { return *projections_; }
  // The job postings' search index; it follows the job_postings projection (Serve starts it;
  // tests that do not serve call its CatchUp after the projections').
  JobSearch& job_search() { return *job_search_; }
  const events::EventRegistry& registry() const { return registry_; }
  Router& router() { return *router_; }
  // Kafka (docs/events.md): the outbox relay of a write node with --kafka-brokers, and the
  // replica log and consumer of a read replica (--role read); nullptr when absent.
  const KafkaPublisher* publisher() const { return publisher_.get(); }
  const ReplicaLog* replica_log() const { return replica_log_.get(); }
  // The event log this node serves (event history API): the local store, or on a read
  // replica its copy of the log received from Kafka; and stream reads over the same.
  EventSource& event_log() { return *event_log_; }
  StreamReader& streams() { return *services_->reader; }
  std::uint64_t replica_lag_messages() const { return consumer_ ? consumer_->LagMessages() : 0; }
  // Signed checkpoints of the log's Merkle tree (docs/audit.md).
  CheckpointSigner& checkpoints() { return *checkpoints_; }
  // Starts the relay or the consumer (Serve() does it; tests that do not serve call it).
  void StartKafka();
  void StopKafka();

 private:
  App() = default;
  void ReportMemory(Metrics& m);
  std::unique_ptr<Metrics> metrics_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<EventStore> store_;
  std::unique_ptr<Services> services_;
  events::EventRegistry registry_;
  std::unique_ptr<ProjectionEngine> projections_;
  std::unique_ptr<JobSearch> job_search_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<ReplicaLog> replica_log_;
  std::unique_ptr<LogEventSource> local_log_;
  EventSource* event_log_ = nullptr;
  std::unique_ptr<KafkaPublisher> publisher_;
  std::unique_ptr<KafkaConsumer> consumer_;
  std::unique_ptr<KafkaRecordProducer> checkpoint_producer_;  // istihdam.checkpoints, with Kafka
  std::unique_ptr<CheckpointSigner> checkpoints_;  // after projections_ and its producer: stops first
};

// http/contexts.cpp: the one place where bounded contexts register their event types,
// projectors and routes.
void RegisterContexts(App& app, events::EventRegistry& registry, ProjectionEngine& projections,
                      Router& router);

// The OpenAPI 3 document of every route.
std::string BuildOpenApi(const Router& router);
// The camelCase operationId of a route: a verb (get, list = GET of a collection, create = POST
// to a collection, post, put, delete) and the static path segments after /api/v1, singular
// except the last: GET /api/v1/workplaces/{id} -> getWorkplace, PUT
// /api/v1/workplaces/{id}/workforce-schedules/{month}/personnel ->
// putWorkplaceWorkforceSchedulePersonnel.
std::string OperationId(const std::string& method, const std::string& pattern);

// Demo employers, workplaces and an auditor, when the store is empty (docs in README).
void SeedDemoData(App& app);
// http/typ_demo_data.cpp: the TYP part of the demo data, a program hosted by `host_id`.
void SeedTypDemoData(App& app, const CommandEnv& env, const std::string& host_id);
// http/demo_courses.cpp: courses of İstanbul in every status served by `provider_id` (after
// SeedTypDemoData, whose unit user runs them).
void SeedCourseDemoData(App& app, const CommandEnv& env, const std::string& provider_id);
// http/demo_overseas.cpp: a head-office user and the overseas project, quota and dispatches of
// `employer_id` (README "Overseas employment").
void SeedOverseasDemoData(App& app, const CommandEnv& env, const std::string& employer_id);
void SeedBureauDemoData(App& app, const CommandEnv& env, const std::string& employer_id);
// Demo job postings (http/demo_postings.cpp): `employers` new employers (development identity
// mode: their representatives are generated) and `postings` labor demands spread over them,
// through the command path; deterministic for a seed. Returns how many postings were written.
Result<std::size_t> SeedDemoPostings(Services& s, const CommandEnv& env, std::size_t postings, std::size_t employers,
                                     std::uint64_t seed);
// Demo benefit declarations of the demo employers (http/demo_benefit_declarations.cpp).
// `employer_ids`: the demo employers in registration order (their plans follow that order).
void SeedDemoBenefitDeclarations(Services& s, const CommandEnv& env, const std::vector<std::string>& employer_ids);
// The previous year's general impact survey of the employer's first headquarters
// (http/demo_impact_surveys.cpp).
void SeedDemoImpactSurvey(Services& s, const CommandEnv& env, const std::string& employer_id);

}  // namespace istihdam::http

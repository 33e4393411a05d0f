#pragma once
// The write side's dependencies, built once by the application (http/app.cpp) and shared by
// every handler thread. Members are thread-safe or immutable after construction.
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <string>

#include "aggregates/collective_dismissal.h"
#include "aggregates/course.h"
#include "aggregates/employer.h"
#include "aggregates/impact_survey.h"
#include "aggregates/job_seeker.h"
#include "aggregates/labor_demand.h"
#include "aggregates/occupation_dictionary.h"
#include "aggregates/overseas.h"
#include "aggregates/private_employment_bureau.h"
#include "aggregates/trainer.h"
#include "aggregates/typ_attendance.h"
#include "aggregates/typ_program.h"
#include "aggregates/user_account.h"
#include "aggregates/workforce_schedule.h"
#include "aggregates/workplace.h"
#include "commands/command_context.h"
#include "commands/session_cache.h"
#include "events/event_registry.h"
#include "infra/crypto.h"
#include "infra/identity_provider.h"
#include "infra/rate_limiter.h"
#include "infra/side_table.h"

namespace istihdam {

// Failed attempts against TCKNs that have no account, kept in memory so that they lock out
// exactly like real accounts do (no account enumeration through the lockout). Thread-safe.
class PhantomFailures {
 public:
  void Record(const std::string& key, Micros at);
  std::vector<Micros> Of(const std::string& key);

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::vector<Micros>> failures_;
};

struct Services {
  // Aggregates are loaded through `reader`: the event store on a write node, the replica log
  // on a read replica (which has no command side).
  Services(Config cfg, const Clock* clk, Database* database, EventStore* event_store,
           StreamReader* reader, Metrics* m, ReferenceData reference);

  Config config;
  const Clock* clock;
  Database* db;
  SideTables tables;  // credentials, sessions, password resets, meta rows
  EventStore* store;      // commands only: empty on a read replica
  StreamReader* reader;   // aggregate loading on both roles
  Metrics* metrics;  // nullable
  ReferenceData ref;
  crypto::PasswordCost password_cost;
  std::string installation_secret;  // random, created with the database (docs/storage.md)
  IdAllocator ids;
  SequenceLocks sequences;  // see SequenceLocks: TYP and declaration numbers
  Repository<EmployerState, events::EmployerEvent> employers;
  Repository<WorkplaceState, events::WorkplaceEvent> workplaces;
  Repository<UserAccountState, events::UserAccountEvent> users;
  Repository<StaffState, events::StaffEvent> staff;
  Repository<WorkforceScheduleLedger, events::WorkforceScheduleEvent> schedules{reader, config.aggregate_cache_entries};
  Repository<CollectiveDismissalState, events::CollectiveDismissalEvent> dismissals{reader, config.aggregate_cache_entries};
  Repository<TypProgramState, events::TypProgramEvent> typ_programs{reader, config.aggregate_cache_entries};
  Repository<TypAttendanceState, events::TypAttendanceEvent> typ_attendance{reader, config.aggregate_cache_entries};
  Repository<LaborDemandState, events::LaborDemandEvent> labor_demands{reader, config.aggregate_cache_entries};
  Repository<ResumeState, events::ResumeEvent> resumes{reader, config.aggregate_cache_entries};
  Repository<NationalOccupations, events::OccupationEvent> occupations{reader, config.aggregate_cache_entries};
  Repository<CourseState, events::CourseEvent> courses{reader, config.aggregate_cache_entries};
  Repository<TraineeHistory, events::TraineeHistoryEvent> trainee_histories{reader, config.aggregate_cache_entries};
  Repository<TrainerState, events::TrainerEvent> trainers{reader, config.aggregate_cache_entries};
  Repository<ImpactSurveyState, events::ImpactSurveyEvent> impact_surveys{reader, config.aggregate_cache_entries};
  // Overseas employment (docs/overseas.md)
  Repository<OverseasProjectState, events::OverseasProjectEvent> overseas_projects{reader, config.aggregate_cache_entries};
  Repository<AllocationState, events::OverseasQuotaEvent> overseas_quotas{reader, config.aggregate_cache_entries};
  Repository<DispatchState, events::DispatchEvent> dispatches{reader, config.aggregate_cache_entries};
  Repository<TransferState, events::OverseasTransferEvent> overseas_transfers{reader, config.aggregate_cache_entries};
  Repository<BureauState, events::BureauEvent> bureaus{reader, config.aggregate_cache_entries};
  Repository<PeriodReportState, events::PeriodReportEvent> period_reports{reader, config.aggregate_cache_entries};
  std::unique_ptr<IdentityProvider> identity;  // KPS adapter
  LockoutPolicy lockout;
  RateLimiter per_tckn_limiter;  // login and password reset attempts per TCKN
  PhantomFailures phantom_failures;
  // Reads a session row by SessionKey: the "sessions" table by default; a read replica points
  // it at its projection of the login events (http/app.cpp).
  std::function<bool(const std::string& key, std::string* value)> find_session;
  // A count that changes whenever a row find_session reads may have been removed: the
  // sessions table's removals by default; a read replica uses its projection position.
  std::function<std::uint64_t()> session_epoch;
  SessionCache session_cache{config.session_cache_entries};  // see commands/session.h
  // Every event type (http/contexts.cpp sets it): Execute refuses events whose text is not
  // acceptable (events/text_check.h). Null only in tests that build Services by hand.
  const events::EventRegistry* registry = nullptr;

  // Aggregate states held in memory by all the repositories above.
  std::size_t CachedAggregateStates();

  // The local date (config utc_offset_minutes) of now, "YYYY-MM-DD".
  std::string Today() const;
};

}  // namespace istihdam

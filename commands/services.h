#pragma once
// The write side's dependencies, built once by the application (http/app.cpp) and shared by
// every handler thread. Members are thread-safe or immutable after construction.
#include <string>

#include "aggregates/employer.h"
#include "aggregates/user_account.h"
#include "aggregates/workplace.h"
#include "commands/command_context.h"
#include "infra/crypto.h"

namespace istihdam {

struct Services {
  Services(Config cfg, const Clock* clk, Database* database, EventStore* event_store,
           Metrics* m, ReferenceData reference);

  Config config;
  const Clock* clock;
  Database* db;
  EventStore* store;
  Metrics* metrics;  // nullable
  ReferenceData ref;
  crypto::PasswordCost password_cost;
  std::string installation_secret;  // random, created with the database (docs/storage.md)
  IdAllocator ids;
  Repository<EmployerState, events::EmployerEvent> employers;
  Repository<WorkplaceState, events::WorkplaceEvent> workplaces;
  Repository<UserAccountState, events::UserAccountEvent> users;
  Repository<StaffState, events::StaffEvent> staff;
};

}  // namespace istihdam

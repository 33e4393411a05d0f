// The one place where bounded contexts plug in: their event types (for the JSON views and
// docs), their projectors and their routes. Adding a context = adding its files and a few
// lines here.
#include "events/employers.h"
#include "events/identity.h"
#include "events/workplaces.h"
#include "http/app.h"
#include "projections/workplaces.h"

namespace istihdam::http {

void RegisterEventTypes(events::EventRegistry& registry) {
  registry.Register<events::EmployerEvent>();
  registry.Register<events::WorkplaceEvent>();
  registry.Register<events::UserAccountEvent>();
  registry.Register<events::StaffEvent>();
  registry.Register<events::ReservationEvent>();
}

void RegisterContexts(App& app, events::EventRegistry& registry, ProjectionEngine& projections,
                      Router& router) {
  RegisterEventTypes(registry);
  projections.Add(MakeWorkplacesProjector());

  AddServiceRoutes(app, router);
  AddReferenceRoutes(app, router);
  AddRegistrationRoutes(app, router);
  AddAuthRoutes(app, router);
  AddWorkplaceRoutes(app, router);
  AddEventRoutes(app, router);
}

}  // namespace istihdam::http

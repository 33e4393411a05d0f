// The one place where bounded contexts plug in: their event types (for the JSON views and
// docs), their projectors and their routes. Adding a context = adding its files and a few
// lines here.
#include "events/benefit_declarations.h"
#include "events/collective_dismissals.h"
#include "events/employers.h"
#include "events/identity.h"
#include "events/workforce_schedules.h"
#include "events/workplaces.h"
#include "events/typ.h"
#include "http/app.h"
#include "projections/benefit_declarations.h"
#include "projections/collective_dismissals.h"
#include "projections/quota_status.h"
#include "projections/workforce_schedules.h"
#include "projections/workplaces.h"
#include "projections/typ.h"

namespace istihdam::http {

void RegisterContexts(App& app, events::EventRegistry& registry, ProjectionEngine& projections,
                      Router& router) {
  RegisterEventTypes(registry);
  app.services().registry = &registry;
  projections.Add(MakeWorkplacesProjector());
  projections.Add(MakeWorkforceSchedulesProjector());
  projections.Add(MakeQuotaStatusProjector(app.config().quota_rules));
  projections.Add(MakeCollectiveDismissalsProjector());
  projections.Add(MakeTypProjector());
  projections.Add(MakeBenefitDeclarationsProjector());

  AddServiceRoutes(app, router);
  AddDocsRoutes(app, router);
  AddReferenceRoutes(app, router);
  AddRegistrationRoutes(app, router);
  AddAuthRoutes(app, router);
  AddWorkplaceRoutes(app, router);
  AddEventRoutes(app, router);
  AddIdentityRoutes(app, router);
  AddUserRoutes(app, router);
  AddWorkforceRoutes(app, router);
  AddQuotaRoutes(app, router);
  AddCollectiveDismissalRoutes(app, router);
  AddTypRoutes(app, router);
  AddBenefitDeclarationRoutes(app, router);
}

}  // namespace istihdam::http

// The one place where bounded contexts plug in: their projectors and their routes (their
// event types are listed in http/event_types.cpp, which the event-decoder fuzz target links
// without the routes). Adding a context = adding its files and a few lines here.
#include "events/benefit_declarations.h"
#include "events/collective_dismissals.h"
#include "events/employers.h"
#include "events/identity.h"
#include "events/occupations.h"
#include "events/workforce_schedules.h"
#include "events/workplaces.h"
#include "events/typ.h"
#include "events/labor_demands.h"
#include "http/app.h"
#include "projections/benefit_declarations.h"
#include "projections/collective_dismissals.h"
#include "projections/occupations.h"
#include "projections/quota_status.h"
#include "projections/workforce_schedules.h"
#include "projections/workplaces.h"
#include "projections/typ.h"
#include "projections/job_postings.h"
#include "projections/job_seekers.h"
#include "projections/labor_demands.h"
#include "projections/candidates.h"
#include "projections/courses.h"
#include "projections/overseas.h"
#include "projections/trainers.h"
#include "projections/impact_surveys.h"
#include "projections/private_employment_bureaus.h"
#include "projections/merkle_log.h"  // audit: signed checkpoints

namespace istihdam::http {

// Route groups, one per file http/<context>_routes.cpp.
void AddServiceRoutes(App& app, Router& router);
void AddReferenceRoutes(App& app, Router& router);
void AddRegistrationRoutes(App& app, Router& router);
void AddAuthRoutes(App& app, Router& router);
void AddWorkplaceRoutes(App& app, Router& router);
void AddEventRoutes(App& app, Router& router);
void AddIdentityRoutes(App& app, Router& router);
void AddUserRoutes(App& app, Router& router);
void AddWorkforceRoutes(App& app, Router& router);
void AddQuotaRoutes(App& app, Router& router);
void AddCollectiveDismissalRoutes(App& app, Router& router);
void AddTypRoutes(App& app, Router& router);
void AddBenefitDeclarationRoutes(App& app, Router& router);
void AddDocsRoutes(App& app, Router& router);
void AddLaborDemandRoutes(App& app, Router& router);
void AddJobSeekerRoutes(App& app, Router& router);
void AddJobPostingRoutes(App& app, Router& router);
void AddJobCodeRoutes(App& app, Router& router);
void AddOccupationRoutes(App& app, Router& router);
void AddCandidateReportRoutes(App& app, Router& router);
void AddCourseRoutes(App& app, Router& router);
void AddOverseasRoutes(App& app, Router& router);
void AddCourseCandidateRoutes(App& app, Router& router);
void AddCourseReportRoutes(App& app, Router& router);
void AddTrainerRoutes(App& app, Router& router);
void AddImpactSurveyRoutes(App& app, Router& router);
void AddPrivateEmploymentBureauRoutes(App& app, Router& router);
void AddCheckpointRoutes(App& app, Router& router);  // audit: checkpoints and proofs

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
  projections.Add(MakeLaborDemandsProjector(app.services().ref));
  projections.Add(MakeJobSeekersProjector());
  projections.Add(MakeJobPostingsProjector(app.services().ref));
  projections.Add(MakeOccupationsProjector());
  projections.Add(MakeCandidatesProjector());
  projections.Add(MakeCoursesProjector());
  projections.Add(MakeTrainersProjector());
  projections.Add(MakeImpactSurveysProjector());
  projections.Add(MakeOverseasProjector());
  projections.Add(MakePrivateEmploymentBureausProjector());
  projections.Add(MakeMerkleProjector());  // audit: the log's Merkle tree

  AddServiceRoutes(app, router);
  AddDocsRoutes(app, router);
  AddReferenceRoutes(app, router);
  AddJobCodeRoutes(app, router);
  AddOccupationRoutes(app, router);
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
  AddLaborDemandRoutes(app, router);
  AddJobSeekerRoutes(app, router);
  AddJobPostingRoutes(app, router);
  AddCandidateReportRoutes(app, router);
  AddCourseRoutes(app, router);
  AddCourseCandidateRoutes(app, router);
  AddCourseReportRoutes(app, router);
  AddTrainerRoutes(app, router);
  AddImpactSurveyRoutes(app, router);
  AddOverseasRoutes(app, router);
  AddPrivateEmploymentBureauRoutes(app, router);
  AddCheckpointRoutes(app, router);
}

}  // namespace istihdam::http

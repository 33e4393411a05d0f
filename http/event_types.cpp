// Every event type of every bounded context, registered by its stable name (events/
// event_registry.h). Kept apart from contexts.cpp so that tools that only need the event
// types (the event-decoder fuzz target, tests/fuzz/) link without the routes and projectors.
#include "events/benefit_declarations.h"
#include "events/collective_dismissals.h"
#include "events/courses.h"
#include "events/employers.h"
#include "events/identity.h"
#include "events/impact_surveys.h"
#include "events/job_seekers.h"
#include "events/labor_demands.h"
#include "events/occupations.h"
#include "events/overseas.h"
#include "events/private_employment_bureaus.h"
#include "events/trainers.h"
#include "events/typ.h"
#include "events/workforce_schedules.h"
#include "events/workplaces.h"
#include "http/event_types.h"

namespace istihdam::http {

void RegisterEventTypes(events::EventRegistry& registry) {
  registry.Register<events::EmployerEvent>();
  registry.Register<events::WorkplaceEvent>();
  registry.Register<events::UserAccountEvent>();
  registry.Register<events::StaffEvent>();
  registry.Register<events::ReservationEvent>();
  registry.Register<events::WorkforceScheduleEvent>();
  registry.Register<events::CollectiveDismissalEvent>();
  registry.Register<events::TypProgramEvent>();
  registry.Register<events::TypAttendanceEvent>();
  registry.Register<events::BenefitDeclarationEvent>();
  registry.Register<events::LaborDemandEvent>();
  registry.Register<events::ResumeEvent>();
  registry.Register<events::OccupationEvent>();
  registry.Register<events::CourseEvent>();
  registry.Register<events::TraineeHistoryEvent>();
  registry.Register<events::TrainerEvent>();
  registry.Register<events::TrainerReservationEvent>();
  registry.Register<events::ImpactSurveyEvent>();
  // Overseas employment (docs/overseas.md)
  registry.Register<events::OverseasProjectEvent>();
  registry.Register<events::OverseasQuotaEvent>();
  registry.Register<events::DispatchEvent>();
  registry.Register<events::OverseasTransferEvent>();
  // Private employment agencies (period reports: confidential streams).
  registry.Register<events::BureauEvent>();
  registry.Register<events::PeriodReportEvent>();
}

}  // namespace istihdam::http

// The code sets of job vacancies (api/jobs.md "Codes"), served whole to anyone.
#include "http/app.h"
#include "http/contract/job_codes.h"
#include "http/endpoint.h"

namespace istihdam::http {

using namespace contract::job_codes;

void AddJobCodeRoutes(App&, Router& router) {
  const JobCodes all = JobCodes::FromSets();
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/job-codes", .access = Access::kPublic,
      .summary = "Every code set of job vacancies by its name, each as [{code, nameTr, nameEn}] in its order",
      .tag = "reference",
      .handle = [all](RequestContext&) -> Result<JobCodes> { return all; }});
}

}  // namespace istihdam::http

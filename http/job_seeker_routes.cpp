// Job seekers and candidates (api/jobs.md "Job seekers", "Matching and candidates"; DOMAIN.md
// §2.1.1.2 "Eleman Seç", "Aday Gör"): the résumé, applying to a posting, matching, the
// selection, the agency's referral, invitations and interview results.
#include "aggregates/permissions.h"
#include "commands/job_seekers.h"
#include "http/app.h"
#include "http/contract/job_seekers.h"
#include "http/endpoint.h"
#include "projections/job_seekers.h"

namespace istihdam::http {

using namespace contract::job_seekers;

void AddJobSeekerRoutes(App& app, Router& router) {
  const std::string perm(permissions::kLaborDemand);
  const auto view = [&app] { return app.projections().View(kJobSeekersProjection); };
  const std::string seekers = "job seekers", candidates = "candidates";
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/me/resume", .access = Access::kIndividual, .idempotent = true,
      .summary = "SaveResume (Özgeçmiş): create or replace the job seeker's résumé; If-Match optional",
      .tag = seekers,
      .example = R"({"occupations":["2512"],"educationLevel":"bachelor","fieldOfStudy":"Bilgisayar Mühendisliği",)"
                 R"("languages":[{"language":"en","level":"B2"}],"drivingLicences":["B"],"militaryStatus":"completed",)"
                 R"("personalStatuses":[],"province":"34","district":"Kadıköy","experienceMonths":36,)"
                 R"("activeProfile":true})",
      .handle = [&app](RequestContext& c, const ResumeBody& b) -> Result<ResumeSaved> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        return AnswerFrom<ResumeSaved>(
            HandleSaveResume(app.services(), c.env, *pinned, {c.session->user_id, b.ToResume()}));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/me/resume", .access = Access::kIndividual,
      .summary = "The job seeker's résumé with the registration's names and birth date; ETag is its version",
      .tag = seekers,
      .handle = [view](RequestContext& c) -> Result<ResumeDocument> {
        return AnswerFrom<ResumeDocument>(GetResume(view(), c.session->user_id), errc::kResumeNotFound);
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/job-postings/{demandNo}/applications", .access = Access::kIndividual,
      .idempotent = true,
      .summary = "ApplyToJobPosting: refusals in a fixed order (job_posting_not_found, posting_closed, "
                 "already_applied, profile_inactive, not_eligible with every unmet criterion as of the last "
                 "application date)",
      .tag = seekers, .status = 201, .example = "{}",
      .handle = [&app](RequestContext& c, const ApplicationBody&) -> Result<CandidateSaved> {
        return AnswerFrom<CandidateSaved>(
            HandleApplyToJobPosting(app.services(), c.env, c.req.params["demandNo"], c.session->user_id));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/labor-demands/{demandNo}/matches", .access = Access::kEmployer,
      .permission = perm,
      .summary = "MatchJobSeekers (Eleman Seç): eligible active job seekers whose résumé lists the occupation, "
                 "not yet candidates, by score; no TCKN or contact data",
      .tag = candidates,
      .handle = [&app, view](RequestContext& c, const MatchQuery& q) -> Result<wire::PageOf<MatchRow>> {
        auto filters = q.ToFilters(app.services().ref);
        if (!filters.ok()) return filters.error();
        auto found = MatchJobSeekers(view(), c.session->employer_id, c.req.params["demandNo"], *filters, q.requested());
        if (!found.ok()) return found.error();
        return AnswerFrom<wire::PageOf<MatchRow>>(*found);
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/labor-demands/{demandNo}/candidates", .access = Access::kEmployer,
      .permission = perm, .idempotent = true,
      .summary = "SelectCandidates (İşçi Seçme): all or nothing; 409 already_candidate or not_matching name the "
                 "job seekers",
      .tag = candidates, .status = 201, .example = R"({"jobSeekerIds":["4000000001"]})",
      .handle = [&app](RequestContext& c, const SelectBody& b) -> Result<CandidatesSelected> {
        return AnswerFrom<CandidatesSelected>(HandleSelectCandidates(
            app.services(), c.env, c.req.params["demandNo"], c.session->employer_id, b.job_seeker_ids));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/labor-demands/{demandNo}/candidates/{candidateId}/invitation",
      .access = Access::kEmployer, .permission = perm, .idempotent = true,
      .summary = "InviteCandidate: the interview's date and address; again reschedules it; 409 once the "
                 "interview is recorded",
      .tag = candidates,
      .example = R"({"interviewDate":"2027-01-15T10:00:00+03:00","interviewAddress":"Moda Cad. 1 Kadıköy"})",
      .handle = [&app](RequestContext& c, const InvitationBody& b) -> Result<CandidateSaved> {
        return AnswerFrom<CandidateSaved>(HandleInviteCandidate(
            app.services(), c.env, c.req.params["demandNo"],
            {c.session->employer_id, c.req.params["candidateId"], b.interview_date, b.interview_address, b.note}));
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/labor-demands/{demandNo}/candidates/{candidateId}/interview",
      .access = Access::kEmployer, .permission = perm,
      .summary = "RecordCandidateInterview: the result of an invited candidate's interview; again corrects it",
      .tag = candidates, .example = R"({"result":"hired","note":"1 Şubat'ta başlıyor"})",
      .handle = [&app](RequestContext& c, const InterviewBody& b) -> Result<CandidateSaved> {
        return AnswerFrom<CandidateSaved>(
            HandleRecordInterview(app.services(), c.env, c.req.params["demandNo"],
                                  {c.session->employer_id, c.req.params["candidateId"], b.result, b.note}));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/labor-demands/{demandNo}/referrals", .access = Access::kStaff,
      .staff_roles = {StaffRole::kUnitUser, StaffRole::kHeadOfficeUser, StaffRole::kAuditor}, .idempotent = true,
      .summary = "ReferCandidate (Gönderme): a unit user of the work address's province sends a job seeker; "
                 "other staff see no such demand (404)",
      .tag = candidates, .status = 201, .example = R"({"jobSeekerId":"4000000001"})",
      .handle = [&app](RequestContext& c, const ReferralBody& b) -> Result<CandidateSaved> {
        const bool unit = c.session->actor_type == "UnitUser";
        return AnswerFrom<CandidateSaved>(HandleReferCandidate(app.services(), c.env, c.req.params["demandNo"],
                                                               c.session->user_id, unit ? c.session->province : "",
                                                               b.job_seeker_id));
      }});
}

}  // namespace istihdam::http

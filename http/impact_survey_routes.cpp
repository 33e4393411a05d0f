// Impact-analysis survey — "Etki Analizi Anketi" (SURV-1..3): the questionnaire, submitting the
// general survey of a year for a province headquarters, the employer's surveys, viewing and
// changing one. Pinned in api/courses.md "Impact analysis survey"; docs/impact-surveys.md.
#include <boost/json.hpp>

#include "aggregates/permissions.h"
#include "commands/impact_surveys.h"
#include "http/app.h"
#include "http/contract/impact_surveys.h"
#include "http/endpoint.h"
#include "projections/impact_surveys.h"

namespace istihdam::http {

using namespace contract::impact_surveys;

namespace {

constexpr const char* kExample = R"({"workplaceId":"3000000001","year":2025,"kind":"general",
"answers":{"employeesPreviousYearEnd":84,"hiresPreviousYear":12,"plannedHiresNextYear":10,
"workforceOutlook":"increase","usedIskurServices":true,"iskurSatisfaction":"satisfied",
"hardToFillOccupations":"CNC operatörü; deneyimli aday az."}})";

std::int64_t ThisYear(App& app) { return std::stoll(app.services().Today().substr(0, 4)); }

}  // namespace

void AddImpactSurveyRoutes(App& app, Router& router) {
  const std::string perm(permissions::kImpactSurvey);
  const std::string tag = "impact surveys";
  const auto view = [&app] { return app.projections().View("impact_surveys"); };
  // Before /{id}: the router takes the first route whose pattern matches.
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/impact-surveys/questionnaire", .access = Access::kEmployer,
      .permission = perm,
      .summary = "The questionnaire of the impact-analysis survey of a year (default: the current year): the "
                 "configured version in force for that year (impactSurveyQuestionsFile; OP-35)",
      .tag = tag,
      .handle = [&app](RequestContext&, const QuestionnaireQuery& q) -> Result<QuestionnaireView> {
        const std::int64_t year = q.year.value_or(ThisYear(app));
        const auto& qn = app.services().ref.ImpactQuestionnaire(year);
        QuestionnaireView out{year, qn.version, {}};
        for (const auto& question : qn.questions) out.questions.push_back(Question::From(question));
        return out;
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/impact-surveys", .access = Access::kEmployer, .permission = perm,
      .summary = "ListImpactSurveys (SURV-1): the employer's own surveys, newest year first",
      .tag = tag,
      .handle = [view](RequestContext& c, const ListQuery& q) -> Result<wire::PageOf<SurveySummary>> {
        return AnswerFrom<wire::PageOf<SurveySummary>>(
            ListImpactSurveys(view(), c.session->employer_id, q.year, q.kind, q.requested()));
      }});
  router.Add(Endpoint{
      .method = "POST", .path = "/api/v1/impact-surveys", .access = Access::kEmployer, .permission = perm,
      .idempotent = true,
      .summary = "SubmitImpactSurvey (SURV-2): the general survey of a year for a province headquarters, with the "
                 "totals of its branches in the province. 422 names every failing field (workplaceId "
                 "unknown_workplace, year in_future, answers.<questionId>); 409 branch_cannot_fill_survey, "
                 "survey_exists_for_year (one per headquarters and year)",
      .tag = tag, .status = 201, .example = kExample,
      .handle = [&app](RequestContext& c, const NewSurvey& b) -> Result<SurveySubmitted> {
        auto answers = AnswersOf(b.answers);
        if (!answers.ok()) return answers.error();
        SubmitImpactSurvey cmd;
        cmd.employer_id = c.session->employer_id;
        cmd.workplace_id = b.workplace_id;
        cmd.year = b.year;
        cmd.kind = b.kind;
        cmd.answers = std::move(answers).value();
        return AnswerFrom<SurveySubmitted>(HandleSubmitImpactSurvey(app.services(), c.env, std::move(cmd)));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/impact-surveys/{id}", .access = Access::kEmployer, .permission = perm,
      .summary = "GetImpactSurvey (SURV-3): one survey with its answers; ETag is its version; another employer's is 404",
      .tag = tag,
      .handle = [view](RequestContext& c) -> Result<Survey> {
        return AnswerFrom<Survey>(GetImpactSurvey(view(), c.session->employer_id, c.req.params["id"]),
                                  errc::kImpactSurveyNotFound);
      }});
  router.Add(Endpoint{
      .method = "PUT", .path = "/api/v1/impact-surveys/{id}", .access = Access::kEmployer, .permission = perm,
      .summary = "UpdateImpactSurvey (SURV-3): replace all answers (checked like a submission), no time limit; "
                 "If-Match: \"<version>\" makes a stale save a 412",
      .tag = tag,
      .handle = [&app](RequestContext& c, const SurveyChanges& b) -> Result<wire::Changed> {
        auto pinned = PinnedVersion(c);
        if (!pinned.ok()) return pinned.error();
        auto answers = AnswersOf(b.answers);
        if (!answers.ok()) return answers.error();
        UpdateImpactSurvey cmd{c.session->employer_id, std::move(answers).value()};
        return AnswerFrom<wire::Changed>(
            HandleUpdateImpactSurvey(app.services(), c.env, c.req.params["id"], *pinned, cmd));
      }});
}

}  // namespace istihdam::http

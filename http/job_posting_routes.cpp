// Open job postings — "Açık İş İlanları" (DOMAIN.md §2.1.1.1, api/jobs.md "Open job postings"):
// the public search with facets, a posting, the change feed and the typeahead.
#include "http/app.h"
#include "http/contract/job_postings.h"
#include "http/endpoint.h"
#include "projections/job_postings.h"
#include "projections/job_search.h"

namespace istihdam::http {

using namespace contract::job_postings;

void AddJobPostingRoutes(App& app, Router& router) {
  const auto view = [&app] { return app.projections().View(kJobPostingsProjection); };
  const std::string tag = "job postings";
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/job-postings", .access = Access::kPublic, .read_rate_limited = true,
      .summary = "Search the open job postings: every search mode of DOMAIN §2.1.1.1 as parameters, Turkish-aware "
                 "keywords (q), facets over the whole result; over 1000 matches is 422 too_many_results",
      .tag = tag,
      .handle = [&app](RequestContext&, const PostingQuery& q) -> Result<PostingPage> {
        auto criteria = q.ToCriteria(app.services().ref);
        if (!criteria.ok()) return criteria.error();
        auto found = app.job_search().Search(*criteria, app.services().Today(), q.requested());
        if (!found.ok()) return found.error();
        return AnswerFrom<PostingPage>(*found);
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/job-postings/stream", .access = Access::kPublic, .read_rate_limited = true,
      .summary = "The change feed of the postings (added, updated, removed with the reason), in log order; "
                 "a deadline passing makes no entry",
      .tag = tag,
      .handle = [view](RequestContext&, const StreamQuery& q) -> Result<PostingStream> {
        std::uint64_t after = 0;
        std::optional<Micros> since;
        if (!q.since.empty() && q.since.size() <= 19 && q.since.find_first_not_of("0123456789") == std::string::npos) {
          after = std::stoull(q.since);
        } else {
          try {
            since = ParseRfc3339(q.since);
          } catch (const std::exception&) {
            return Error{errc::kInvalidParameter, {{"since", "invalid_format"}}, {}};
          }
        }
        return AnswerFrom<PostingStream>(PostingChanges(view(), after, since, q.limit));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/job-postings/complete", .access = Access::kPublic, .read_rate_limited = true,
      .summary = "Typeahead: positions, occupations, provinces and districts of active postings with a word "
                 "starting with the prefix (Turkish-folded), by the number of postings",
      .tag = tag,
      .handle = [view](RequestContext&, const CompleteQuery& q) -> Result<Completions> {
        return AnswerFrom<Completions>(CompletePostings(view(), q.prefix, q.limit));
      }});
  router.Add(Endpoint{
      .method = "GET", .path = "/api/v1/job-postings/{demandNo}", .access = Access::kPublic,
      .read_rate_limited = true,
      .summary = "GetJobPosting: the posting in full; 404 job_posting_not_found when it is not open",
      .tag = tag,
      .handle = [&app, view](RequestContext& c) -> Result<PostingDetail> {
        return AnswerFrom<PostingDetail>(
            GetPostingDetail(view(), c.req.params["demandNo"], app.services().Today()), errc::kJobPostingNotFound);
      }});
}

}  // namespace istihdam::http

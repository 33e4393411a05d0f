#pragma once
// ?asOf= on the GET of one aggregate's document (docs/audit.md "As-of reads"). A route takes
// AsOfQuery as its query type, so that /openapi.json documents the parameter, and answers with
// AnswerAsOf when the request names a position (or always, for an auditor).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/endpoint.h"
#include "projections/as_of.h"

namespace istihdam::http {

// asOf=<log position> (a positive integer) or asOf=<RFC 3339 instant>.
struct AsOfQuery : wire::Query {
  std::optional<std::string> as_of;
  template <class A>
  void serialize(A& ar) {
    ar(wire::F("asOf", as_of)
           .describe("The document as it stood at this log position (a positive integer) or instant (RFC 3339: "
                     "the last position recorded at or before it); beyond the log's end it is read as of its "
                     "last position. The answer's X-As-Of-Position header names the position used.")
           .maxLength(64));
  }
};

// The position asOf names: nullopt without asOf (and not an auditor), the log's last position
// for an auditor (staff role auditor) without asOf, a position clamped to the log's last one, or 400
// invalid_parameter naming asOf when it is neither a positive integer nor an RFC 3339 instant.
// An instant before the first event gives 0 (nothing existed yet).
Result<std::optional<std::uint64_t>> ResolveAsOf(RequestContext& c, const AsOfQuery& q);

// The calendar date (the agency's UTC offset) on which the event at `position` was recorded;
// what "today" meant for a document as of that position.
std::string DayOf(RequestContext& c, std::uint64_t position);

// The event streams of the request's App (what AnswerAsOf replays).
StreamReader& StreamsOf(RequestContext& c);

// ReplayWithSnapshots (projections/as_of.h) over the App's streams and snapshot family.
void ReplayAsOf(RequestContext& c, Projector& projector, const std::vector<std::string>& streams,
                std::uint64_t position, ScratchTables* scratch);

// Replays `projector` (a fresh instance) over `streams` up to `position` (from the nearest
// snapshot at or below it, writing snapshots on the way), and answers what `get`
// reads from that scratch view (`get(const ReadView&)` -> optional document), or `not_found`.
// Sets X-As-Of-Position on the answer.
template <class A, class Get>
Result<A> AnswerAsOf(RequestContext& c, std::uint64_t position, std::unique_ptr<Projector> projector,
                     const std::vector<std::string>& streams, Get get, const char* not_found) {
  ScratchTables scratch;
  ReplayAsOf(c, *projector, streams, position, &scratch);
  const ReadView view(&scratch);
  auto doc = get(view);
  if (!doc) return Error::Of(not_found);
  c.answer_headers.emplace_back("X-As-Of-Position", std::to_string(position));
  return wire::FromDocument<A>(*doc);
}

}  // namespace istihdam::http

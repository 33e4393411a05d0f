#include "projections/job_seekers.h"

#include <boost/json.hpp>

#include <algorithm>
#include <unordered_set>

#include "aggregates/job_codes.h"
#include "aggregates/job_seeker.h"
#include "events/identity.h"
#include "events/job_seekers.h"
#include "events/json_reader.h"
#include "events/labor_demands.h"
#include "infra/stored_json.h"

namespace istihdam {
namespace {

constexpr const char* kPeople = "people";            // individualId -> {firstName, lastName, birthDate}
constexpr const char* kResumes = "resumes";          // individualId -> GET /me/resume document
constexpr const char* kByOccupation = "by_occupation";  // occupation \0 individualId -> match row
constexpr const char* kDemands = "demands";          // demandNo -> {employerId, status, draft}
constexpr const char* kCandidates = "candidates";    // demandNo \0 jobSeekerId -> ""
constexpr const char* kWhat = "job_seekers";

const std::string kSep(1, '\0');

// The match row: what MatchJobSeeker reads, in a flat form that decodes without a parser.
// Fields are separated by \x1f, list items by \x1e, a language's code and level by \x1d.
constexpr char kField = '\x1f', kItem = '\x1e', kPair = '\x1d';

void AppendList(std::string& out, const std::vector<std::string>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += kItem;
    out += items[i];
  }
  out += kField;
}

std::string EncodeMatchRow(const std::string& birth_date, const events::Resume& r) {
  std::string out = birth_date + kField + r.education_level + kField;
  AppendList(out, r.occupations);
  AppendList(out, r.driving_licences);
  std::vector<std::string> languages;
  for (const auto& l : r.languages) languages.push_back(l.language + kPair + l.level);
  AppendList(out, languages);
  AppendList(out, r.personal_statuses);
  out += r.province + kField + r.district;
  return out;
}

// Splits `s` into `out`, reusing its strings' storage (a scan decodes into one person).
void SplitList(std::string_view s, std::vector<std::string>* out) {
  std::size_t n = 0;
  while (!s.empty()) {
    const auto at = s.find(kItem);
    if (n == out->size()) out->emplace_back();
    (*out)[n++].assign(s.substr(0, at));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + 1);
  }
  out->resize(n);
}

// Decodes a match row into `p`, overwriting every field that matching reads.
void DecodeMatchRow(std::string_view individual_id, std::string_view row, JobSeeker* p) {
  std::string_view f[8];
  for (int i = 0; i < 7; ++i) {
    const auto at = row.find(kField);
    f[i] = row.substr(0, at);
    row.remove_prefix(at == std::string_view::npos ? row.size() : at + 1);
  }
  f[7] = row;
  p->individual_id.assign(individual_id);
  p->birth_date.assign(f[0]);
  p->has_resume = true;
  p->resume.active_profile = true;  // inactive profiles have no rows
  p->resume.education_level.assign(f[1]);
  SplitList(f[2], &p->resume.occupations);
  SplitList(f[3], &p->resume.driving_licences);
  std::size_t n = 0;
  for (std::string_view rest = f[4]; !rest.empty();) {
    const auto end = rest.find(kItem);
    const auto item = rest.substr(0, end);
    const auto at = item.find(kPair);
    if (n == p->resume.languages.size()) p->resume.languages.emplace_back();
    p->resume.languages[n].language.assign(item.substr(0, at));
    p->resume.languages[n++].level.assign(at == std::string_view::npos ? std::string_view{} : item.substr(at + 1));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  p->resume.languages.resize(n);
  SplitList(f[5], &p->resume.personal_statuses);
  p->resume.province.assign(f[6]);
  p->resume.district.assign(f[7]);
}

std::string Str(const boost::json::object& o, const char* k) {
  const auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

class JobSeekersProjector final : public Projector {
 public:
  std::string name() const override { return kWhat; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::UserAccountRegistered, events::ResumeSaved, events::LaborDemandEvent>(); }
  std::vector<std::string> tables() const override { return {kPeople, kResumes, kByOccupation, kDemands, kCandidates}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    if (e.type == events::UserAccountRegistered::kType) {
      const auto u = events::DecodePayload<events::UserAccountRegistered>(e.payload);
      b.Put(kPeople, u.user_id,
            SerializeStoredJson(boost::json::object{
                {"firstName", u.first_name}, {"lastName", u.last_name}, {"birthDate", u.birth_date}}));
    } else if (e.type == events::ResumeSaved::kType) {
      SaveResume(events::DecodePayload<events::ResumeSaved>(e.payload), e.version, b);
    } else if (auto ev = events::Decode<events::LaborDemandEvent>(e)) {
      ApplyDemand(*ev, b);
    }
  }

 private:
  static void SaveResume(const events::ResumeSaved& r, std::uint64_t version, ProjectionBatch& b) {
    std::string doc;
    if (b.Get(kResumes, r.individual_id, &doc)) {
      for (const auto& occ : events::FromJson<events::Resume>(ParseStoredJson(doc, kWhat).as_object()).occupations) {
        b.Delete(kByOccupation, occ + kSep + r.individual_id);
      }
    }
    boost::json::object person;
    if (b.Get(kPeople, r.individual_id, &doc)) person = ParseStoredJson(doc, kWhat).as_object();
    auto o = events::ToJson(r.resume);
    o["individualId"] = r.individual_id;
    for (const char* k : {"firstName", "lastName", "birthDate"}) o[k] = Str(person, k);
    o["version"] = version;
    b.Put(kResumes, r.individual_id, SerializeStoredJson(o));
    if (!r.resume.active_profile) return;  // an inactive profile is never matched
    const std::string row = EncodeMatchRow(Str(person, "birthDate"), r.resume);
    for (const auto& occ : r.resume.occupations) b.Put(kByOccupation, occ + kSep + r.individual_id, row);
  }

  static void ApplyDemand(const events::LaborDemandEvent& ev, ProjectionBatch& b) {
    const std::string no = std::visit([](const auto& x) { return x.demand_no; }, ev);
    const auto add = [&](const std::string& job_seeker) { b.Put(kCandidates, no + kSep + job_seeker, ""); };
    if (const auto* c = std::get_if<events::LaborDemandCreated>(&ev)) {
      b.Put(kDemands, no,
            SerializeStoredJson(boost::json::object{
                {"employerId", c->employer_id}, {"status", "active"}, {"draft", events::ToJson(c->draft)}}));
      return;
    }
    if (const auto* s = std::get_if<events::CandidatesSelected>(&ev)) {
      for (const auto& c : s->candidates) add(c.job_seeker_id);
      return;
    }
    if (const auto* a = std::get_if<events::JobApplicationSubmitted>(&ev)) return add(a->job_seeker_id);
    if (const auto* r = std::get_if<events::CandidateReferred>(&ev)) return add(r->job_seeker_id);
    if (events::IsCandidateEvent(ev)) return;  // invitations and results change no match
    std::string doc;
    if (!b.Get(kDemands, no, &doc)) return;
    if (std::holds_alternative<events::LaborDemandDeleted>(ev)) return b.Delete(kDemands, no);
    auto o = ParseStoredJson(doc, kWhat).as_object();
    if (const auto* u = std::get_if<events::LaborDemandUpdated>(&ev)) o["draft"] = events::ToJson(u->draft);
    if (std::holds_alternative<events::LaborDemandClosed>(ev)) o["status"] = "closed";
    if (std::holds_alternative<events::LaborDemandCancelled>(ev)) o["status"] = "cancelled";
    b.Put(kDemands, no, SerializeStoredJson(o));
  }
};

// The demand the employer owns, as the matcher reads it.
std::optional<events::LaborDemandDraft> OwnedDraft(const ReadView& view, const std::string& employer_id,
                                                   const std::string& demand_no) {
  std::string doc;
  if (!view.Get(kDemands, demand_no, &doc)) return std::nullopt;
  const auto o = ParseStoredJson(doc, kWhat).as_object();
  if (Str(o, "employerId") != employer_id) return std::nullopt;
  return events::FromJson<events::LaborDemandDraft>(o.at("draft").as_object());
}

bool PassesFilters(const JobSeeker& p, const MatchFilters& f) {
  if (!f.province.empty() && p.resume.province != f.province) return false;
  if (!f.district.empty() && p.resume.district != f.district) return false;
  if (!f.education_level.empty()) {
    const auto need = job_codes::Rank(job_codes::kEducationLevel, f.education_level);
    const auto have = job_codes::Rank(job_codes::kEducationLevel, p.resume.education_level);
    if (!have || (need && *have < *need)) return false;
  }
  return true;
}

boost::json::array Strings(const std::vector<std::string>& v) {
  boost::json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

// A way to read job seekers for one demand: `each(draft, consider)` calls consider(person)
// for every person to weigh (the object may be reused between calls), and `load(draft, id,
// person)` reads one person again for the page.
struct SeekerSource {
  std::function<void(const events::LaborDemandDraft&, const std::function<void(const JobSeeker&)>&)> each;
  std::function<bool(const events::LaborDemandDraft&, const std::string&, JobSeeker*)> load;
};

// Ranks the people `source` gives that match, pass the filters and are not candidates. Only
// (score, id) is kept per match; the page's people are read again and described by
// MatchJobSeeker, the rule MatchScore shares.
Result<boost::json::object> Rank(const ReadView& view, const std::string& employer_id, const std::string& demand_no,
                                 const MatchFilters& filters, const Page& page, const SeekerSource& source) {
  const auto draft = OwnedDraft(view, employer_id, demand_no);
  if (!draft) return Error::Of(errc::kLaborDemandNotFound);
  // The demand's candidates, read once (a few hundred at most) rather than once per match.
  std::unordered_set<std::string> candidates;
  const std::string prefix = demand_no + kSep;
  view.Scan(kCandidates, prefix, [&](const std::string& key, const std::string&) {
    candidates.insert(key.substr(prefix.size()));
    return true;
  });
  std::vector<std::pair<std::int64_t, std::string>> ranked;  // (score, id)
  source.each(*draft, [&](const JobSeeker& person) {
    if (!PassesFilters(person, filters) || candidates.count(person.individual_id)) return;
    if (const auto score = MatchScore(*draft, person)) ranked.emplace_back(*score, person.individual_id);
  });
  const auto by_rank = [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
  const std::size_t end = std::min(ranked.size(), FirstRow(page) + page.page_size);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(end), ranked.end(), by_rank);
  boost::json::array items;
  JobSeeker p;
  for (std::size_t i = FirstRow(page); i < end; ++i) {
    const auto& id = ranked[i].second;
    const auto m = source.load(*draft, id, &p) ? MatchJobSeeker(*draft, p) : std::nullopt;
    if (!m) continue;  // cannot happen within one read view
    std::string doc;
    boost::json::object person;
    if (view.Get(kPeople, id, &doc)) person = ParseStoredJson(doc, kWhat).as_object();
    items.push_back(boost::json::object{
        {"jobSeekerId", id}, {"firstName", Str(person, "firstName")}, {"lastName", Str(person, "lastName")},
        {"age", m->age ? boost::json::value(*m->age) : boost::json::value(nullptr)},
        {"province", p.resume.province}, {"district", p.resume.district},
        {"educationLevel", p.resume.education_level}, {"occupations", Strings(p.resume.occupations)},
        {"matchedCriteria", Strings(m->matched_criteria)}, {"score", m->score}});
  }
  return PageEnvelope(std::move(items), ranked.size(), page);
}

JobSeeker FromResumeDocument(const std::string& id, const boost::json::object& o) {
  JobSeeker p;
  p.individual_id = id;
  p.birth_date = Str(o, "birthDate");
  p.has_resume = true;
  p.resume = events::FromJson<events::Resume>(o);
  return p;
}

}  // namespace

std::unique_ptr<Projector> MakeJobSeekersProjector() { return std::make_unique<JobSeekersProjector>(); }

std::optional<boost::json::object> GetResume(const ReadView& view, const std::string& individual_id) {
  std::string doc;
  if (!view.Get(kResumes, individual_id, &doc)) return std::nullopt;
  return ParseStoredJson(doc, kWhat).as_object();
}

Result<boost::json::object> MatchJobSeekers(const ReadView& view, const std::string& employer_id,
                                            const std::string& demand_no, const MatchFilters& filters,
                                            const Page& page) {
  SeekerSource index;
  index.each = [&view](const events::LaborDemandDraft& draft, const std::function<void(const JobSeeker&)>& consider) {
    const std::string prefix = draft.occupation + kSep;
    JobSeeker person;  // decoded into again and again: no allocation per row once warm
    view.ScanViews(kByOccupation, prefix, [&](std::string_view key, std::string_view row) {
      DecodeMatchRow(key.substr(prefix.size()), row, &person);
      consider(person);
      return true;
    });
  };
  index.load = [&view](const events::LaborDemandDraft& draft, const std::string& id, JobSeeker* p) {
    std::string row;
    if (!view.Get(kByOccupation, draft.occupation + kSep + id, &row)) return false;
    DecodeMatchRow(id, row, p);
    return true;
  };
  return Rank(view, employer_id, demand_no, filters, page, index);
}

Result<boost::json::object> MatchJobSeekersByScan(const ReadView& view, const std::string& employer_id,
                                                  const std::string& demand_no, const MatchFilters& filters,
                                                  const Page& page) {
  SeekerSource scan;
  scan.each = [&view](const events::LaborDemandDraft&, const std::function<void(const JobSeeker&)>& consider) {
    view.Scan(kResumes, "", [&](const std::string& id, const std::string& doc) {
      consider(FromResumeDocument(id, ParseStoredJson(doc, kWhat).as_object()));
      return true;
    });
  };
  scan.load = [&view](const events::LaborDemandDraft&, const std::string& id, JobSeeker* p) {
    std::string doc;
    if (!view.Get(kResumes, id, &doc)) return false;
    *p = FromResumeDocument(id, ParseStoredJson(doc, kWhat).as_object());
    return true;
  };
  return Rank(view, employer_id, demand_no, filters, page, scan);
}

}  // namespace istihdam

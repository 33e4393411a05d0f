#include "projections/job_search.h"

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

#include "aggregates/job_codes.h"
#include "infra/error_codes.h"
#include "infra/reference_data.h"
#include "infra/search_index.h"
#include "infra/stored_json.h"
#include "infra/text.h"
#include "infra/turkish_text.h"
#include "projections/job_postings.h"

namespace istihdam {
namespace {

constexpr unsigned kPublishedSlot = 0;  // publishedAt, RFC 3339: sorts as bytes
constexpr unsigned kDeadlineSlot = 1;   // lastApplicationDate, YYYY-MM-DD
// The facets, counted from value slots so that a search reads the data of its page only.
constexpr unsigned kProvinceSlot = 2, kGroupSlot = 3, kPatternSlot = 4, kTypeSlot = 5;
// What the documents hold (SearchIndex::Open): an index of another format is rebuilt.
constexpr const char* kIndexFormat = "job_postings/2";
constexpr std::size_t kCommitEvery = 5000;
// A search with a substring criterion (position, workplace title) reads this many matches of
// its other criteria at most before filtering them.
constexpr std::size_t kMaxSubstringScan = 1'000'000;

std::string Str(const boost::json::object& o, const char* k) {
  const auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The facet fields and the folded texts of the substring criteria, tab-separated, then a
// newline and the listing item: facets and filters read the first line only.
enum Column { kProvince, kOccupation, kWorkingPattern, kWorkplaceType, kFoldedPosition, kFoldedTitle, kColumns };

std::string Data(const boost::json::object& item) {
  std::string line;
  for (const std::string& v : {Str(item, "province"), Str(item, "occupation"), Str(item, "workingPattern"),
                               Str(item, "workplaceType"), FoldForSearch(Str(item, "position")),
                               FoldForSearch(Str(item, "workplaceTitle"))}) {
    std::string clean = v;
    std::replace(clean.begin(), clean.end(), '\t', ' ');
    std::replace(clean.begin(), clean.end(), '\n', ' ');
    line += clean;
    line += '\t';
  }
  return line + "\n" + boost::json::serialize(item);
}

// The listing item of a document's data.
std::string Listing(const std::string& data) { return data.substr(data.find('\n') + 1); }

std::vector<std::string> Columns(const std::string& data) {
  std::vector<std::string> out;
  std::size_t at = 0;
  const std::size_t end = data.find('\n');
  while (out.size() < kColumns && at < end) {
    const auto tab = data.find('\t', at);
    out.push_back(data.substr(at, tab - at));
    at = tab + 1;
  }
  out.resize(kColumns);
  return out;
}

std::string DistrictTerm(const std::string& province, const std::string& district) {
  return province + "/" + FoldForSearch(district);
}

SearchDocument Document(const boost::json::object& item, const std::string& description) {
  SearchDocument d;
  d.id = Str(item, "demandNo");
  d.texts = {{Str(item, "position"), 3},     {Str(item, "occupationName"), 2}, {Str(item, "workplaceTitle"), 2},
             {description, 1},               {Str(item, "provinceName"), 1},   {Str(item, "district"), 1}};
  const std::string occupation = Str(item, "occupation");
  for (std::size_t n = 1; n <= occupation.size(); ++n) d.filters.push_back({"occupation", occupation.substr(0, n)});
  d.filters.push_back({"province", Str(item, "province")});
  d.filters.push_back({"district", DistrictTerm(Str(item, "province"), Str(item, "district"))});
  for (const char* f : {"workingPattern", "workplaceType", "workLocation"}) d.filters.push_back({f, Str(item, f)});
  for (const auto& s : item.at("personalStatus").as_array()) {
    if (s.is_string()) d.filters.push_back({"personalStatus", std::string(s.as_string())});
  }
  const std::string area = Str(item, "businessArea");
  if (!area.empty()) d.filters.push_back({"businessArea", std::string(Utf8Prefix(FoldForSearch(area), 150))});
  d.filters.push_back({"demandNo", d.id});
  d.values[kPublishedSlot] = Str(item, "publishedAt");
  d.values[kDeadlineSlot] = Str(item, "lastApplicationDate");
  d.values[kProvinceSlot] = Str(item, "province");
  d.values[kGroupSlot] = occupation.substr(0, 1);
  d.values[kPatternSlot] = Str(item, "workingPattern");
  d.values[kTypeSlot] = Str(item, "workplaceType");
  d.data = Data(item);
  return d;
}

// Facet entries {"code", "name", "count"} by count descending, then code.
boost::json::array Facet(const std::map<std::string, std::int64_t>& counts,
                         const std::function<std::string(const std::string&)>& name) {
  std::vector<std::pair<std::string, std::int64_t>> rows(counts.begin(), counts.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  boost::json::array out;
  for (const auto& [code, n] : rows) out.push_back({{"code", code}, {"name", name(code)}, {"count", n}});
  return out;
}

}  // namespace

Result<std::unique_ptr<JobSearch>> JobSearch::Open(const std::string& dir, ProjectionEngine* engine,
                                                   const ReferenceData& ref) {
  auto index = SearchIndex::Open(dir, kIndexFormat, {kProvinceSlot, kGroupSlot, kPatternSlot, kTypeSlot});
  if (!index.ok()) return index.error();
  return std::unique_ptr<JobSearch>(new JobSearch(std::move(index).value(), engine, ref));
}

JobSearch::JobSearch(std::unique_ptr<SearchIndex> index, ProjectionEngine* engine, const ReferenceData& ref)
    : index_(std::move(index)), engine_(engine), ref_(ref) {}

JobSearch::~JobSearch() { Stop(); }

std::uint64_t JobSearch::Position() const { return index_->Position(); }

Status JobSearch::Apply(std::uint64_t after, std::uint64_t* last, const std::function<void(std::uint64_t)>& progress) {
  const ReadView view = engine_->View(kJobPostingsProjection);
  Status st = Status::Ok();
  std::size_t pending = 0;
  *last = after;
  ForEachPostingChange(view, after, [&](std::uint64_t position, const boost::json::object& entry) {
    const auto& posting = entry.at("posting");
    st = posting.is_object()
             ? index_->Replace(Document(posting.as_object(), Str(entry, "description")))
             : index_->Remove(Str(entry, "demandNo"));
    if (!st.ok()) return false;
    *last = position;
    if (++pending == kCommitEvery) {
      st = index_->Commit(position);
      pending = 0;
      if (progress) progress(position);
    }
    return st.ok();
  });
  if (st.ok() && pending > 0) st = index_->Commit(*last);
  return st;
}

Status JobSearch::CatchUp() {
  std::lock_guard lock(write_mu_);
  std::uint64_t last = 0;
  return Apply(index_->Position(), &last, {});
}

Status JobSearch::Rebuild(const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
  std::lock_guard lock(write_mu_);
  const std::uint64_t total = engine_->Position(kJobPostingsProjection);
  Status st = index_->Clear();
  if (!st.ok()) return st;
  std::uint64_t last = 0;
  st = Apply(0, &last, [&](std::uint64_t done) {
    if (progress) progress(done, total);
  });
  if (st.ok() && last == 0) st = index_->Commit(0);  // an empty feed: commit the cleared index
  if (progress) progress(total, total);
  return st;
}

void JobSearch::Start() {
  if (running_.exchange(true)) return;
  thread_ = std::thread([this] { Run(); });
}

void JobSearch::Stop() {
  if (!running_.exchange(false)) return;
  if (thread_.joinable()) thread_.join();
}

void JobSearch::Run() {
  while (running_) {
    const std::uint64_t seen = engine_->Position(kJobPostingsProjection);
    const Status st = CatchUp();
    {
      std::lock_guard lock(error_mu_);
      if (!st.ok() && error_.empty()) spdlog::error("search index job_search: {} {}", st.error().code, st.error().detail);
      error_ = st.ok() ? "" : st.error().code + ": " + st.error().detail;
    }
    // Wakes when the projections pass `seen` (a new event), at the latest after a moment so
    // that Stop() is noticed and a failing index is retried.
    engine_->WaitFor(seen + 1, std::chrono::steady_clock::now() + std::chrono::milliseconds(st.ok() ? 250 : 2000));
  }
}

ProjectionHealth JobSearch::Health() const {
  ProjectionHealth h;
  h.name = kJobSearchProjection;
  h.position = index_->Position();
  h.lag = 0;  // the feed has no entry for most positions: once it is indexed there is no lag to count
  std::lock_guard lock(error_mu_);
  h.stalled = !error_.empty();
  h.error = error_;
  return h;
}

Result<boost::json::object> JobSearch::Search(const PostingCriteria& c, const std::string& today,
                                             const Page& page) const {
  SearchQuery q;
  q.words = c.q;
  const auto add = [&q](const char* field, const std::vector<std::string>& values) {
    for (const auto& v : values) q.filters.push_back({field, v});
  };
  add("province", c.provinces);
  add("occupation", c.occupations);
  add("personalStatus", c.personal_statuses);
  add("workplaceType", c.workplace_types);
  add("workLocation", c.work_locations);
  add("workingPattern", c.working_patterns);
  if (!c.district.empty() && c.provinces.size() == 1) {
    q.filters.push_back({"district", DistrictTerm(c.provinces.front(), c.district)});
  }
  if (!c.business_area.empty()) {
    q.filters.push_back({"businessArea", std::string(Utf8Prefix(FoldForSearch(c.business_area), 150))});
  }
  if (!c.demand_no.empty()) q.filters.push_back({"demandNo", std::string(Utf8Prefix(c.demand_no, 100))});
  q.min_value = SearchValueBound{kDeadlineSlot, today};
  const bool by_date = c.sort == "date" || (c.sort.empty() && QueryWords(c.q).empty());
  q.order = by_date ? SearchOrder::kValueDescending : SearchOrder::kRelevance;
  q.sort_slot = kPublishedSlot;
  q.count_slots = {kProvinceSlot, kGroupSlot, kPatternSlot, kTypeSlot};
  const std::string position = FoldForSearch(c.position), title = FoldForSearch(c.workplace_title);
  boost::json::array items;
  std::size_t total = 0;
  std::map<std::string, std::int64_t> provinces, groups, patterns, types;
  if (position.empty() && title.empty()) {
    // The index counts and pages: only the page's documents are read.
    q.offset = FirstRow(page);
    q.limit = page.page_size;
    q.count_up_to = kMaxPostingResults + 1;
    auto found = index_->Search(q);
    if (!found.ok()) return found.error();
    if (!found->total_exact || found->total > kMaxPostingResults) return Error::Of(errc::kTooManyResults);
    total = found->total;
    for (const auto& hit : found->hits) items.push_back(ParseStoredJson(Listing(hit.data), "job_search"));
    const auto take = [&found](unsigned slot, std::map<std::string, std::int64_t>& into) {
      for (const auto& [value, n] : found->value_counts[slot]) into[value] = static_cast<std::int64_t>(n);
    };
    take(kProvinceSlot, provinces);
    take(kGroupSlot, groups);
    take(kPatternSlot, patterns);
    take(kTypeSlot, types);
  } else {
    // A substring criterion: the matches of the other criteria are read and filtered here.
    auto found = index_->SearchAll(q, kMaxSubstringScan);
    if (!found.ok()) return found.error();
    std::vector<const SearchHit*> hits;
    for (const auto& hit : found->hits) {
      const auto cols = Columns(hit.data);
      if (!position.empty() && cols[kFoldedPosition].find(position) == std::string::npos) continue;
      if (!title.empty() && cols[kFoldedTitle].find(title) == std::string::npos) continue;
      hits.push_back(&hit);
      if (hits.size() > kMaxPostingResults) return Error::Of(errc::kTooManyResults);
      ++provinces[cols[kProvince]];
      ++groups[cols[kOccupation].substr(0, 1)];
      ++patterns[cols[kWorkingPattern]];
      ++types[cols[kWorkplaceType]];
    }
    if (!found->total_exact) return Error::Of(errc::kTooManyResults);
    total = hits.size();
    for (std::size_t i = FirstRow(page); i < hits.size() && items.size() < page.page_size; ++i) {
      items.push_back(ParseStoredJson(Listing(hits[i]->data), "job_search"));
    }
  }
  auto out = PageEnvelope(std::move(items), total, page);
  const auto province_name = [this](const std::string& code) {
    const Province* p = ref_.FindProvince(code);
    return p ? p->name : std::string();
  };
  const auto group_name = [this](const std::string& code) {
    const Occupation* o = ref_.FindOccupation(code);
    return o ? o->title_tr : std::string();
  };
  const auto code_name = [](std::string_view set) {
    return [set](const std::string& code) { return std::string(job_codes::NameTr(set, code)); };
  };
  out["facets"] = boost::json::object{{"province", Facet(provinces, province_name)},
                                      {"occupationMajorGroup", Facet(groups, group_name)},
                                      {"workingPattern", Facet(patterns, code_name(job_codes::kWorkingPattern))},
                                      {"workplaceType", Facet(types, code_name(job_codes::kWorkplaceType))}};
  return out;
}

}  // namespace istihdam

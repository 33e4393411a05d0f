#include "projections/job_postings.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "events/labor_demands.h"
#include "infra/reference_data.h"
#include "infra/stored_json.h"
#include "infra/text.h"

namespace istihdam {
namespace {

constexpr const char* kDemands = "demands";          // demandNo -> row JSON (every demand not deleted)
constexpr const char* kChanges = "changes";          // position (20 digits) -> change entry JSON
constexpr const char* kChangeTimes = "change_times";  // micros (20 digits) + position (20 digits) -> ""
constexpr const char* kWords = "words";              // folded word \0 type \0 value -> posting count
constexpr const char* kWhat = "job_postings";

std::string Digits20(std::uint64_t n) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%020llu", static_cast<unsigned long long>(n));
  return buf;
}

std::string Str(const boost::json::object& o, const char* k) {
  const auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

boost::json::value OptionalString(const std::optional<std::string>& s) {
  return s ? boost::json::value(*s) : boost::json::value(nullptr);
}

boost::json::array Strings(const std::vector<std::string>& v) {
  boost::json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

// The row of a demand: the listing item ("item"), the detail's further fields ("detail") and
// what decides whether it is a posting.
boost::json::object Row(const events::LaborDemandDraft& d, const std::string& demand_no, const std::string& title,
                        const ReferenceData& ref) {
  const Occupation* occ = ref.FindOccupation(d.occupation);
  const Province* prov = ref.FindProvince(d.work_address.province);
  boost::json::object item{{"demandNo", demand_no},
                           {"position", d.position},
                           {"occupation", d.occupation},
                           {"occupationName", occ ? occ->title_tr : ""},
                           {"workplaceTitle", title},
                           {"province", d.work_address.province},
                           {"provinceName", prov ? prov->name : ""},
                           {"district", d.work_address.district},
                           {"workingPattern", d.working_pattern},
                           {"workplaceType", d.workplace_type},
                           {"workLocation", d.work_location},
                           {"personalStatus", Strings(d.personal_status)},
                           {"targetGroup", d.target_group},
                           {"businessArea", OptionalString(d.business_area)},
                           {"requestedCount", d.requested_count},
                           {"lastApplicationDate", d.last_application_date}};
  boost::json::array languages;
  for (const auto& l : d.foreign_languages) languages.push_back({{"language", l.language}, {"minLevel", l.min_level}});
  boost::json::object detail{
      {"description", d.description},
      {"workAddress",
       {{"province", d.work_address.province}, {"district", d.work_address.district}, {"address", d.work_address.address}}},
      {"education",
       {{"minLevel", d.education.min_level.empty() ? boost::json::value(nullptr) : boost::json::value(d.education.min_level)},
        {"fieldOfStudy", OptionalString(d.education.field_of_study)}}},
      {"minAge", d.min_age ? boost::json::value(*d.min_age) : boost::json::value(nullptr)},
      {"maxAge", d.max_age ? boost::json::value(*d.max_age) : boost::json::value(nullptr)},
      {"drivingLicences", Strings(d.driving_licences)},
      {"foreignLanguages", std::move(languages)},
      {"experienceMonths", d.experience_months}};
  return {{"item", std::move(item)}, {"detail", std::move(detail)}, {"publish", d.publish}};
}

bool IsPosting(const boost::json::object& row) {
  return Str(row, "status") == "active" && row.at("publish").as_bool();
}

// The typeahead values a posting carries, as (type, value).
std::vector<std::pair<std::string, std::string>> Values(const boost::json::object& item) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [type, field] : {std::pair{"position", "position"}, std::pair{"occupation", "occupationName"},
                                    std::pair{"province", "provinceName"}, std::pair{"district", "district"}}) {
    const std::string v = Str(item, field);
    if (!v.empty()) out.emplace_back(type, v);
  }
  return out;
}

// Folded words: runs of letters and digits (bytes above 0x7F, left by letters outside the
// Latin script, count as letters).
std::vector<std::string> FoldedWords(const std::string& text) {
  std::vector<std::string> words;
  std::string w;
  for (const char ch : FoldForSearch(text)) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      w.push_back(ch);
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

std::string WordKey(const std::string& word, const std::string& type, const std::string& value) {
  return word + std::string(1, '\0') + type + std::string(1, '\0') + value;
}

void CountWords(ProjectionBatch& b, const boost::json::object& item, int delta) {
  for (const auto& [type, value] : Values(item)) {
    std::set<std::string> words;
    for (auto& w : FoldedWords(value)) words.insert(std::move(w));
    for (const auto& w : words) {
      const std::string key = WordKey(w, type, value);
      std::string count;
      const long long n = (b.Get(kWords, key, &count) ? std::stoll(count) : 0) + delta;
      if (n > 0) {
        b.Put(kWords, key, std::to_string(n));
      } else {
        b.Delete(kWords, key);
      }
    }
  }
}

class JobPostingsProjector final : public Projector {
 public:
  explicit JobPostingsProjector(const ReferenceData& ref) : ref_(ref) {}
  std::string name() const override { return kWhat; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::LaborDemandEvent>(); }
  std::vector<std::string> tables() const override { return {kDemands, kChanges, kChangeTimes, kWords}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    auto ev = events::Decode<events::LaborDemandEvent>(e);
    if (!ev || events::IsCandidateEvent(*ev)) return;  // a posting shows no candidates
    const std::string no = std::visit([](const auto& x) { return x.demand_no; }, *ev);
    const std::string at = FormatRfc3339(e.recorded_at);
    boost::json::object before, row;
    std::string doc;
    const bool known = b.Get(kDemands, no, &doc);
    if (known) before = ParseStoredJson(doc, kWhat).as_object();
    const bool was = known && IsPosting(before);
    std::string reason;
    if (const auto* c = std::get_if<events::LaborDemandCreated>(&*ev)) {
      row = Row(c->draft, no, c->workplace_title, ref_);
      row["status"] = "active";
    } else if (!known) {
      return;
    } else if (const auto* u = std::get_if<events::LaborDemandUpdated>(&*ev)) {
      row = Row(u->draft, no, Str(before.at("item").as_object(), "workplaceTitle"), ref_);
      row["status"] = before["status"];
      row["item"].as_object()["publishedAt"] = before.at("item").as_object().at("publishedAt");
      if (!row.at("publish").as_bool()) reason = "unpublished";
    } else {
      row = before;
      if (std::holds_alternative<events::LaborDemandClosed>(*ev)) reason = "closed";
      if (std::holds_alternative<events::LaborDemandCancelled>(*ev)) reason = "cancelled";
      if (std::holds_alternative<events::LaborDemandDeleted>(*ev)) reason = "deleted";
      row["status"] = reason;
    }
    auto& item = row["item"].as_object();
    const bool now = IsPosting(row);
    if (now && !was) item["publishedAt"] = at;
    if (!item.contains("publishedAt")) item["publishedAt"] = nullptr;
    item["updatedAt"] = (now || !was) ? boost::json::value(at) : before.at("item").as_object().at("updatedAt");
    if (was) CountWords(b, before.at("item").as_object(), -1);
    if (now) CountWords(b, item, +1);
    if (reason == "deleted") {
      b.Delete(kDemands, no);
    } else {
      b.Put(kDemands, no, SerializeStoredJson(row));
    }
    if (!was && !now) return;
    const char* change = !was ? "added" : now ? "updated" : "removed";
    boost::json::object entry{{"position", e.position},
                              {"changedAt", at},
                              {"change", change},
                              {"demandNo", no},
                              {"posting", now ? boost::json::value(item) : boost::json::value(nullptr)},
                              {"reason", now ? boost::json::value(nullptr) : boost::json::value(reason)}};
    // Not part of the feed's answer: the search index reads the text it indexes from here.
    if (now) entry["description"] = row.at("detail").as_object().at("description");
    b.Put(kChanges, Digits20(e.position), SerializeStoredJson(entry));
    b.Put(kChangeTimes, Digits20(static_cast<std::uint64_t>(e.recorded_at)) + Digits20(e.position), "");
  }

 private:
  const ReferenceData& ref_;
};

std::optional<boost::json::object> PostingRow(const ReadView& view, const std::string& demand_no,
                                              const std::string& today) {
  std::string doc;
  if (!view.Get(kDemands, demand_no, &doc)) return std::nullopt;
  auto row = ParseStoredJson(doc, kWhat).as_object();
  if (!IsPosting(row) || Str(row.at("item").as_object(), "lastApplicationDate") < today) return std::nullopt;
  return row;
}

}  // namespace

std::unique_ptr<Projector> MakeJobPostingsProjector(const ReferenceData& ref) {
  return std::make_unique<JobPostingsProjector>(ref);
}

std::optional<boost::json::object> GetPostingItem(const ReadView& view, const std::string& demand_no,
                                                  const std::string& today) {
  auto row = PostingRow(view, demand_no, today);
  if (!row) return std::nullopt;
  return std::move(row->at("item").as_object());
}

std::optional<boost::json::object> GetPostingDetail(const ReadView& view, const std::string& demand_no,
                                                    const std::string& today) {
  auto row = PostingRow(view, demand_no, today);
  if (!row) return std::nullopt;
  auto out = std::move(row->at("item").as_object());
  for (auto& [k, v] : row->at("detail").as_object()) out[k] = v;
  return out;
}

void ForEachPostingChange(const ReadView& view, std::uint64_t after,
                          const std::function<bool(std::uint64_t, const boost::json::object&)>& fn) {
  view.ScanFrom(kChanges, Digits20(after + 1), [&](const std::string& key, const std::string& value) {
    return fn(std::stoull(key), ParseStoredJson(value, kWhat).as_object());
  });
}

boost::json::object PostingChanges(const ReadView& view, std::uint64_t after, std::optional<Micros> since,
                                   std::size_t limit) {
  std::uint64_t start_after = after;
  if (since) {
    start_after = UINT64_MAX;
    const std::string from = Digits20(static_cast<std::uint64_t>(std::max<Micros>(*since, 0)));
    view.ScanFrom(kChangeTimes, from, [&](const std::string& key, const std::string&) {
      start_after = std::stoull(key.substr(20)) - 1;
      return false;
    });
  }
  boost::json::array items;
  bool more = false;
  std::uint64_t next = since ? 0 : after;
  if (start_after != UINT64_MAX) {
    ForEachPostingChange(view, start_after, [&](std::uint64_t position, const boost::json::object& entry) {
      if (items.size() == limit) {
        more = true;
        return false;
      }
      items.push_back(entry);
      next = position;
      return true;
    });
  }
  if (since && items.empty()) {
    // Nothing at or after the instant: continue from the end of the feed.
    view.ScanFrom(
        kChanges, "",
        [&](const std::string& key, const std::string&) {
          next = std::stoull(key);
          return false;
        },
        /*reverse=*/true);
  }
  return {{"items", std::move(items)}, {"next", next}, {"hasMore", more}};
}

boost::json::object CompletePostings(const ReadView& view, const std::string& prefix, std::size_t limit) {
  boost::json::object out{{"prefix", prefix}, {"items", boost::json::array{}}};
  const auto words = FoldedWords(prefix);
  if (words.empty()) return out;
  std::size_t letters = 0;
  for (const auto& w : words) {
    for (const char c : w) letters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }
  if (letters < 2) return out;
  // Scan the last word as a key prefix; earlier words must each start a word of the value.
  constexpr std::size_t kMaxScanned = 50'000;
  std::size_t scanned = 0;
  std::map<std::pair<std::string, std::string>, long long> found;  // (type, value) -> count
  view.Scan(kWords, words.back(), [&](const std::string& key, const std::string& count) {
    const auto a = key.find('\0'), b = key.find('\0', a + 1);
    if (a == std::string::npos || b == std::string::npos) return ++scanned < kMaxScanned;
    const std::string type = key.substr(a + 1, b - a - 1), value = key.substr(b + 1);
    bool all = true;
    if (words.size() > 1) {
      const auto value_words = FoldedWords(value);
      for (std::size_t i = 0; i + 1 < words.size() && all; ++i) {
        all = std::any_of(value_words.begin(), value_words.end(),
                          [&](const std::string& vw) { return vw.rfind(words[i], 0) == 0; });
      }
    }
    if (all) found[{type, value}] = std::stoll(count);
    return ++scanned < kMaxScanned;
  });
  std::vector<std::pair<std::pair<std::string, std::string>, long long>> rows(found.begin(), found.end());
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    if (x.second != y.second) return x.second > y.second;
    if (x.first.second != y.first.second) return x.first.second < y.first.second;
    return x.first.first < y.first.first;
  });
  auto& items = out["items"].as_array();
  for (const auto& [tv, count] : rows) {
    if (items.size() == limit) break;
    items.push_back({{"value", tv.second}, {"type", tv.first}, {"count", count}});
  }
  return out;
}

}  // namespace istihdam

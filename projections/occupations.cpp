#include "projections/occupations.h"

#include <boost/json.hpp>

#include <algorithm>
#include <mutex>

#include "aggregates/occupation_dictionary.h"
#include "events/occupations.h"
#include "infra/stored_json.h"
#include "projections/occupation_match.h"

namespace istihdam {
namespace {

constexpr const char* kProjection = "occupations";
constexpr const char* kNational = "national";  // code -> {"code", "parentCode", "nameTr", "nameEn"}
// The national names whose words are kept; the cache starts over beyond this (a dictionary has
// a few thousand).
constexpr std::size_t kMaxCachedNames = 100'000;

class OccupationsProjector final : public Projector {
 public:
  std::string name() const override { return kProjection; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::OccupationUpserted>(); }
  std::vector<std::string> tables() const override { return {kNational}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    auto ev = events::Decode<events::OccupationEvent>(e);
    if (!ev) return;
    if (const auto* u = std::get_if<events::OccupationUpserted>(&*ev)) {
      b.Put(kNational, u->code, SerializeStoredJson(events::ToJson(*u)));
    }
  }
};

OccupationEntry NationalEntry(const std::string& doc) {
  const auto o = ParseStoredJson(doc, kNational).as_object();
  const auto str = [&](const char* k) -> std::string {
    const auto* v = o.if_contains(k);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  return {str("code"), kNationalOccupationLevel, str("nameTr"), str("nameEn"), str("parentCode")};
}

// Calls fn for each national occupation whose code starts with `prefix`, by code.
template <class Fn>
void ScanNational(const ReadView& national, const std::string& prefix, Fn fn) {
  national.Scan(kNational, prefix, [&](const std::string&, const std::string& doc) {
    fn(NationalEntry(doc));
    return true;
  });
}

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::vector<std::string> NameWords(const OccupationEntry& e) {
  auto words = SearchWords(e.name_tr);
  auto en = SearchWords(e.name_en);
  words.insert(words.end(), std::make_move_iterator(en.begin()), std::make_move_iterator(en.end()));
  return words;
}

}  // namespace

std::unique_ptr<Projector> MakeOccupationsProjector() { return std::make_unique<OccupationsProjector>(); }

OccupationDictionary::OccupationDictionary(const ReferenceData& ref) {
  for (const auto& o : ref.occupations()) {
    OccupationEntry e{o.code, o.level, o.title_tr, o.title_en, o.parent_code};
    auto words = NameWords(e);
    isco_.push_back({std::move(e), std::move(words)});
  }
  std::sort(isco_.begin(), isco_.end(), [](const Indexed& a, const Indexed& b) { return a.entry.code < b.entry.code; });
}

const OccupationDictionary::Indexed* OccupationDictionary::FindIsco(const std::string& code) const {
  const auto it = std::lower_bound(isco_.begin(), isco_.end(), code,
                                   [](const Indexed& a, const std::string& c) { return a.entry.code < c; });
  return it != isco_.end() && it->entry.code == code ? &*it : nullptr;
}

bool OccupationDictionary::NationalMatches(const OccupationEntry& e, const std::vector<std::string>& query_words) const {
  std::string key = e.name_tr + '\0' + e.name_en;
  {
    std::shared_lock lock(words_mu_);
    if (const auto it = national_words_.find(key); it != national_words_.end()) {
      return NameMatches(it->second, query_words);
    }
  }
  auto words = NameWords(e);
  const bool matches = NameMatches(words, query_words);
  std::unique_lock lock(words_mu_);
  if (national_words_.size() >= kMaxCachedNames) national_words_.clear();
  national_words_.emplace(std::move(key), std::move(words));
  return matches;
}

Result<OccupationPage> OccupationDictionary::Search(const ReadView& national, const OccupationFilter& f,
                                                    const Page& page) const {
  const std::string q = Trimmed(f.q);
  const std::string code_prefix = AllDigits(q) ? q : "";
  const std::vector<std::string> words = code_prefix.empty() ? SearchWords(q) : std::vector<std::string>{};
  const auto keep = [&](const OccupationEntry& e, const std::vector<std::string>* known_words) {
    if (f.level != 0 && e.level != f.level) return false;
    if (!f.parent_code.empty() && e.parent_code != f.parent_code) return false;
    if (!e.code.starts_with(code_prefix)) return false;
    if (words.empty()) return true;
    return known_words ? NameMatches(*known_words, words) : NationalMatches(e, words);
  };
  std::vector<OccupationEntry> rows;
  for (const auto& i : isco_) {
    if (keep(i.entry, &i.words)) rows.push_back(i.entry);
  }
  // National rows sit below unit groups: only a parent filter naming one, or none, reaches
  // them, and both prefixes narrow the scan.
  const bool national_level = f.level == 0 || f.level == kNationalOccupationLevel;
  const bool national_parent = f.parent_code.empty() || f.parent_code.size() == 4;
  if (national_level && national_parent) {
    const std::string& longer = code_prefix.size() > f.parent_code.size() ? code_prefix : f.parent_code;
    ScanNational(national, longer, [&](OccupationEntry e) {
      if (keep(e, nullptr)) rows.push_back(std::move(e));
    });
  }
  if (rows.size() > kMaxOccupationResults) return Error::Of(errc::kTooManyResults);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  OccupationPage out;
  out.total = rows.size();
  const std::size_t begin = std::min(FirstRow(page), rows.size());
  const std::size_t end = std::min(begin + page.page_size, rows.size());
  out.items.assign(std::make_move_iterator(rows.begin() + begin), std::make_move_iterator(rows.begin() + end));
  return out;
}

std::optional<OccupationDetail> OccupationDictionary::Find(const ReadView& national, const std::string& code) const {
  OccupationDetail d;
  if (const auto* i = FindIsco(code)) {
    d.entry = i->entry;
  } else if (std::string doc; IsNationalOccupationCode(code) && national.Get(kNational, code, &doc)) {
    d.entry = NationalEntry(doc);
  } else {
    return std::nullopt;
  }
  for (auto parent = d.entry.parent_code; !parent.empty();) {
    const auto* p = FindIsco(parent);
    if (!p) break;
    d.path.push_back(p->entry);
    parent = p->entry.parent_code;
  }
  std::reverse(d.path.begin(), d.path.end());
  for (const auto& i : isco_) {
    if (i.entry.parent_code == code) d.children.push_back(i.entry);
  }
  if (d.entry.level == 4) ScanNational(national, code, [&](OccupationEntry e) { d.children.push_back(std::move(e)); });
  std::sort(d.children.begin(), d.children.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  return d;
}

}  // namespace istihdam

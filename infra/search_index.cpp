#include "infra/search_index.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <optional>
#include <utility>

#include <spdlog/spdlog.h>

#include "infra/error_codes.h"
#include "infra/turkish_text.h"

namespace istihdam {
namespace {

// Term prefixes (docs/search.md). Every term has one, so the kinds never collide.
constexpr std::string_view kIdPrefix = "Q";       // the document's id, unique
constexpr std::string_view kStemPrefix = "Z";     // Snowball stem of a Turkish-lowered word
constexpr std::string_view kFoldedPrefix = "XF";  // the folded, unstemmed word
constexpr std::string_view kFilterPrefix = "B";   // B<field>:<value>

constexpr const char* kPositionKey = "position";
constexpr const char* kFormatKey = "format";

// The most words one text of a document contributes (some 30 KB of text).
constexpr std::size_t kMaxTextWords = 4096;
// Wildcards: the most index terms one expands to (the most frequent ones), the fewest
// characters a word needs to be a prefix, and how short the inflection-stripped prefix may be.
constexpr Xapian::termcount kMaxExpansion = 100;
constexpr std::size_t kMinPrefixChars = 3;
constexpr std::size_t kStrippedChars = 3;
constexpr std::size_t kMinStrippedPrefixChars = 5;
// A prefix match counts half as much as the word itself.
constexpr double kPrefixWeight = 0.5;
// How often a search retries when the writer overwrote the revision it was reading.
constexpr int kReadAttempts = 5;

std::string Term(std::string_view prefix, std::string_view body) {
  std::string t(prefix);
  t += body;
  return t;
}

std::string FilterTermOf(const FilterTerm& f) {
  return Term(kFilterPrefix, f.field + ":" + f.value);
}

// The stored data: one byte of id length, the id, the caller's data.
std::string PackData(const std::string& id, const std::string& data) {
  std::string out;
  out.reserve(1 + id.size() + data.size());
  out.push_back(static_cast<char>(id.size()));
  out += id;
  out += data;
  return out;
}

SearchHit UnpackData(const std::string& packed) {
  if (packed.empty()) return {};
  const std::size_t n =
      std::min<std::size_t>(static_cast<unsigned char>(packed[0]), packed.size() - 1);
  return SearchHit{packed.substr(1, n), packed.substr(1 + n)};
}

Status CheckDocument(const SearchDocument& doc) {
  if (doc.id.empty() || doc.id.size() > kMaxIdBytes) {
    return Error::Of(errc::kInvalidParameter,
                     "search document id of " + std::to_string(doc.id.size()) + " bytes");
  }
  for (const auto& f : doc.filters) {
    if (f.field.empty() || f.field.find(':') != std::string::npos ||
        f.field.size() + f.value.size() > kMaxFilterBytes) {
      return Error::Of(errc::kInvalidParameter,
                       "search filter term " + f.field + ":" + f.value.substr(0, 40));
    }
  }
  for (const auto& [slot, value] : doc.values) {
    if (slot == Xapian::BAD_VALUENO) return Error::Of(errc::kInvalidParameter, "search value slot");
  }
  return Status::Ok();
}

Xapian::Document BuildDocument(const SearchDocument& doc) {
  Xapian::Document d;
  d.add_boolean_term(Term(kIdPrefix, doc.id));
  for (const auto& text : doc.texts) {
    for (const auto& word : Words(text.text, kMaxTextWords)) {
      d.add_term(Term(kStemPrefix, Stem(word)), text.weight);
      const std::string folded = FoldWord(word);
      if (!folded.empty()) d.add_term(Term(kFoldedPrefix, folded), text.weight);
    }
  }
  for (const auto& f : doc.filters) d.add_boolean_term(FilterTermOf(f));
  for (const auto& [slot, value] : doc.values) d.add_value(slot, value);
  d.set_data(PackData(doc.id, doc.data));
  return d;
}

Xapian::Query Prefix(std::string_view folded_prefix) {
  Xapian::Query wildcard(Xapian::Query::OP_WILDCARD, Term(kFoldedPrefix, folded_prefix),
                         kMaxExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, wildcard, kPrefixWeight);
}

// One word of a query: its stem, its folded form, and as prefixes of folded words: the folded
// form itself, less a few trailing characters (a more inflected query word: "öğretmenler" ->
// "ogretmen*" finds "Öğretmen"), and its own stem folded again (Snowball may turn a final c
// into ç; "muhendisleri" -> "muhendis*" finds "Mühendisi" though it loses four characters).
Xapian::Query WordQuery(const std::string& word) {
  std::vector<Xapian::Query> any;
  any.emplace_back(Term(kStemPrefix, Stem(word)));
  const std::string folded = FoldWord(word);
  if (!folded.empty()) {
    any.emplace_back(Term(kFoldedPrefix, folded));
    std::vector<std::string> prefixes;  // each matches at least what the one before it does
    const std::size_t chars = Utf8Length(folded);
    if (chars >= kMinPrefixChars) prefixes.push_back(folded);
    const std::size_t stripped =
        std::max(chars > kStrippedChars ? chars - kStrippedChars : 0, kMinStrippedPrefixChars);
    if (stripped < chars) prefixes.emplace_back(Utf8Prefix(folded, stripped));
    const std::string folded_stem = FoldWord(Stem(folded));
    const bool covered = std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) {
      return folded_stem.starts_with(p);
    });
    if (Utf8Length(folded_stem) >= kMinStrippedPrefixChars && !covered) {
      prefixes.push_back(folded_stem);
    }
    for (const auto& p : prefixes) any.push_back(Prefix(p));
  }
  return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

// Every word must match; an empty Query when the text has no words.
Xapian::Query WordsQuery(const std::string& text) {
  std::vector<Xapian::Query> all;
  for (const auto& word : QueryWords(text, kMaxQueryWords)) all.push_back(WordQuery(word));
  if (all.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
}

// OR within a field, AND across fields; an empty Query without filters.
Xapian::Query FiltersQuery(const std::vector<FilterTerm>& filters) {
  std::map<std::string, std::vector<std::string>> by_field;
  for (const auto& f : filters) by_field[f.field].push_back(FilterTermOf(f));
  std::vector<Xapian::Query> all;
  for (const auto& [field, terms] : by_field) {
    all.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }
  if (all.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
}

Xapian::Query BuildQuery(const SearchQuery& q) {
  const Xapian::Query words = WordsQuery(q.words);
  Xapian::Query filters = FiltersQuery(q.filters);
  if (q.min_value) {  // a value range: documents whose slot holds at least the bound (as bytes)
    const Xapian::Query range(Xapian::Query::OP_VALUE_GE, q.min_value->slot, q.min_value->at_least);
    filters = filters.empty() ? range : Xapian::Query(Xapian::Query::OP_FILTER, filters, range);
  }
  if (words.empty()) {
    // No text condition: every document, or the filtered ones, all weighing the same.
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                         filters.empty() ? Xapian::Query::MatchAll : filters, 0);
  }
  if (filters.empty()) return words;
  return Xapian::Query(Xapian::Query::OP_FILTER, words, filters);
}

// The facet slots' values of every committed document, in memory: counting a facet reads a
// number per match instead of looking the value up in the index (Document::get_value inflates a
// chunk for each: about 3 µs a slot and match, which made facets most of a search's time).
// Changes are staged by the writer and applied when its commit succeeds.
class FacetColumns {
 public:
  using Values = std::vector<std::string>;  // one per slot, in the order of slots()

  explicit FacetColumns(std::vector<unsigned> slots) : slots_(std::move(slots)), by_doc_(slots_.size()) {
    names_.push_back("");  // id 0: no value
  }
  const std::vector<unsigned>& slots() const { return slots_; }

  // Loads every committed document's values (at open).
  void Load(Xapian::Database& db) {
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      for (auto it = db.valuestream_begin(slots_[i]); it != db.valuestream_end(slots_[i]); ++it) {
        Set(i, it.get_docid(), *it);
      }
    }
  }

  // Staged by the writer (under its mutex): applied by Apply, dropped by Discard.
  void StageSet(Xapian::docid did, Values values) { staged_.push_back({did, std::move(values), false}); }
  void StageErase(Xapian::docid did) { staged_.push_back({did, Values(slots_.size()), false}); }
  void StageClear() { staged_.push_back({0, {}, true}); }
  void Discard() { staged_.clear(); }
  void Apply() {
    std::unique_lock lock(mu_);
    for (auto& c : staged_) {
      if (c.clear) {
        for (auto& column : by_doc_) column.clear();
        continue;
      }
      for (std::size_t i = 0; i < slots_.size(); ++i) Set(i, c.did, c.values[i]);
    }
    staged_.clear();
  }

  // Counts, for `slot`, the values of the documents `count` is called with.
  class Counter : public Xapian::MatchSpy {
   public:
    Counter(const FacetColumns& columns, std::size_t column) : columns_(columns), column_(column) {}
    void operator()(const Xapian::Document& doc, double /*weight*/) override {
      const auto& by_doc = columns_.by_doc_[column_];
      const Xapian::docid did = doc.get_docid();
      if (did < by_doc.size() && by_doc[did] != 0) ++ids_[by_doc[did]];
    }
    std::map<std::string, std::uint64_t> Counts() const {
      std::map<std::string, std::uint64_t> out;
      for (const auto& [id, n] : ids_) out[columns_.names_[id]] = n;
      return out;
    }

   private:
    const FacetColumns& columns_;
    std::size_t column_;
    std::map<std::uint32_t, std::uint64_t> ids_;
  };
  // Held by a search while its counters run: Apply waits for it.
  std::shared_lock<std::shared_mutex> ReadLock() const { return std::shared_lock(mu_); }

 private:
  struct Change {
    Xapian::docid did;
    Values values;
    bool clear;
  };
  void Set(std::size_t column, Xapian::docid did, const std::string& value) {
    auto& by_doc = by_doc_[column];
    std::uint32_t id = 0;
    if (!value.empty()) {
      auto [it, added] = ids_.try_emplace(value, static_cast<std::uint32_t>(names_.size()));
      if (added) names_.push_back(value);
      id = it->second;
    }
    if (did >= by_doc.size()) {
      if (id == 0) return;
      by_doc.resize(std::max<std::size_t>(did + 1, by_doc.size() * 3 / 2));
    }
    by_doc[did] = id;
  }

  std::vector<unsigned> slots_;
  mutable std::shared_mutex mu_;                  // guards by_doc_, names_, ids_
  std::vector<std::vector<std::uint32_t>> by_doc_;  // per slot: docid -> value id
  std::vector<std::string> names_;                // value id -> value (values are few: codes)
  std::map<std::string, std::uint32_t> ids_;
  std::vector<Change> staged_;  // the writer's, under its mutex
};

Error StoreFailed(const std::string& dir, const Xapian::Error& e) {
  return Error::Of(errc::kStoreFailed, "search index " + dir + ": " + e.get_description());
}

}  // namespace

struct SearchIndex::Impl {
  // A read handle and the commit generation it is known to be at least as new as.
  struct Reader {
    Xapian::Database db;
    std::uint64_t generation;
  };

  explicit Impl(std::vector<unsigned> facet_slots) : facets(std::move(facet_slots)) {}

  std::string dir;
  std::string format;  // stored with each commit
  FacetColumns facets;  // its staged changes are guarded by write_mu

  std::mutex write_mu;
  Xapian::WritableDatabase writer;      // guarded by write_mu
  bool in_transaction = false;          // guarded by write_mu
  std::optional<Error> write_error;     // guarded by write_mu; once set, every write fails
  std::atomic<std::uint64_t> position{0};
  // Bumped after each commit: a reader older than it reopens before searching.
  std::atomic<std::uint64_t> generation{0};

  mutable std::mutex pool_mu;
  mutable std::vector<std::unique_ptr<Reader>> idle;  // guarded by pool_mu
  static constexpr std::size_t kMaxIdleReaders = 8;

  ~Impl() {
    std::lock_guard lock(write_mu);
    try {
      if (in_transaction) writer.cancel_transaction();
      writer.close();
    } catch (const Xapian::Error&) {
      // Nothing to do: uncommitted changes are discarded either way.
    }
  }

  // Runs `f` on the writer inside the open transaction (beginning one if needed).
  template <class F>
  Status Write(F&& f) {
    std::lock_guard lock(write_mu);
    if (write_error) return *write_error;
    try {
      if (!in_transaction) {
        writer.begin_transaction(true);
        in_transaction = true;
      }
      f();
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      write_error = StoreFailed(dir, e);
      return *write_error;
    }
  }

  std::unique_ptr<Reader> Acquire() const {
    {
      std::lock_guard lock(pool_mu);
      if (!idle.empty()) {
        auto r = std::move(idle.back());
        idle.pop_back();
        return r;
      }
    }
    // The generation first: the database opened next is at least that new.
    const auto g = generation.load();
    return std::make_unique<Reader>(Reader{Xapian::Database(dir), g});
  }

  void Release(std::unique_ptr<Reader> r) const {
    std::lock_guard lock(pool_mu);
    if (idle.size() < kMaxIdleReaders) idle.push_back(std::move(r));
  }

  // Runs `f` on a reader that has seen every commit made before this call. A reader whose
  // revision the writer has since overwritten is reopened and `f` run again.
  template <class T, class F>
  Result<T> WithReader(F&& f) const {
    std::unique_ptr<Reader> r;
    std::string last_error;
    for (int attempt = 0; attempt < kReadAttempts; ++attempt) {
      try {
        if (!r) r = Acquire();
        const auto g = generation.load();
        if (r->generation != g) {
          r->db.reopen();
          r->generation = g;
        }
        T out = f(r->db);
        Release(std::move(r));
        return out;
      } catch (const Xapian::DatabaseModifiedError& e) {
        last_error = e.get_description();
        r.reset();  // the next attempt takes a fresh or idle reader and brings it up to date
      } catch (const Xapian::Error& e) {
        return StoreFailed(dir, e);  // the reader is dropped, not pooled
      }
    }
    return Error::Of(errc::kStoreFailed,
                     "search index " + dir + " kept changing while read: " + last_error);
  }

  Result<SearchResult> Run(const SearchQuery& q, std::size_t first, std::size_t max_items,
                           std::size_t check_at_least) const {
    const Xapian::Query query = BuildQuery(q);
    return WithReader<SearchResult>([&](Xapian::Database& db) {
      // Xapian counts in 32 bits; a page beyond the documents is empty anyway.
      const Xapian::doccount docs = db.get_doccount();
      const auto clamp = [&](std::size_t n) {
        return static_cast<Xapian::doccount>(std::min<std::size_t>(n, docs));
      };
      Xapian::Enquire enquire(db);
      enquire.set_query(query);
      // Each spy sees every match the matcher counts: all of them when the total is exact.
      std::vector<std::unique_ptr<FacetColumns::Counter>> spies;
      for (const unsigned slot : q.count_slots) {
        const auto& slots = facets.slots();
        const auto at = std::find(slots.begin(), slots.end(), slot);
        if (at == slots.end()) throw Xapian::InvalidArgumentError("slot " + std::to_string(slot) + " is not a facet");
        spies.push_back(std::make_unique<FacetColumns::Counter>(facets, at - slots.begin()));
        enquire.add_matchspy(spies.back().get());
      }
      const auto columns_lock = facets.ReadLock();
      if (q.order == SearchOrder::kValueDescending) {
        enquire.set_sort_by_value_then_relevance(q.sort_slot, true);
      }
      const Xapian::MSet mset =
          enquire.get_mset(clamp(first), clamp(max_items), clamp(check_at_least));
      SearchResult out;
      out.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
      out.total = out.total_exact ? mset.get_matches_lower_bound() : mset.get_matches_estimated();
      out.hits.reserve(mset.size());
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.hits.push_back(UnpackData(it.get_document().get_data()));
      }
      for (std::size_t i = 0; i < spies.size(); ++i) {
        out.value_counts[q.count_slots[i]] = spies[i]->Counts();
      }
      return out;
    });
  }
};

SearchIndex::SearchIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SearchIndex::~SearchIndex() = default;

Result<std::unique_ptr<SearchIndex>> SearchIndex::Open(const std::string& dir, const std::string& format,
                                                       std::vector<unsigned> facet_slots) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Error::Of(errc::kStoreOpenFailed, "search index " + dir + ": " + ec.message());
  auto impl = std::make_unique<Impl>(std::move(facet_slots));
  impl->dir = dir;
  impl->format = format;
  try {
    const auto open = [&] {
      impl->writer = Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    };
    open();
    const std::string stored_format = impl->writer.get_metadata(kFormatKey);
    const bool used = impl->writer.get_doccount() > 0 || !impl->writer.get_metadata(kPositionKey).empty();
    if (used && stored_format != format) {
      spdlog::warn("search index {}: format '{}' is not '{}'; it is deleted and built again", dir, stored_format,
                   format);
      impl->writer.close();
      std::filesystem::remove_all(dir, ec);
      if (!ec) std::filesystem::create_directories(dir, ec);
      if (ec) return Error::Of(errc::kStoreOpenFailed, "search index " + dir + ": " + ec.message());
      open();
    }
    impl->facets.Load(impl->writer);
    const std::string stored = impl->writer.get_metadata(kPositionKey);
    impl->position = stored.empty() ? 0 : std::stoull(stored);
    impl->Release(impl->Acquire());  // fails here, not in the first search, if it cannot be read
  } catch (const Xapian::Error& e) {
    return Error::Of(errc::kStoreOpenFailed, "search index " + dir + ": " + e.get_description());
  } catch (const std::logic_error& e) {  // std::stoull of a damaged position
    return Error::Of(errc::kStoreOpenFailed, "search index " + dir + ": bad position: " + e.what());
  }
  return std::unique_ptr<SearchIndex>(new SearchIndex(std::move(impl)));
}

Status SearchIndex::Replace(const SearchDocument& doc) {
  if (auto s = CheckDocument(doc); !s.ok()) return s;
  const Xapian::Document d = BuildDocument(doc);
  return impl_->Write([&] {
    const Xapian::docid did = impl_->writer.replace_document(Term(kIdPrefix, doc.id), d);
    FacetColumns::Values values;
    for (const unsigned slot : impl_->facets.slots()) {
      const auto it = doc.values.find(slot);
      values.push_back(it == doc.values.end() ? std::string() : it->second);
    }
    impl_->facets.StageSet(did, std::move(values));
  });
}

Status SearchIndex::Remove(const std::string& id) {
  if (id.empty() || id.size() > kMaxIdBytes) return Status::Ok();  // no such document can exist
  return impl_->Write([&] {
    const std::string term = Term(kIdPrefix, id);
    for (auto it = impl_->writer.postlist_begin(term); it != impl_->writer.postlist_end(term); ++it) {
      impl_->facets.StageErase(*it);
    }
    impl_->writer.delete_document(term);
  });
}

Status SearchIndex::Clear() {
  return impl_->Write([&] {
    auto& w = impl_->writer;
    std::vector<Xapian::docid> docs;
    for (auto it = w.postlist_begin(""); it != w.postlist_end(""); ++it) docs.push_back(*it);
    for (const auto id : docs) w.delete_document(id);
    impl_->facets.StageClear();
  });
}

Status SearchIndex::Commit(std::uint64_t position) {
  return impl_->Write([&] {
    impl_->writer.set_metadata(kPositionKey, std::to_string(position));
    impl_->writer.set_metadata(kFormatKey, impl_->format);
    impl_->in_transaction = false;  // over whether the commit succeeds or throws
    try {
      impl_->writer.commit_transaction();
    } catch (...) {
      impl_->facets.Discard();
      throw;
    }
    impl_->facets.Apply();
    impl_->position = position;
    impl_->generation.fetch_add(1);
  });
}

std::uint64_t SearchIndex::Position() const { return impl_->position.load(); }

Result<SearchResult> SearchIndex::Search(const SearchQuery& query) const {
  return impl_->Run(query, query.offset, query.limit, query.count_up_to);
}

Result<SearchResult> SearchIndex::SearchAll(const SearchQuery& query, std::size_t max_hits) const {
  // One more than max_hits counted exactly tells "more than max_hits" from "exactly max_hits".
  return impl_->Run(query, 0, max_hits, max_hits == SIZE_MAX ? max_hits : max_hits + 1);
}

Result<std::uint64_t> SearchIndex::DocCount() const {
  return impl_->WithReader<std::uint64_t>(
      [](Xapian::Database& db) { return std::uint64_t{db.get_doccount()}; });
}

}  // namespace istihdam

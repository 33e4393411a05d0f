#pragma once
// A Turkish-aware full-text index over an on-disk Xapian database (glass) in one directory:
// documents with weighted text, boolean filter terms, sortable values and an opaque data blob,
// and the position of the event log they reflect. Knows nothing of the domain: a projection
// decides what a document holds. Analysis and query construction: docs/search.md.
//
// Threads: the writing calls (Replace, Remove, Clear, Commit) are meant for one writer thread
// (a projection); they are serialized by a mutex, so a stray concurrent call is safe but its
// changes land in whichever Commit comes next. Search, SearchAll, DocCount and Position may be
// called from any number of threads at once, also while the writer works. Readers see only
// committed changes: everything committed before a search starts is visible to it.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "infra/result.h"

namespace istihdam {

// Text to find a document by. Each word counts `weight` times in the ranking (a title 3, a
// description 1).
struct IndexedText {
  std::string text;
  unsigned weight = 1;
};

// A (field, value) pair a search can filter on exactly: ("province", "34"). `field` is
// non-empty and has no ':'; field and value together at most kMaxFilterBytes bytes.
struct FilterTerm {
  std::string field;
  std::string value;
  bool operator==(const FilterTerm&) const = default;
};

inline constexpr std::size_t kMaxFilterBytes = 200;
inline constexpr std::size_t kMaxIdBytes = 200;

struct SearchDocument {
  std::string id;                         // unique in the index; 1..kMaxIdBytes bytes
  std::vector<IndexedText> texts;         // analysed as docs/search.md says
  std::vector<FilterTerm> filters;        // matched exactly, never by the query's words
  std::map<unsigned, std::string> values; // slot -> value to sort by, compared as bytes
  std::string data;                       // opaque, returned with each hit
};

// How hits are ordered.
enum class SearchOrder {
  kRelevance,       // best first; ties (and a search without words) in the order first added
  kValueDescending  // SearchQuery::sort_slot, greatest bytes first; ties by relevance
};

// Documents whose value in `slot` is at least `at_least`, compared as bytes (a date
// "YYYY-MM-DD" not before a day).
struct SearchValueBound {
  unsigned slot = 0;
  std::string at_least;
};

struct SearchQuery {
  // Free text from a user. Always plain words (Words() of infra/turkish_text.h), never query
  // syntax; every word must match. No words (empty, only punctuation) = no text condition.
  std::string words;
  // A document must match at least one value of each field named here: AND across fields,
  // OR within one field.
  std::vector<FilterTerm> filters;
  // Only documents with a value in the range (documents without one in the slot are out).
  std::optional<SearchValueBound> min_value;
  SearchOrder order = SearchOrder::kRelevance;
  unsigned sort_slot = 0;
  std::size_t offset = 0;
  std::size_t limit = 20;
  // Count matches exactly up to this many (the answer's total is exact when it is at most
  // this); 0 = only as many as the page needs, the total is then likely an estimate.
  std::size_t count_up_to = 0;
  // Slots whose values to count over the matches (SearchResult::value_counts), as facets; each
  // one of the index's facet slots (Open), else the search fails ("store_failed"). The counts
  // cover every match when the total is exact, without reading the matches' data. Right after
  // a commit, a search that began before it may count a changed document's new values.
  std::vector<unsigned> count_slots;
};

struct SearchHit {
  std::string id;
  std::string data;
};

struct SearchResult {
  // The number of matching documents: exact when total_exact; otherwise an estimate, and
  // then there are more matches than SearchQuery::count_up_to (the counting stopped).
  std::uint64_t total = 0;
  bool total_exact = true;
  std::vector<SearchHit> hits;
  // For each of SearchQuery::count_slots: value -> number of matches holding it (a match
  // without a value in the slot is not counted).
  std::map<unsigned, std::map<std::string, std::uint64_t>> value_counts;
};

class SearchIndex {
 public:
  // Opens the index in `dir`, creating the directory and an empty index when missing.
  // `format` names what the caller puts in its documents; it is stored with each Commit. An
  // index committed under another format is deleted and opened empty (Position() 0), so the
  // caller replays its source into documents of the new format. `facet_slots` are the value
  // slots a search may count (SearchQuery::count_slots): their values are kept in memory, a
  // few bytes per document and slot. Errors: "store_open_failed" (the detail says why; e.g.
  // another process writes it).
  static Result<std::unique_ptr<SearchIndex>> Open(const std::string& dir, const std::string& format = "",
                                                   std::vector<unsigned> facet_slots = {});
  // Changes not committed are discarded.
  ~SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  // Adds `doc`, or replaces the document with the same id. Visible after the next Commit.
  // Errors: "invalid_parameter" (an id or filter term out of bounds), "store_failed".
  Status Replace(const SearchDocument& doc);
  // Removes the document with this id; no error when there is none. Errors: "store_failed".
  Status Remove(const std::string& id);
  // Removes every document (for a rebuild). Like any change it takes effect at the next
  // Commit, so searches keep seeing the old documents until the rebuilt ones are committed.
  Status Clear();
  // Makes every change since the last Commit durable and visible, together with `position`
  // (the event-log position the index now reflects) in one atomic step: after a crash the
  // index holds either all of it or none. Uncommitted changes are kept in memory: commit at
  // least every few thousand documents. Errors: "store_failed". After a failed write or
  // commit every later write fails too; reopen the index and replay from Position().
  Status Commit(std::uint64_t position);
  // The position of the last Commit (also from an earlier process); 0 when none.
  std::uint64_t Position() const;

  // The committed documents matching `query`, the page [offset, offset + limit).
  // Errors: "store_failed" (the index cannot be read).
  Result<SearchResult> Search(const SearchQuery& query) const;
  // Every committed match of `query` up to `max_hits` of them, in the query's order (its
  // offset, limit and count_up_to are ignored): total is exact when at most `max_hits`, and
  // then hits holds every match. For facets and listings over a whole result.
  Result<SearchResult> SearchAll(const SearchQuery& query, std::size_t max_hits) const;
  // The number of committed documents.
  Result<std::uint64_t> DocCount() const;

 private:
  struct Impl;
  explicit SearchIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace istihdam

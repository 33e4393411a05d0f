#pragma once
// The occupation dictionary (DOMAIN.md §2.1.8, api/jobs.md "Occupation dictionary"): the
// ISCO-08 tree of the reference data (levels 1-4) and, below its unit groups, the national
// 6-digit occupations (level 5) that the projection "occupations" keeps from the
// OccupationUpserted events. Searches and look-ups see both as one tree.
#include <cstddef>
#include <memory>
#include <shared_mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "infra/reference_data.h"
#include "infra/result.h"
#include "projections/paging.h"
#include "projections/projection_engine.h"

namespace istihdam {

// The projection "occupations": national occupations by code.
std::unique_ptr<Projector> MakeOccupationsProjector();

// A search that matches more rows than this answers too_many_results (X-3, OCC-R1).
inline constexpr std::size_t kMaxOccupationResults = 1000;

struct OccupationEntry {
  std::string code;
  int level = 0;  // 1-4 ISCO-08, 5 national
  std::string name_tr;
  std::string name_en;      // "" when the source has none
  std::string parent_code;  // "" for a major group
};

struct OccupationFilter {
  // Digits only: a code prefix. Otherwise words: each must start a word of the Turkish or
  // the English name (projections/occupation_match.h). Blank: no condition.
  std::string q;
  int level = 0;            // 0: any
  std::string parent_code;  // "": any
};

struct OccupationPage {
  std::vector<OccupationEntry> items;  // the rows of the page, by code
  std::size_t total = 0;               // rows of all pages
};

struct OccupationDetail {
  OccupationEntry entry;
  std::vector<OccupationEntry> path;      // ancestors, the major group first
  std::vector<OccupationEntry> children;  // by code
};

// The whole dictionary. Built once from the reference data (it keeps its own copy of the
// ISCO-08 rows, with their search words); queries read the national rows from a ReadView of
// the projection "occupations". Thread-safe.
class OccupationDictionary {
 public:
  explicit OccupationDictionary(const ReferenceData& ref);

  // The rows matching `f`, by code. Errors: too_many_results (more than
  // kMaxOccupationResults rows; no rows are read into the answer).
  Result<OccupationPage> Search(const ReadView& national, const OccupationFilter& f, const Page& page) const;
  // One occupation with its ancestors and children; nullopt when the code is unknown.
  std::optional<OccupationDetail> Find(const ReadView& national, const std::string& code) const;

 private:
  struct Indexed {
    OccupationEntry entry;
    std::vector<std::string> words;  // of both names
  };
  const Indexed* FindIsco(const std::string& code) const;
  // Whether a national row's names match: their words are kept between requests (folding is
  // the costly part of a word search, and names change only with an import), by the names
  // themselves, so a renamed row is never matched with its old words.
  bool NationalMatches(const OccupationEntry& e, const std::vector<std::string>& query_words) const;

  std::vector<Indexed> isco_;  // by code
  mutable std::shared_mutex words_mu_;
  mutable std::unordered_map<std::string, std::vector<std::string>> national_words_;  // "nameTr\0nameEn"
};

}  // namespace istihdam

#pragma once
// Quota status — "Kontenjan Durumu" (QUOTA-1..3): query strings and answers of the API.
#include <cstdint>
#include <string>
#include <vector>

#include "http/contract/common.h"
#include "http/wire.h"

namespace istihdam::http::contract::quota {

using wire::F;

inline constexpr const char* kCategories[] = {"disabled", "exConvict", "terrorVictim", "exConvictOrTerrorVictim"};
inline constexpr const char* kSectors[] = {"private", "public"};

struct CategoryQuota {
  std::string category;
  std::int64_t required = 0, employed = 0, deficit = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("category", category).oneOf(kCategories), F("required", required), F("employed", employed),
       F("deficit", deficit));
  }
};

// API.md's document (the field order is the contract's: clients compare it whole).
struct QuotaStatusView {
  std::string month, sector;
  std::int64_t base_headcount = 0;
  bool subject = false;
  std::vector<CategoryQuota> categories;
  template <class A>
  void serialize(A& ar) {
    ar(F("month", month), F("sector", sector).oneOf(kSectors), F("baseHeadcount", base_headcount),
       F("subject", subject), F("categories", categories));
  }
};

// A row of the list: the document plus the rule set it was computed with.
struct QuotaStatusRow {
  QuotaStatusView status;
  std::string rules_effective_from;
  template <class A>
  void serialize(A& ar) {
    status.serialize(ar);
    ar(F("rulesEffectiveFrom", rules_effective_from).describe("the rule set used; \"\" when none was in force"));
  }
};

struct MonthQuery : wire::Query {
  std::string month;
  template <class A>
  void serialize(A& ar) {
    ar(F("month", month).describe("YYYY-MM; without it the latest month"));
  }
};

using common::YearQuery;

}  // namespace istihdam::http::contract::quota

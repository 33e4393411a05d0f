#pragma once
// The occupation dictionary — "Meslekler Sözlüğü" (api/jobs.md "Occupation dictionary",
// DOMAIN.md §2.1.8): the query and answers of its public routes.
#include <optional>
#include <string>
#include <vector>

#include "aggregates/occupation_dictionary.h"
#include "http/wire.h"
#include "projections/occupations.h"

namespace istihdam::http::contract::occupations {

using wire::F;

// GET /api/v1/occupations?q=&level=&parentCode=&page=&pageSize=
struct OccupationSearch : wire::Paging {
  std::string q, parent_code;
  std::optional<int> level;
  template <class A>
  void serialize(A& ar) {
    ar(F("q", q).describe(
           "digits: a code prefix; otherwise words, each starting a word of the Turkish or English name "
           "(case, dotted/dotless i and diacritics ignored)"),
       F("level", level).range(1, kNationalOccupationLevel).describe(
           "1-4: ISCO-08 major, sub-major, minor and unit groups; 5: national 6-digit occupations"),
       F("parentCode", parent_code).describe("only the children of this code"));
    Paging::serialize(ar);
  }
  OccupationFilter ToFilter() const { return {q, level.value_or(0), parent_code}; }
};

struct OccupationItem {
  std::string code, name_tr;
  int level = 0;
  std::optional<std::string> name_en, parent_code;
  template <class A>
  void serialize(A& ar) {
    ar(F("code", code).required(), F("level", level).required().range(1, kNationalOccupationLevel),
       F("nameTr", name_tr).required(), F("nameEn", name_en).required().nullable().describe("null when unknown"),
       F("parentCode", parent_code).required().nullable().describe("null for a major group"));
  }
  static OccupationItem Of(const OccupationEntry& e) {
    OccupationItem i{e.code, e.name_tr, e.level, std::nullopt, std::nullopt};
    if (!e.name_en.empty()) i.name_en = e.name_en;
    if (!e.parent_code.empty()) i.parent_code = e.parent_code;
    return i;
  }
};

struct PathStep {
  std::string code, name_tr;
  template <class A>
  void serialize(A& ar) {
    ar(F("code", code).required(), F("nameTr", name_tr).required());
  }
};

// GET /api/v1/occupations/{code}: the item, its ancestors and its children.
struct OccupationView {
  OccupationItem item;
  std::vector<PathStep> path;
  std::vector<OccupationItem> children;
  template <class A>
  void serialize(A& ar) {
    item.serialize(ar);
    ar(F("path", path).required().describe("the ancestors, the major group first"),
       F("children", children).required().describe("by code"));
  }
  static OccupationView Of(const OccupationDetail& d) {
    OccupationView v{OccupationItem::Of(d.entry), {}, {}};
    for (const auto& p : d.path) v.path.push_back({p.code, p.name_tr});
    for (const auto& c : d.children) v.children.push_back(OccupationItem::Of(c));
    return v;
  }
};

}  // namespace istihdam::http::contract::occupations

#pragma once
// Open job postings — "Açık İş İlanları" (api/jobs.md "Open job postings", DOMAIN.md
// §2.1.1.1) and the job code sets: queries and answers of the public API.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregates/job_codes.h"
#include "http/contract/labor_demands.h"
#include "http/wire.h"
#include "infra/reference_data.h"
#include "projections/job_search.h"

namespace istihdam::http::contract::job_postings {

using labor_demands::Codes;
using wire::F;

// ----- Queries ------------------------------------------------------------------------

// Every search mode of §2.1.1.1 is a combination of these. Repeatable parameters: any of the
// values; different parameters: all of them.
struct PostingQuery : wire::Query {
  std::vector<std::string> province, occupation, personal_status, workplace_type, work_location, working_pattern;
  std::string district, business_area, position, workplace_title, demand_no, q, sort;
  std::size_t page = 1, page_size = 15;
  template <class A>
  void serialize(A& ar) {
    ar(F("province", province).from(wire::lists::kProvinces).describe("plate code; repeatable"),
       F("district", district).describe("a district of the one province given"),
       F("occupation", occupation).describe("a code of any level: it and its sub-codes match; repeatable"),
       F("personalStatus", personal_status).from(Codes(job_codes::kPersonalStatus)).describe("repeatable"),
       F("workplaceType", workplace_type).from(Codes(job_codes::kWorkplaceType)).describe("repeatable"),
       F("workLocation", work_location).from(Codes(job_codes::kWorkLocation)).describe("repeatable"),
       F("workingPattern", working_pattern).from(Codes(job_codes::kWorkingPattern)).describe("repeatable"),
       F("businessArea", business_area), F("position", position).describe("Turkish-folded substring"),
       F("workplaceTitle", workplace_title).describe("Turkish-folded substring"), F("demandNo", demand_no),
       F("q", q).describe("words; each must match the position, occupation, description, workplace, province or "
                          "district; case, dotted/dotless i, diacritics and inflection ignored"),
       F("sort", sort).oneOf({"relevance", "date"}).describe("default relevance with q, else date (newest first)"),
       F("page", page).range(1, 1'000'000), F("pageSize", page_size).range(1, 100));
  }
  // Unknown codes: 422 unknown_value naming the parameter; a district without exactly one
  // province: 422 province required.
  Result<PostingCriteria> ToCriteria(const ReferenceData& ref) const {
    std::vector<FieldError> bad;
    const auto codes = [&](const char* name, const std::vector<std::string>& values, std::string_view set) {
      for (const auto& v : values) {
        if (!job_codes::Has(set, v)) {
          bad.push_back({name, "unknown_value"});
          return;
        }
      }
    };
    for (const auto& p : province) {
      if (ref.FindProvince(p) == nullptr) {
        bad.push_back({"province", "unknown_value"});
        break;
      }
    }
    for (const auto& o : occupation) {
      if (ref.FindOccupation(o) == nullptr) {
        bad.push_back({"occupation", "unknown_value"});
        break;
      }
    }
    codes("personalStatus", personal_status, job_codes::kPersonalStatus);
    codes("workplaceType", workplace_type, job_codes::kWorkplaceType);
    codes("workLocation", work_location, job_codes::kWorkLocation);
    codes("workingPattern", working_pattern, job_codes::kWorkingPattern);
    if (!district.empty()) {
      if (province.size() != 1) {
        bad.push_back({"province", "required"});
      } else if (ref.FindProvince(province.front()) != nullptr && !ref.HasDistrict(province.front(), district)) {
        bad.push_back({"district", "unknown_value"});
      }
    }
    if (!sort.empty() && sort != "relevance" && sort != "date") bad.push_back({"sort", "unknown_value"});
    if (!bad.empty()) return Error::Validation(std::move(bad));
    return PostingCriteria{province,  occupation,      personal_status, workplace_type, work_location,
                           working_pattern, district, business_area, position,     workplace_title,
                           demand_no, q,          sort};
  }
  istihdam::Page requested() const { return {page, page_size}; }
};

struct StreamQuery : wire::Query {
  std::string since = "0";
  std::size_t limit = 100;
  template <class A>
  void serialize(A& ar) {
    ar(F("since", since).describe("a position (exclusive; 0 = all history) or an RFC 3339 instant (inclusive)"),
       F("limit", limit).range(1, 1000));
  }
};

struct CompleteQuery : wire::Query {
  std::string prefix;
  std::size_t limit = 10;
  template <class A>
  void serialize(A& ar) {
    ar(F("prefix", prefix).describe("fewer than 2 letters: no items"), F("limit", limit).range(1, 50));
  }
};

// ----- Answers ------------------------------------------------------------------------

struct PostingItem {
  std::string demand_no, position, occupation, occupation_name, workplace_title, province, province_name, district;
  std::string working_pattern, workplace_type, work_location;
  std::vector<std::string> personal_status;
  std::string target_group;
  std::optional<std::string> business_area;
  std::int64_t requested_count = 0;
  std::string last_application_date, published_at, updated_at;
  template <class A>
  void serialize(A& ar) {
    ar(F("demandNo", demand_no), F("position", position), F("occupation", occupation),
       F("occupationName", occupation_name), F("workplaceTitle", workplace_title), F("province", province),
       F("provinceName", province_name), F("district", district),
       F("workingPattern", working_pattern).from(Codes(job_codes::kWorkingPattern)),
       F("workplaceType", workplace_type).from(Codes(job_codes::kWorkplaceType)),
       F("workLocation", work_location).from(Codes(job_codes::kWorkLocation)),
       F("personalStatus", personal_status).from(Codes(job_codes::kPersonalStatus)),
       F("targetGroup", target_group).from(Codes(job_codes::kTargetGroup)),
       F("businessArea", business_area).nullable(), F("requestedCount", requested_count),
       F("lastApplicationDate", last_application_date).formatted("date"),
       F("publishedAt", published_at).formatted("date-time"), F("updatedAt", updated_at).formatted("date-time"));
  }
};

struct FacetEntry {
  std::string code, name;
  std::int64_t count = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("code", code), F("name", name), F("count", count));
  }
};

struct Facets {
  std::vector<FacetEntry> province, occupation_major_group, working_pattern, workplace_type;
  template <class A>
  void serialize(A& ar) {
    ar(F("province", province), F("occupationMajorGroup", occupation_major_group).describe("ISCO-08 1-digit group"),
       F("workingPattern", working_pattern), F("workplaceType", workplace_type));
  }
};

struct PostingPage {
  wire::PageOf<PostingItem> list;
  Facets facets;
  template <class A>
  void serialize(A& ar) {
    list.serialize(ar);
    ar(F("facets", facets).describe("counts over the whole result (every page), by count descending then code"));
  }
};

struct Refusal {
  std::string code;
  boost::json::value reasons;
  template <class A>
  void serialize(A& ar) {
    ar(F("code", code), F("reasons", reasons));
  }
};

struct PostingDetail {
  PostingItem item;
  std::string description;
  labor_demands::WorkAddress work_address;
  labor_demands::Education education;
  std::optional<std::int64_t> min_age, max_age;
  std::vector<std::string> driving_licences;
  std::vector<labor_demands::Language> foreign_languages;
  std::int64_t experience_months = 0;
  std::optional<bool> can_apply;
  std::optional<Refusal> apply_refusal;
  template <class A>
  void serialize(A& ar) {
    item.serialize(ar);
    ar(F("description", description), F("workAddress", work_address), F("education", education),
       F("minAge", min_age).nullable(), F("maxAge", max_age).nullable(), F("drivingLicences", driving_licences),
       F("foreignLanguages", foreign_languages), F("experienceMonths", experience_months),
       F("canApply", can_apply).nullable().describe("null without an individual token"),
       F("applyRefusal", apply_refusal).nullable().describe("null, or what applying would answer now"));
  }
};

struct PostingChange {
  std::uint64_t position = 0;
  std::string changed_at, change, demand_no;
  std::optional<PostingItem> posting;
  std::optional<std::string> reason;
  template <class A>
  void serialize(A& ar) {
    ar(F("position", position), F("changedAt", changed_at).formatted("date-time"),
       F("change", change).oneOf({"added", "updated", "removed"}), F("demandNo", demand_no),
       F("posting", posting).nullable().describe("null for a removal"),
       F("reason", reason).nullable().oneOf({"closed", "cancelled", "deleted", "unpublished"}));
  }
};

struct PostingStream {
  std::vector<PostingChange> items;
  std::uint64_t next = 0;
  bool has_more = false;
  template <class A>
  void serialize(A& ar) {
    ar(F("items", items).required(), F("next", next).required().describe("pass as since to continue"),
       F("hasMore", has_more).required());
  }
};

struct Completion {
  std::string value, type;
  std::int64_t count = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("value", value), F("type", type).oneOf({"position", "occupation", "province", "district"}),
       F("count", count).describe("postings carrying it"));
  }
};

struct Completions {
  std::string prefix;
  std::vector<Completion> items;
  template <class A>
  void serialize(A& ar) {
    ar(F("prefix", prefix), F("items", items).required());
  }
};

}  // namespace istihdam::http::contract::job_postings

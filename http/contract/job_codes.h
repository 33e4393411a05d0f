#pragma once
// The code sets of job vacancies (api/jobs.md "Codes"): the answer of GET /api/v1/job-codes,
// one field per set of aggregates/job_codes.h, named by its set name.
#include <stdexcept>
#include <string>
#include <vector>

#include "aggregates/job_codes.h"
#include "http/wire.h"

namespace istihdam::http::contract::job_codes {

using wire::F;
namespace sets = istihdam::job_codes;

struct CodeDoc {
  std::string code, name_tr, name_en;
  template <class A>
  void serialize(A& ar) {
    ar(F("code", code).required(), F("nameTr", name_tr).required(), F("nameEn", name_en).required());
  }
};

struct JobCodes {
  std::vector<CodeDoc> working_pattern, workplace_type, work_location, personal_status, target_group,
      education_level, driving_licences, language, level, military_status, close_reason, status, origin, state,
      result;
  template <class A>
  void serialize(A& ar) {
    ar(F(sets::kWorkingPattern.data(), working_pattern).required(),
       F(sets::kWorkplaceType.data(), workplace_type).required(),
       F(sets::kWorkLocation.data(), work_location).required(),
       F(sets::kPersonalStatus.data(), personal_status).required(),
       F(sets::kTargetGroup.data(), target_group).required(),
       F(sets::kEducationLevel.data(), education_level).required().describe("ordered: a later code is higher"),
       F(sets::kDrivingLicences.data(), driving_licences).required(),
       F(sets::kLanguage.data(), language).required().describe("ISO 639-1"),
       F(sets::kLevel.data(), level).required().describe("CEFR language levels, ordered: a later code is higher"),
       F(sets::kMilitaryStatus.data(), military_status).required(),
       F(sets::kCloseReason.data(), close_reason).required(),
       F(sets::kDemandStatus.data(), status).required().describe("of a labor demand"),
       F(sets::kCandidateOrigin.data(), origin).required().describe("of a candidate"),
       F(sets::kCandidateState.data(), state).required().describe("of a candidate"),
       F(sets::kInterviewResult.data(), result).required().describe("of an interview"));
  }

  // Every set, each field filled from the set its name names, in the sets' order. Throws
  // std::logic_error when a field names no set or a set has no field (a programming error).
  static JobCodes FromSets();
};

namespace detail {
// Walks JobCodes' fields and fills each from the set of its name.
struct SetFiller {
  std::size_t filled = 0;
  template <class... Fs>
  void operator()(Fs&&... fields) {
    (Fill(fields), ...);
  }
  void Fill(const wire::Field<std::vector<CodeDoc>>& f) {
    const auto* set = sets::Find(f.name);
    if (!set) throw std::logic_error(std::string("job codes: no code set named ") + f.name);
    for (const auto& c : set->codes) f.value.push_back({std::string(c.code), std::string(c.name_tr), std::string(c.name_en)});
    ++filled;
  }
};
}  // namespace detail

inline JobCodes JobCodes::FromSets() {
  JobCodes out;
  detail::SetFiller filler;
  out.serialize(filler);
  if (filler.filled != sets::All().size()) throw std::logic_error("job codes: a code set has no field in JobCodes");
  return out;
}

}  // namespace istihdam::http::contract::job_codes

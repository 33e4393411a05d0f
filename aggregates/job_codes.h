#pragma once
// The code sets of job vacancies (api/jobs.md "Codes"): what a labor demand, a posting search
// and a résumé may name. Served whole by GET /api/v1/job-codes. Where a set is ordered
// (education levels, CEFR levels) the table order is the order: a later code is higher.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace istihdam {
class Validator;
}

namespace istihdam::job_codes {

struct Code {
  std::string_view code;
  std::string_view name_tr;
  std::string_view name_en;
};

struct CodeSet {
  std::string_view name;  // "workingPattern"
  std::span<const Code> codes;
};

// Every set, in the order of the pin.
std::span<const CodeSet> All();
// The set named `name`; nullptr when there is none.
const CodeSet* Find(std::string_view name);
// Whether `code` belongs to the set named `set`.
bool Has(std::string_view set, std::string_view code);
// The position of `code` in an ordered set (educationLevel, level); nullopt when absent.
std::optional<int> Rank(std::string_view set, std::string_view code);
// The Turkish name of a code; empty when absent.
std::string_view NameTr(std::string_view set, std::string_view code);

// Checks of a command's code fields, recording into `v`: one code of `set` (required fails
// "required" when empty; a value outside the set is "unknown_value"), and a list of distinct
// codes ("field[i]": unknown_value or duplicate).
void Check(Validator& v, const std::string& field, const std::string& value, std::string_view set, bool required);
void CheckList(Validator& v, const std::string& field, const std::vector<std::string>& values, std::string_view set);

// The set names, spelled once.
inline constexpr std::string_view kWorkingPattern = "workingPattern";
inline constexpr std::string_view kWorkplaceType = "workplaceType";
inline constexpr std::string_view kWorkLocation = "workLocation";
inline constexpr std::string_view kPersonalStatus = "personalStatus";
inline constexpr std::string_view kTargetGroup = "targetGroup";
inline constexpr std::string_view kEducationLevel = "educationLevel";
inline constexpr std::string_view kDrivingLicences = "drivingLicences";
inline constexpr std::string_view kLanguage = "language";
inline constexpr std::string_view kLevel = "level";
inline constexpr std::string_view kMilitaryStatus = "militaryStatus";
inline constexpr std::string_view kCloseReason = "closeReason";
inline constexpr std::string_view kDemandStatus = "status";
inline constexpr std::string_view kCandidateOrigin = "origin";
inline constexpr std::string_view kCandidateState = "state";
inline constexpr std::string_view kInterviewResult = "result";

}  // namespace istihdam::job_codes

#pragma once
// Collects every failing field of a command, so that one 422 names them all; the domain
// ranges of numbers (docs/api.md "Ranges of numbers") and checked arithmetic for totals.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "infra/result.h"

namespace istihdam {

// The largest count of persons any field holds: a headcount, hires, leavers, dismissals, the
// workers of an occupation or an exemption, an expected change. Far above any employer
// (the largest Turkish employers have a few hundred thousand workers), far below overflow.
inline constexpr std::int64_t kMaxHeadcount = 10'000'000;
// The participant quota of one TYP program.
inline constexpr std::int64_t kMaxParticipantQuota = 10'000;
// The part-time hours of a month, summed over all part-time workers: every one of at most
// kMaxHeadcount workers working every hour of a 31-day month (the aggregate then applies the
// tighter rule: at most 31 x 24 hours per part-time worker).
inline constexpr std::int64_t kMaxPartTimeMonthlyHours = kMaxHeadcount * 31 * 24;

// a + b, or nullopt when the sum does not fit (totals are computed with this, after the
// inputs' ranges were checked).
[[nodiscard]] std::optional<std::int64_t> CheckedAdd(std::int64_t a, std::int64_t b);

class Validator {
 public:
  // Each check returns whether the value passed, and records a FieldError when it did not.
  bool Required(const std::string& field, const std::string& value);
  bool MaxLength(const std::string& field, const std::string& value, std::size_t max);
  // At most `max` characters (code points of valid UTF-8, which the edge guarantees), else
  // too_long: for limits the contract states in characters.
  bool MaxChars(const std::string& field, const std::string& value, std::size_t max);
  bool Tckn(const std::string& field, const std::string& value);
  bool Vkn(const std::string& field, const std::string& value);
  // 26 digits (RULES.md §1e); empty passes unless required separately.
  bool SgkNo(const std::string& field, const std::string& value);
  bool Email(const std::string& field, const std::string& value);  // empty passes
  bool Phone(const std::string& field, const std::string& value);  // empty passes
  bool OneOf(const std::string& field, const std::string& value,
             std::initializer_list<const char*> allowed);
  // `value` <= max, else out_of_range. Negative values are left to the caller's own rule
  // (most fields have a "negative" code of their own).
  bool AtMost(const std::string& field, std::int64_t value, std::int64_t max);
  void Fail(const std::string& field, const std::string& code);

  bool ok() const { return errors_.empty(); }
  Error ToError() const { return Error::Validation(errors_); }
  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  bool HasError(const std::string& field) const;
  std::vector<FieldError> errors_;
};

}  // namespace istihdam

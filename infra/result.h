#pragma once
// Errors as values. Every operation that can fail for an expected reason (a domain rule, a
// version conflict, bad input) returns Result<T> or Status; exceptions are reserved for
// programming errors and are turned into 500s at the HTTP edge.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "infra/error_codes.h"

namespace istihdam {

// One failing input field: `field` is the JSON path as the client sent it
// ("representative.tckn"), `code` a stable snake_case rule name ("invalid_checksum").
struct FieldError {
  std::string field;
  std::string code;
  bool operator==(const FieldError&) const = default;
};

// A refused or failed operation. `code` is stable snake_case and is what clients branch on
// (see docs/errors.md); `detail` is optional English context for logs and problem details;
// `subject` is the stream or key the error is about, when the caller needs it as data (the
// stream of a "version_conflict"), "" otherwise.
// One criterion a person does not meet (not_eligible): what the rule requires and what the
// person has ("" = nothing), evaluated as of `as_of` (a date).
struct Reason {
  std::string code;       // age_out_of_range, education_too_low, ...
  std::string criterion;  // the demand's field: minAge, maxAge, education, ...
  std::string required;
  std::string actual;
  std::string as_of;
  bool operator==(const Reason&) const = default;
};

// The quota a dispatch does not fit (quota_exceeded): which kind ("country" | "occupation"),
// the allocation, what it has left and what the dispatch asks.
struct QuotaShortfall {
  std::string quota;
  std::string allocation_id;
  std::int64_t available = 0;
  std::int64_t requested = 0;
  bool operator==(const QuotaShortfall&) const = default;
};

struct Error {
  std::string code;
  std::vector<FieldError> fields;
  std::string detail;
  std::string subject = {};
  // Facts the client branches on beyond fields: the unmet criteria of not_eligible, the job
  // seekers an all-or-nothing selection refused (already_candidate, not_matching).
  std::vector<Reason> reasons = {};
  std::vector<std::string> job_seeker_ids = {};
  std::vector<QuotaShortfall> quota = {};  // at most one: quota_exceeded

  static Error Of(std::string code, std::string detail = {}) {
    return Error{std::move(code), {}, std::move(detail)};
  }
  static Error Validation(std::vector<FieldError> fields) {
    return Error{errc::kValidationFailed, std::move(fields), {}};
  }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result of an operation with no value.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}
  static Status Ok() { return Status(); }
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace istihdam

#pragma once
// Collects every failing field of a command, so that one 422 names them all.
#include <string>
#include <vector>

#include "infra/result.h"

namespace istihdam {

class Validator {
 public:
  // Each check returns whether the value passed, and records a FieldError when it did not.
  bool Required(const std::string& field, const std::string& value);
  bool MaxLength(const std::string& field, const std::string& value, std::size_t max);
  bool Tckn(const std::string& field, const std::string& value);
  bool Vkn(const std::string& field, const std::string& value);
  // 26 digits (RULES.md §1e); empty passes unless required separately.
  bool SgkNo(const std::string& field, const std::string& value);
  bool Email(const std::string& field, const std::string& value);  // empty passes
  bool Phone(const std::string& field, const std::string& value);  // empty passes
  bool OneOf(const std::string& field, const std::string& value,
             std::initializer_list<const char*> allowed);
  void Fail(const std::string& field, const std::string& code);

  bool ok() const { return errors_.empty(); }
  Error ToError() const { return Error::Validation(errors_); }
  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  bool HasError(const std::string& field) const;
  std::vector<FieldError> errors_;
};

}  // namespace istihdam

#include "aggregates/validation.h"

#include <algorithm>

#include "infra/identifiers.h"

namespace istihdam {

bool Validator::HasError(const std::string& field) const {
  return std::any_of(errors_.begin(), errors_.end(),
                     [&](const FieldError& e) { return e.field == field; });
}

std::optional<std::int64_t> CheckedAdd(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) return std::nullopt;
  return sum;
}

bool Validator::AtMost(const std::string& field, std::int64_t value, std::int64_t max) {
  if (value > max) Fail(field, "out_of_range");
  return value <= max;
}

void Validator::Fail(const std::string& field, const std::string& code) {
  if (!HasError(field)) errors_.push_back({field, code});  // first failure per field only
}

bool Validator::Required(const std::string& field, const std::string& value) {
  const bool blank = std::all_of(value.begin(), value.end(), [](char c) { return c == ' ' || c == '\t'; });
  if (blank) Fail(field, "required");
  return !blank;
}

bool Validator::MaxLength(const std::string& field, const std::string& value, std::size_t max) {
  if (value.size() > max) Fail(field, "too_long");
  return value.size() <= max;
}

bool Validator::MaxChars(const std::string& field, const std::string& value, std::size_t max) {
  std::size_t chars = 0;
  for (const char c : value) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars > max) Fail(field, "too_long");
  return chars <= max;
}

bool Validator::Tckn(const std::string& field, const std::string& value) {
  if (!Required(field, value)) return false;
  if (value.size() != 11 || value.find_first_not_of("0123456789") != std::string::npos) {
    Fail(field, "invalid_format");
    return false;
  }
  if (!IsValidTckn(value)) Fail(field, "invalid_checksum");
  return IsValidTckn(value);
}

bool Validator::Vkn(const std::string& field, const std::string& value) {
  if (!Required(field, value)) return false;
  if (value.size() != 10 || value.find_first_not_of("0123456789") != std::string::npos) {
    Fail(field, "invalid_format");
    return false;
  }
  if (!IsValidVkn(value)) Fail(field, "invalid_checksum");
  return IsValidVkn(value);
}

bool Validator::SgkNo(const std::string& field, const std::string& value) {
  if (value.empty() || IsValidSgkNo(value)) return true;
  Fail(field, "invalid_format");
  return false;
}

bool Validator::Email(const std::string& field, const std::string& value) {
  if (value.empty()) return true;
  const auto at = value.find('@');
  const bool ok = at != std::string::npos && at > 0 && value.find('.', at) != std::string::npos &&
                  value.back() != '.' && value.find(' ') == std::string::npos && value.size() <= 254;
  if (!ok) Fail(field, "invalid_format");
  return ok;
}

bool Validator::Phone(const std::string& field, const std::string& value) {
  if (value.empty()) return true;
  std::size_t digits = 0;
  bool ok = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c >= '0' && c <= '9') ++digits;
    else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || (c == '+' && i == 0))) ok = false;
  }
  ok = ok && digits >= 10 && digits <= 13;
  if (!ok) Fail(field, "invalid_format");
  return ok;
}

bool Validator::OneOf(const std::string& field, const std::string& value,
                      std::initializer_list<const char*> allowed) {
  if (!Required(field, value)) return false;
  for (const char* a : allowed) {
    if (value == a) return true;
  }
  Fail(field, "unknown_value");
  return false;
}

}  // namespace istihdam

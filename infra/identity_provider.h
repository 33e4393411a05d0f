#pragma once
// The identity service adapter (KPS, "Kimlik Paylaşım Sistemi"): look a person up by TCKN and
// check the names (and birth year) given against the registry. Every place where the guide says
// data comes from KPS ("Bilgileri Getir") goes through this interface.
//
// Implementations: a registry file (CSV: tckn,first_name,last_name,birth_date) that knows only
// the persons in it, and a development mode that accepts any checksum-valid TCKN with the
// names given. A production KPS client implements the same interface (docs/security.md).
#include <memory>
#include <optional>
#include <string>

#include "infra/result.h"

namespace istihdam {

struct PersonRecord {
  std::string tckn, first_name, last_name, birth_date;  // birth_date "" when unknown
};

struct PersonQuery {
  std::string tckn, first_name, last_name;
  int birth_year = 0;  // 0 = not checked
};

class IdentityProvider {
 public:
  virtual ~IdentityProvider() = default;
  // The registry's record when the TCKN exists and the names (Turkish-folded, so case and
  // diacritics do not matter) and birth year match. Error "kps_mismatch" otherwise,
  // "kps_unavailable" when the service cannot be reached. Thread-safe.
  virtual Result<PersonRecord> Lookup(const PersonQuery& q) const = 0;
  virtual std::string Describe() const = 0;
};

// `registry_file` empty: development mode. Throws std::runtime_error when the file is unreadable.
std::unique_ptr<IdentityProvider> MakeIdentityProvider(const std::string& registry_file);

}  // namespace istihdam

#include "infra/identity_provider.h"

#include <fstream>
#include <map>
#include <sstream>

#include "infra/identifiers.h"
#include "infra/reference_data.h"
#include "infra/text.h"

namespace istihdam {

namespace {

bool NamesMatch(const PersonRecord& r, const PersonQuery& q) {
  if (FoldForSearch(r.first_name) != FoldForSearch(q.first_name)) return false;
  if (FoldForSearch(r.last_name) != FoldForSearch(q.last_name)) return false;
  if (q.birth_year != 0 && (r.birth_date.size() < 4 || std::stoi(r.birth_date.substr(0, 4)) != q.birth_year)) {
    return false;
  }
  return true;
}

class RegistryFileProvider final : public IdentityProvider {
 public:
  explicit RegistryFileProvider(const std::string& path) : path_(path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("identity registry file unreadable: " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    auto rows = ParseCsv(ss.str());
    for (std::size_t i = 1; i < rows.size(); ++i) {
      if (rows[i].size() < 4) continue;
      people_[rows[i][0]] = PersonRecord{rows[i][0], rows[i][1], rows[i][2], rows[i][3]};
    }
  }
  Result<PersonRecord> Lookup(const PersonQuery& q) const override {
    auto it = people_.find(q.tckn);
    if (it == people_.end() || !NamesMatch(it->second, q)) return Error::Of(errc::kKpsMismatch);
    return it->second;
  }
  std::string Describe() const override {
    return "registry file " + path_ + " (" + std::to_string(people_.size()) + " persons)";
  }

 private:
  std::string path_;
  std::map<std::string, PersonRecord> people_;
};

class DevelopmentProvider final : public IdentityProvider {
 public:
  Result<PersonRecord> Lookup(const PersonQuery& q) const override {
    if (!IsValidTckn(q.tckn) || q.first_name.empty() || q.last_name.empty()) return Error::Of(errc::kKpsMismatch);
    return PersonRecord{q.tckn, q.first_name, q.last_name, ""};
  }
  std::string Describe() const override {
    return "DEVELOPMENT MODE: any checksum-valid TCKN is accepted with the names given";
  }
};

}  // namespace

std::unique_ptr<IdentityProvider> MakeIdentityProvider(const std::string& registry_file) {
  if (registry_file.empty()) return std::make_unique<DevelopmentProvider>();
  return std::make_unique<RegistryFileProvider>(registry_file);
}

}  // namespace istihdam

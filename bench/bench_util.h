#pragma once
// Shared helpers of the storage benchmarks: flags, temp dirs, a realistic event, percentiles.
#include <rocksdb/db.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "events/employers.h"
#include "infra/event_record.h"

namespace istihdam::bench {

// "--name=value" from argv, else the environment variable `env`, else `fallback`.
inline std::string Flag(int argc, char** argv, std::string_view name, const char* env,
                        std::string fallback) {
  const std::string prefix = "--" + std::string(name) + "=";
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a.starts_with(prefix)) return std::string(a.substr(prefix.size()));
  }
  if (env != nullptr) {
    if (const char* v = std::getenv(env); v != nullptr && *v != '\0') return v;
  }
  return fallback;
}

inline bool WantsHelp(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

// A directory under `parent` (default /tmp) that is removed when this goes out of scope.
class TempDir {
 public:
  explicit TempDir(const std::string& parent, const std::string& tag) {
    std::string tmpl = parent + "/istihdam_" + tag + ".XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (mkdtemp(buf.data()) == nullptr) {
      std::perror("mkdtemp");
      std::exit(2);
    }
    path_ = buf.data();
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A deterministic, UUID-shaped id from two numbers.
inline std::string FakeUuid(std::uint64_t a, std::uint64_t b) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08llx-%04llx-4%03llx-8%03llx-%012llx",
                static_cast<unsigned long long>(a & 0xffffffffULL),
                static_cast<unsigned long long>((a >> 32) & 0xffffULL),
                static_cast<unsigned long long>((b >> 48) & 0xfffULL),
                static_cast<unsigned long long>((b >> 36) & 0xfffULL),
                static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return buf;
}

// A realistic EmployerRegistered (schema v2), about 350 bytes once encoded (cereal's portable
// binary spends 8 bytes on each of the 15 string lengths).
inline events::EmployerRegistered MakeEmployer(std::uint64_t thread, std::uint64_t i) {
  events::EmployerRegistered e;
  e.employer_id = FakeUuid(thread, i);
  e.iskur_no = std::to_string(3400000000ULL + (thread << 20) + i % 1000000);
  e.employer_kind = "legalEntity";
  e.title = "Öztürk Yazılım A.Ş.";
  e.tax_office = "Kadıköy";
  e.tax_no = std::to_string(1000000000ULL + i % 899999999ULL);
  e.sector = "private";
  e.province = "İstanbul";
  e.district = "Kadıköy";
  e.address = "Moda Cad. No:12";
  e.phone = "+902161234567";
  e.email = "ik@ozturk.com.tr";
  e.primary_admin_user_id = FakeUuid(thread + 0x1000, i);
  e.terms_version = "2024-01";
  e.terms_accepted_at = "2026-11-27T02:45:59.123456Z";
  return e;
}

// What a registration command attaches to its events.
inline EventMetadata MakeMeta(std::uint64_t thread, std::uint64_t i) {
  EventMetadata m;
  m.actor.user_id = "";
  m.actor.actor_type = "Anonymous";
  m.correlation_id = FakeUuid(thread + 0x2000, i);
  m.causation_id = FakeUuid(thread + 0x3000, i);
  return m;
}

// The q-quantile (0..1) of `v` (reorders v). 0 when empty.
inline double Quantile(std::vector<double>& v, double q) {
  if (v.empty()) return 0;
  const std::size_t k = std::min(v.size() - 1, static_cast<std::size_t>(q * (v.size() - 1) + 0.5));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

// Write-path counters from rocksdb.dbstats (cumulative since the DB was opened). RocksDB
// prints counts >= 10,000 as "12K"/"3M", so large counts are approximate.
struct WriteStats {
  double writes = 0;         // Write() calls
  double keys = 0;           // keys written
  double commit_groups = 0;  // RocksDB write groups (leaders)
  double syncs = 0;          // WAL fsyncs
};
inline double HumanNumber(const char* p) {
  char* end = nullptr;
  double v = std::strtod(p, &end);
  if (end != nullptr) {
    if (*end == 'K') v *= 1e3;
    if (*end == 'M') v *= 1e6;
    if (*end == 'G') v *= 1e9;
  }
  return v;
}
inline WriteStats ReadWriteStats(rocksdb::DB* db) {
  std::string s;
  WriteStats out;
  if (!db->GetProperty("rocksdb.dbstats", &s)) return out;
  // "Cumulative writes: 12K writes, 24K keys, 2001 commit groups, ..."
  if (auto at = s.find("Cumulative writes: "); at != std::string::npos) {
    const char* p = s.c_str() + at + 19;
    out.writes = HumanNumber(p);
    if (auto k = s.find(" writes, ", at); k != std::string::npos) out.keys = HumanNumber(s.c_str() + k + 9);
    if (auto k = s.find(" keys, ", at); k != std::string::npos) out.commit_groups = HumanNumber(s.c_str() + k + 7);
  }
  // "Cumulative WAL: 12K writes, 2001 syncs, ..."
  if (auto at = s.find("Cumulative WAL: "); at != std::string::npos) {
    if (auto k = s.find(" writes, ", at); k != std::string::npos) out.syncs = HumanNumber(s.c_str() + k + 9);
  }
  return out;
}

inline double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace istihdam::bench

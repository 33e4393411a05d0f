#pragma once
// Server configuration: defaults, overridden by a JSON config file, overridden by the command
// line. Keys and defaults: docs/configuration.md.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "infra/result.h"

namespace istihdam {

// The compulsory-employment quota rules in force from `effective_from` (RULES.md §1a,
// DOMAIN.md QUOTA-R1..R5). A month is computed with the latest set whose effective_from is on
// or before the month's first day, so a new set never changes stored months. Rates are in
// basis points (300 = 3 %) per category: disabled, exConvict, terrorVictim,
// exConvictOrTerrorVictim.
struct QuotaRuleSet {
  std::string effective_from;  // YYYY-MM-DD
  std::int64_t employee_threshold = 50;
  std::int64_t part_time_divisor_hours = 195;
  std::vector<std::pair<std::string, std::int64_t>> private_rates;
  std::vector<std::pair<std::string, std::int64_t>> public_rates;
};
// Law 5763 (in force 26.05.2008): private 3 % disabled; public 4 % disabled + 2 % ex-convicts
// or terror-injured conscripts.
std::vector<QuotaRuleSet> DefaultQuotaRules();

// Law 4857 art. 29 (RULES.md §1b): a workplace of min_workers..small_max workers dismisses
// collectively from small_min_dismissed, up to medium_max from medium_percent % (rounded up),
// above that from large_min_dismissed.
struct CollectiveDismissalThresholds {
  std::int64_t min_workers = 20;
  std::int64_t small_max = 100;
  std::int64_t small_min_dismissed = 10;
  std::int64_t medium_max = 300;
  std::int64_t medium_percent = 10;
  std::int64_t large_min_dismissed = 30;
};

// `relative` inside the checkout this binary was built from (only config.cpp knows where that
// is, so the other objects do not depend on the folder and ccache shares them between clones).
std::string SourcePath(const std::string& relative);

// The service's production address.
inline constexpr const char* kKpsPublicUrl = "https://tckimlik.nvi.gov.tr/Service/KPSPublic.asmx";

struct KpsPublicSettings {
  std::string url;  // "" = not used; kKpsPublicUrl in production, http:// for tests
  unsigned timeout_ms = 5000;            // per attempt
  unsigned retries = 2;                  // further attempts after a transport failure or a 5xx
  unsigned retry_pause_ms = 200;         // before retry k: k times this
  unsigned breaker_failures = 5;         // consecutive failed calls that open the circuit
  unsigned breaker_cooldown_seconds = 30;  // how long an open circuit fails fast
  std::string ca_file;                   // PEM bundle for https; "" = the system's CAs
};

struct Config {
  std::string data_dir = "var/data";
  // Defaults inside the checkout the binary was built from (SourcePath).
  std::string reference_dir = SourcePath("data");
  // Swagger UI's files for /docs (npm's swagger-ui-dist, installed by tools/install-deps.sh).
  std::string docs_dir = SourcePath("tools/api-tools/node_modules/swagger-ui-dist");
  std::string bind_address = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string port_file;  // when set, the bound port is written there (for --port 0)
  unsigned http_threads = 2;
  // Threads that run requests which may block (commands wait for their group commit's fsync;
  // GETs with minPosition wait for the read models). Plain GETs run on the I/O threads.
  unsigned worker_threads = 64;
  // In-memory caches (docs/storage.md "Memory bounds"): aggregate states kept per aggregate
  // type (least recently used out first), and stream heads kept by the group commit.
  std::size_t aggregate_cache_entries = 10'000;
  std::size_t stream_head_cache_entries = 200'000;
  std::size_t session_cache_entries = 100'000;  // resolved login sessions (commands/session_cache.h)
  std::size_t body_limit_bytes = 1 << 20;
  unsigned request_timeout_seconds = 30;
  std::vector<std::string> cors_origins;  // exact origins allowed to call from browsers
  unsigned session_ttl_minutes = 480;
  std::string password_cost = "interactive";  // interactive | moderate | min (tests)
  std::size_t min_password_length = 8;
  bool demo = false;
  std::size_t demo_postings = 300;  // job postings of the demo data (serve --demo), over 20 demo employers
  std::size_t demo_job_seekers = 2000;  // job seekers with résumés of the demo data, then applications
  std::string log_level = "info";
  std::string terms_version = "2026-01";
  // Identity and access (docs/security.md).
  std::string identity_registry_file;        // KPS stand-in; "" = development mode
  // The real identity service (http/kps_public.h), used when kps_public.url is set (kpsPublicUrl).
  KpsPublicSettings kps_public;
  std::size_t lockout_max_failures = 5;      // failed logins / wrong secret answers ...
  unsigned lockout_window_minutes = 15;      // ... within this window lock the account
  unsigned reset_ttl_minutes = 30;           // password reset tokens expire
  double auth_rate_per_client_per_minute = 60;  // login, reset, registration: per client address
  double public_read_rate_per_client_per_minute = 600;  // public searches (job postings): per client address
  double auth_rate_per_tckn_per_minute = 10;    // login and reset: per TCKN
  int utc_offset_minutes = 180;              // Türkiye (UTC+3): "today" for closing dates
  // Labor market (docs/configuration.md "Labor market").
  std::vector<QuotaRuleSet> quota_rules = DefaultQuotaRules();
  bool personnel_rows_must_match_counts = true;  // WS-B2, OP-24
  CollectiveDismissalThresholds collective_dismissal;
  // TYP attendance (docs/configuration.md "TYP attendance").
  std::string typ_attendance_types_file;  // "" = <reference_dir>/typ_attendance_types.csv
  std::int64_t typ_unexcused_absence_threshold = 3;  // unexcused days in a month that flag a participant
  std::int64_t course_interview_cutoff_percent = 10;  // invitation-interview closes above this completion %
  // Impact survey (docs/configuration.md "Impact survey").
  std::string impact_survey_questions_file;  // "" = <reference_dir>/impact_survey_questions.json
  // Private employment agencies (docs/configuration.md "Private employment agencies"): the report
  // periods of a year, months first..last inclusive; empty = the quarters Q1..Q4.
  struct OebReportPeriod {
    std::string code;
    int first_month = 1, last_month = 3;
  };
  std::vector<OebReportPeriod> oeb_report_periods;
  std::string clock_file;  // tests only (hidden --clock-file): "now" is read from this file
  // Kafka (docs/configuration.md "Kafka"): empty brokers = no Kafka (embedded default).
  std::string kafka_brokers;                   // HOST:PORT[,HOST:PORT...]
  std::string kafka_topic = "istihdam.events";
  std::string kafka_confidential_topic;       // "" = <kafka_topic>.confidential (period reports)
  int kafka_partitions = 3;                    // used only when the server creates the topic
  int kafka_replication_factor = -1;           // ditto; -1 = the cluster's default.replication.factor
  // More librdkafka properties for both the relay and the replica consumer (TLS, SASL,
  // client.id, ...): a production cluster needs nothing but configuration.
  std::map<std::string, std::string> kafka_properties;
  std::string role = "write";                  // write | read (read replica fed from Kafka)
  // Signed checkpoints (docs/audit.md): origin "istihdam/<instance_name>" and the key's name;
  // "" = the host name. The Ed25519 key file: "" = <data_dir>/checkpoint-signing.key, created
  // on first start with mode 0600.
  std::string instance_name;
  std::string checkpoint_key_file;
  unsigned checkpoint_interval_seconds = 10;     // a new checkpoint at most this long after growth
  std::string kafka_checkpoint_topic = "istihdam.checkpoints";
};

// Reads the JSON file at `path` over `config`; unknown keys are an error (typos must not pass
// silently).
Status LoadConfigFile(const std::string& path, Config* config);

}  // namespace istihdam

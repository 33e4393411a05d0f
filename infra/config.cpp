#include "infra/config.h"
#include "infra/listener_config.h"

#include <boost/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

namespace istihdam {

std::string SourcePath(const std::string& relative) { return std::string(ISTIHDAM_SOURCE_DIR) + "/" + relative; }

std::vector<QuotaRuleSet> DefaultQuotaRules() {
  return {QuotaRuleSet{"2008-05-26", 50, 195, {{"disabled", 300}},
                       {{"disabled", 400}, {"exConvictOrTerrorVictim", 200}}}};
}

namespace {

// Labor-market keys (docs/configuration.md "Labor market"); throws on a malformed value.
std::vector<std::pair<std::string, std::int64_t>> ParseRates(const boost::json::value& v) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& [cat, pct] : v.as_object()) {
    const std::string c(cat);
    if (c != "disabled" && c != "exConvict" && c != "terrorVictim" && c != "exConvictOrTerrorVictim") {
      throw std::invalid_argument("unknown quota category " + c);
    }
    out.emplace_back(c, static_cast<std::int64_t>(std::llround(pct.to_number<double>() * 100)));
  }
  return out;
}

std::vector<QuotaRuleSet> ParseQuotaRules(const boost::json::value& v) {
  std::vector<QuotaRuleSet> out;
  for (const auto& item : v.as_array()) {
    QuotaRuleSet r;
    const auto& o = item.as_object();
    r.effective_from = o.at("effectiveFrom").as_string().c_str();
    if (const auto* t = o.if_contains("employeeThreshold")) r.employee_threshold = t->to_number<std::int64_t>();
    if (const auto* d = o.if_contains("partTimeDivisorHours")) r.part_time_divisor_hours = d->to_number<std::int64_t>();
    if (r.part_time_divisor_hours <= 0) throw std::invalid_argument("partTimeDivisorHours must be > 0");
    const auto& rates = o.at("rates").as_object();
    if (const auto* p = rates.if_contains("private")) r.private_rates = ParseRates(*p);
    if (const auto* p = rates.if_contains("public")) r.public_rates = ParseRates(*p);
    if (!out.empty() && out.back().effective_from >= r.effective_from) {
      throw std::invalid_argument("quotaRules must be in increasing effectiveFrom order");
    }
    out.push_back(std::move(r));
  }
  return out;
}

CollectiveDismissalThresholds ParseDismissalThresholds(const boost::json::value& v) {
  CollectiveDismissalThresholds t;
  for (const auto& [key, val] : v.as_object()) {
    const std::string k(key);
    const auto n = val.to_number<std::int64_t>();
    if (k == "minWorkers") t.min_workers = n;
    else if (k == "smallMax") t.small_max = n;
    else if (k == "smallMinDismissed") t.small_min_dismissed = n;
    else if (k == "mediumMax") t.medium_max = n;
    else if (k == "mediumPercent") t.medium_percent = n;
    else if (k == "largeMinDismissed") t.large_min_dismissed = n;
    else throw std::invalid_argument("unknown collectiveDismissalThresholds key " + k);
  }
  return t;
}

// The configuration file as a JSON object: config_unreadable or config_invalid otherwise.
Result<boost::json::value> ReadConfigObject(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error::Of(errc::kConfigUnreadable, path);
  std::stringstream ss;
  ss << in.rdbuf();
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(ss.str(), ec);
  if (ec || !v.is_object()) return Error::Of(errc::kConfigInvalid, path + ": not a JSON object");
  return v;
}

}  // namespace

Status LoadConfigFile(const std::string& path, Config* c) {
  auto v = ReadConfigObject(path);
  if (!v.ok()) return v.error();
  try {
    for (const auto& [key, val] : v->as_object()) {
      const std::string k(key);
      if (k == "dataDir") c->data_dir = val.as_string().c_str();
      else if (k == "referenceDir") c->reference_dir = val.as_string().c_str();
      else if (k == "docsDir") c->docs_dir = val.as_string().c_str();
      else if (k == "bindAddress") c->bind_address = val.as_string().c_str();
      else if (k == "port") c->port = static_cast<std::uint16_t>(val.to_number<int>());
      else if (k == "httpThreads") c->http_threads = val.to_number<unsigned>();
      else if (k == "workerThreads") c->worker_threads = val.to_number<unsigned>();
      else if (k == "aggregateCacheEntries") c->aggregate_cache_entries = val.to_number<std::size_t>();
      else if (k == "streamHeadCacheEntries") c->stream_head_cache_entries = val.to_number<std::size_t>();
      else if (k == "sessionCacheEntries") c->session_cache_entries = val.to_number<std::size_t>();
      else if (k == "bodyLimitBytes") c->body_limit_bytes = val.to_number<std::size_t>();
      else if (k == "requestTimeoutSeconds") c->request_timeout_seconds = val.to_number<unsigned>();
      else if (IsListenerConfigKey(k)) {}  // LoadListenerConfig
      else if (k == "sessionTtlMinutes") c->session_ttl_minutes = val.to_number<unsigned>();
      else if (k == "passwordCost") c->password_cost = val.as_string().c_str();
      else if (k == "minPasswordLength") c->min_password_length = val.to_number<std::size_t>();
      else if (k == "demo") c->demo = val.as_bool();
      else if (k == "demoPostings") c->demo_postings = val.to_number<std::size_t>();
      else if (k == "demoJobSeekers") c->demo_job_seekers = val.to_number<std::size_t>();
      else if (k == "logLevel") c->log_level = val.as_string().c_str();
      else if (k == "termsVersion") c->terms_version = val.as_string().c_str();
      else if (k == "identityRegistryFile") c->identity_registry_file = val.as_string().c_str();
      else if (k == "kpsPublicUrl") c->kps_public.url = val.as_string().c_str();
      else if (k == "kpsTimeoutMs") c->kps_public.timeout_ms = val.to_number<unsigned>();
      else if (k == "kpsRetries") c->kps_public.retries = val.to_number<unsigned>();
      else if (k == "kpsBreakerFailures") c->kps_public.breaker_failures = val.to_number<unsigned>();
      else if (k == "kpsBreakerCooldownSeconds") c->kps_public.breaker_cooldown_seconds = val.to_number<unsigned>();
      else if (k == "kpsCaFile") c->kps_public.ca_file = val.as_string().c_str();
      else if (k == "lockoutMaxFailures") c->lockout_max_failures = val.to_number<std::size_t>();
      else if (k == "lockoutWindowMinutes") c->lockout_window_minutes = val.to_number<unsigned>();
      else if (k == "resetTtlMinutes") c->reset_ttl_minutes = val.to_number<unsigned>();
      else if (k == "authRatePerClientPerMinute") c->auth_rate_per_client_per_minute = val.to_number<double>();
      else if (k == "publicReadRatePerClientPerMinute") c->public_read_rate_per_client_per_minute = val.to_number<double>();
      else if (k == "authRatePerTcknPerMinute") c->auth_rate_per_tckn_per_minute = val.to_number<double>();
      else if (k == "utcOffsetMinutes") c->utc_offset_minutes = val.to_number<int>();
      else if (k == "quotaRules") c->quota_rules = ParseQuotaRules(val);
      else if (k == "personnelRowsMustMatchCounts") c->personnel_rows_must_match_counts = val.as_bool();
      else if (k == "collectiveDismissalThresholds") c->collective_dismissal = ParseDismissalThresholds(val);
      else if (k == "typAttendanceTypesFile") c->typ_attendance_types_file = val.as_string().c_str();
      else if (k == "typUnexcusedAbsenceThreshold") c->typ_unexcused_absence_threshold = val.to_number<std::int64_t>();
      else if (k == "courseInterviewCutoffPercent") c->course_interview_cutoff_percent = val.to_number<std::int64_t>();
      else if (k == "impactSurveyQuestionsFile") c->impact_survey_questions_file = val.as_string().c_str();
      else if (k == "kafkaBrokers") c->kafka_brokers = val.as_string().c_str();
      else if (k == "kafkaTopic") c->kafka_topic = val.as_string().c_str();
      else if (k == "kafkaConfidentialTopic") c->kafka_confidential_topic = val.as_string().c_str();
      else if (k == "instanceName") c->instance_name = val.as_string().c_str();
      else if (k == "checkpointKeyFile") c->checkpoint_key_file = val.as_string().c_str();
      else if (k == "checkpointIntervalSeconds") c->checkpoint_interval_seconds = val.to_number<unsigned>();
      else if (k == "kafkaCheckpointTopic") c->kafka_checkpoint_topic = val.as_string().c_str();
      else if (k == "oebReportPeriods") {
        c->oeb_report_periods.clear();
        for (const auto& p : val.as_array()) {
          const auto& o = p.as_object();
          Config::OebReportPeriod r{o.at("code").as_string().c_str(), o.at("firstMonth").to_number<int>(),
                                    o.at("lastMonth").to_number<int>()};
          if (r.code.empty() || r.first_month < 1 || r.last_month > 12 || r.first_month > r.last_month)
            throw std::invalid_argument("oebReportPeriods: each needs a code and 1 <= firstMonth <= lastMonth <= 12");
          c->oeb_report_periods.push_back(std::move(r));
        }
      }
      else if (k == "kafkaPartitions") c->kafka_partitions = val.to_number<int>();
      else if (k == "kafkaReplicationFactor") c->kafka_replication_factor = val.to_number<int>();
      else if (k == "kafkaProperties") {
        c->kafka_properties.clear();
        for (const auto& [name, v] : val.as_object()) c->kafka_properties[std::string(name)] = v.as_string().c_str();
      }
      else if (k == "role") {
        c->role = val.as_string().c_str();
        if (c->role != "write" && c->role != "read") throw std::invalid_argument("role must be write or read");
      }
      else if (k == "corsOrigins") {
        c->cors_origins.clear();
        for (const auto& o : val.as_array()) c->cors_origins.emplace_back(o.as_string().c_str());
      } else {
        return Error::Of(errc::kConfigInvalid, path + ": unknown key " + k);
      }
    }
  } catch (const std::exception& e) {
    return Error::Of(errc::kConfigInvalid, path + ": " + e.what());
  }
  return Status::Ok();
}

}  // namespace istihdam

namespace istihdam {

bool IsListenerConfigKey(std::string_view key) {
  return key == "tlsCertFile" || key == "tlsKeyFile" || key == "drainSeconds";
}

Status LoadListenerConfig(const std::string& path, ListenerConfig* c) {
  auto v = ReadConfigObject(path);
  if (!v.ok()) return v.error();
  try {
    const auto& o = v->as_object();
    if (const auto* p = o.if_contains("tlsCertFile")) c->tls_cert_file = p->as_string().c_str();
    if (const auto* p = o.if_contains("tlsKeyFile")) c->tls_key_file = p->as_string().c_str();
    if (const auto* p = o.if_contains("drainSeconds")) c->drain_seconds = p->to_number<unsigned>();
  } catch (const std::exception& e) {
    return Error::Of(errc::kConfigInvalid, path + ": " + e.what());
  }
  return Status::Ok();
}

}  // namespace istihdam

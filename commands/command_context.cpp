#include "commands/command_context.h"

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include "commands/services.h"

namespace istihdam {

Services::Services(Config cfg, const Clock* clk, Database* database, EventStore* event_store,
                   StreamReader* stream_reader, Metrics* m, ReferenceData reference)
    : config(std::move(cfg)),
      clock(clk),
      db(database),
      tables(database),
      store(event_store),
      reader(stream_reader),
      metrics(m),
      ref(std::move(reference)),
      password_cost(crypto::PasswordCost::FromName(config.password_cost)),
      ids(event_store),
      employers(stream_reader, config.aggregate_cache_entries),
      workplaces(stream_reader, config.aggregate_cache_entries),
      users(stream_reader, config.aggregate_cache_entries),
      staff(stream_reader, config.aggregate_cache_entries),
      identity(MakeIdentityProvider(config.identity_registry_file)),
      lockout{config.lockout_max_failures, Micros(config.lockout_window_minutes) * 60'000'000},
      per_tckn_limiter(config.auth_rate_per_tckn_per_minute) {
  find_session = [sessions = tables.sessions](const std::string& key, std::string* value) {
    return sessions.Get(key, value);
  };
  session_epoch = [sessions = tables.sessions] { return sessions.Removals(); };
  if (!tables.meta.Get("installation-secret", &installation_secret)) {
    installation_secret = crypto::RandomToken(32);
    auto st = tables.meta.PutDurably("installation-secret", installation_secret);
    if (!st.ok()) throw std::runtime_error("cannot store installation secret: " + st.error().detail);
  }
}

void PhantomFailures::Record(const std::string& key, Micros at) {
  std::lock_guard lock(mu_);
  if (failures_.size() > 100'000) failures_.clear();
  auto& v = failures_[key];
  v.push_back(at);
  if (v.size() > 64) v.erase(v.begin());
}

std::vector<Micros> PhantomFailures::Of(const std::string& key) {
  std::lock_guard lock(mu_);
  auto it = failures_.find(key);
  return it == failures_.end() ? std::vector<Micros>{} : it->second;
}

std::size_t Services::CachedAggregateStates() {
  return employers.CachedStates() + workplaces.CachedStates() + users.CachedStates() + staff.CachedStates() +
         schedules.CachedStates() + dismissals.CachedStates() + typ_programs.CachedStates() +
         typ_attendance.CachedStates() + labor_demands.CachedStates() + resumes.CachedStates() +
         occupations.CachedStates() + courses.CachedStates() + trainee_histories.CachedStates() +
         trainers.CachedStates() + impact_surveys.CachedStates() + overseas_projects.CachedStates() +
         overseas_quotas.CachedStates() + dispatches.CachedStates() + overseas_transfers.CachedStates() +
         bureaus.CachedStates() + period_reports.CachedStates();
}

std::string Services::Today() const {
  return FormatDate(clock->Now() + Micros(config.utc_offset_minutes) * 60'000'000);
}

std::unique_lock<std::mutex> SequenceLocks::Hold(const std::string& key) {
  return std::unique_lock(mu_[std::hash<std::string>{}(key) % mu_.size()]);
}

std::string IdAllocator::Next(const std::string& prefix, std::uint64_t first) {
  std::lock_guard lock(mu_);
  auto it = next_.find(prefix);
  if (it == next_.end()) {
    it = next_.emplace(prefix, std::max(first, store_->HighestNumberedStream(prefix) + 1)).first;
  }
  return std::to_string(it->second++);
}

std::string ReservationStream(Services& s, const std::string& kind, const std::string& value) {
  const auto digest = crypto::Sha256(s.installation_secret + "\n" + kind + "\n" + value);
  return kind + "-" + crypto::ToHex(digest).substr(0, 32);
}

Result<Outcome> Execute(Services& s, const CommandEnv& env, const std::string& command,
                      const std::function<Result<Decision>()>& decide) {
  auto count = [&](const char* outcome) {
    if (s.metrics) s.metrics->CountCommand(command, outcome);
  };
  for (int attempt = 0;; ++attempt) {
    auto d = decide();
    if (!d.ok()) {
      count("refused");
      return d.error();
    }
    if (d->append.streams.empty()) {  // nothing changed: answer without writing
      AppendResult none;
      none.first_position = none.last_position = s.store->LastPosition();
      Outcome r = d->reply(none);
      r.body["position"] = none.last_position;
      count("unchanged");
      return r;
    }
    // The backstop before the immutable log: the input boundaries refuse bad text with the
    // request's own field names; whatever slipped past them is refused here.
    if (s.registry) {
      for (const auto& sa : d->append.streams) {
        for (const auto& e : sa.events) {
          if (auto field = s.registry->FindInvalidText(sa.stream, e, env.meta)) {
            count("refused");
            spdlog::warn("{}: refused an event {} whose {} is not acceptable text", command, e.type, *field);
            return Error::Validation({{*field, "invalid_text"}});
          }
        }
      }
    }
    AppendRequest req = std::move(d->append);
    req.meta = env.meta;
    req.extra = std::move(d->extra);
    auto reply_fn = d->reply;
    if (env.record) {
      req.extra.push_back(ExtraWrite{env.record->family, env.record->key,
                                     [reply_fn, render = env.record->render](const AppendResult& r) {
                                       Outcome out = reply_fn(r);
                                       out.body["position"] = r.last_position;
                                       return render(out.body);
                                     }});
    }
    auto res = s.store->Append(std::move(req));
    if (res.ok()) {
      Outcome r = reply_fn(*res);
      r.body["position"] = res->last_position;
      count("accepted");
      return r;
    }
    if (res.error().code != errc::kVersionConflict) {
      count("failed");
      spdlog::error("{}: append failed: {}", command, res.error().detail);
      return res.error();
    }
    for (const auto& [stream, code] : d->conflict_codes) {
      if (res.error().subject == stream) {
        count("refused");
        return code;
      }
    }
    if (env.pinned_version) {
      count("conflict");
      return Error::Of(errc::kVersionMismatch);
    }
    if (attempt >= 9) {
      count("conflict");
      return Error::Of(errc::kConcurrencyConflict, res.error().detail);
    }
    // Contenders that lost together would otherwise retry in lockstep and meet again.
    thread_local std::minstd_rand jitter{std::random_device{}()};
    const int cap_us = 1000 << std::min(attempt, 4);  // 1, 2, 4, 8, 16 ms
    std::this_thread::sleep_for(std::chrono::microseconds(
        std::uniform_int_distribution<int>(0, cap_us)(jitter)));
  }
}

}  // namespace istihdam

// Bulk load of demo job seekers into an offline data directory (http/demo_job_seekers.h): the
// command path's deciders and events, without a synced append per command and without the
// password hashes, so that a million people take minutes instead of hours.
#include <spdlog/spdlog.h>

#include "commands/identity_helpers.h"
#include "http/demo_job_seekers.h"
#include "infra/error_codes.h"

namespace istihdam::http {

namespace {

// The first invalid text field of the request's events, as Execute refuses it.
std::optional<std::string> InvalidText(const Services& s, const AppendRequest& req) {
  if (s.registry == nullptr) return std::nullopt;
  for (const auto& sa : req.streams) {
    for (const auto& e : sa.events) {
      if (auto field = s.registry->FindInvalidText(sa.stream, e, req.meta)) return field;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<std::size_t> BulkLoadJobSeekers(Services& s, const CommandEnv& env, std::size_t n, std::uint64_t seed,
                                       std::size_t batch,
                                       const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
  const std::string today = s.Today();
  DemoPeople people(s.ref, seed, today);
  const std::uint64_t base = DemoPersonBase(s.store->LastPosition(), seed);
  std::size_t written = 0, skipped = 0;
  for (std::size_t from = 0; from < n; from += batch) {
    AppendRequest req;
    req.meta = env.meta;
    std::size_t in_batch = 0;
    for (std::size_t i = from; i < std::min(n, from + batch); ++i) {
      auto person = people.Next(base + i);
      RegisterIndividual& reg = person.registration;
      reg.today = today;
      const std::string reservation = ReservationStream(s, "tckn", reg.tckn);
      if (s.store->StreamVersion(reservation) > 0) {  // taken by an earlier run: as already_registered
        ++skipped;
        continue;
      }
      const int year = std::stoi(reg.birth_date.substr(0, 4));
      if (auto id = CheckIdentity(s, {reg.tckn, reg.first_name, reg.last_name, year}, "tckn"); !id.ok()) {
        return Error::Of(id.error().code, "bulk job seeker " + reg.tckn);
      }
      reg.user_id = s.ids.Next("user-", 4'000'000'001);
      auto registered = DecideRegisterIndividual(reg, s.config.min_password_length);
      if (!registered.ok()) return Error::Of(registered.error().code, "bulk job seeker " + reg.tckn);
      auto resume = DecideSaveResume(ResumeState{}, SaveResume{reg.user_id, person.resume}, s.ref);
      if (!resume.ok() || !*resume) {
        std::string fields;
        if (!resume.ok()) {
          for (const auto& f : resume.error().fields) fields += " " + f.field + ":" + f.code;
        }
        return Error::Of(errc::kValidationFailed, "résumé of bulk job seeker " + reg.user_id + fields);
      }
      AddEvent(req, "user-" + reg.user_id, ExpectedVersion::NoStream(), *registered);
      AddEvent(req, reservation, ExpectedVersion::NoStream(), events::IdentifierReserved{"tckn", reg.user_id});
      AddEvent(req, ResumeStream(reg.user_id), ExpectedVersion::NoStream(), **resume);
      ++in_batch;
    }
    if (in_batch > 0) {
      if (auto field = InvalidText(s, req)) return Error::Validation({{*field, "invalid_text"}});
      auto r = s.store->Append(std::move(req));
      if (!r.ok()) return Error::Of(r.error().code, "bulk append: " + r.error().detail);
      written += in_batch;
    }
    if (progress) progress(std::min(n, from + batch), n);
  }
  if (skipped > 0) spdlog::warn("bulk job seekers: {} TCKNs already registered, skipped", skipped);
  return written;
}

}  // namespace istihdam::http

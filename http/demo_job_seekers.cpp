// Demo job seekers through the command path: registration, résumé, applications to the demo
// postings, and the employers' invitations and interview results (http/demo_job_seekers.h).
#include "http/demo_job_seekers.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "commands/individuals.h"
#include "commands/job_seekers.h"
#include "infra/clock.h"

namespace istihdam::http {

namespace {

// Sets the Argon2id cost of `s` for the guard's lifetime.
class PasswordCostGuard {
 public:
  PasswordCostGuard(Services& s, const char* cost) : s_(s), saved_(s.password_cost) {
    s.password_cost = crypto::PasswordCost::FromName(cost);
  }
  ~PasswordCostGuard() { s_.password_cost = saved_; }
  PasswordCostGuard(const PasswordCostGuard&) = delete;
  PasswordCostGuard& operator=(const PasswordCostGuard&) = delete;

 private:
  Services& s_;
  crypto::PasswordCost saved_;
};

struct Posting {
  std::string demand_no, employer_id, occupation, province;
};

// The labor demands in the log that are open for applications today.
std::vector<Posting> OpenPostings(Services& s) {
  std::vector<Posting> out;
  const std::string today = s.Today();
  s.store->ForEach(1, [&](RecordedEvent&& e) {
    if (e.type != events::LaborDemandCreated::kType) return true;
    const auto created = events::DecodePayload<events::LaborDemandCreated>(e.payload);
    const auto demand = s.labor_demands.Load(LaborDemandStream(created.demand_no)).state;
    if (demand.exists && !demand.deleted && demand.status == "active" && demand.draft.publish &&
        demand.draft.last_application_date >= today) {
      out.push_back({demand.demand_no, demand.employer_id, demand.draft.occupation, demand.draft.work_address.province});
    }
    return true;
  });
  return out;
}

struct Seeker {
  std::string id;  // "" when the person was not registered (TCKN taken)
  events::Resume resume;
};

// Runs fn(i) for i in [0, n) on `threads` threads; stops handing out work after the first
// error, which it returns. Commands from several threads share the event store's group commit,
// so a few thousand take seconds rather than one fsync each.
Status ParallelFor(std::size_t n, unsigned threads, const std::function<Status(std::size_t)>& fn) {
  std::atomic<std::size_t> next{0};
  std::mutex mu;
  std::optional<Error> failed;
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (std::size_t i; (i = next++) < n;) {
        {
          std::lock_guard lock(mu);
          if (failed) return;
        }
        if (auto st = fn(i); !st.ok()) {
          std::lock_guard lock(mu);
          if (!failed) failed = st.error();
          return;
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  if (failed) return *failed;
  return Status::Ok();
}

constexpr unsigned kWriters = 8;

// Who applies where: 30 % of the people, to one open posting per occupation of their résumé
// (one in their province when there is one), at most three. Per posting, in the order drawn.
std::vector<std::vector<std::string>> PlanApplications(std::mt19937_64& rng, const std::vector<Seeker>& people,
                                                       const std::vector<Posting>& postings) {
  std::map<std::string, std::vector<std::size_t>> by_occupation;
  for (std::size_t i = 0; i < postings.size(); ++i) by_occupation[postings[i].occupation].push_back(i);
  std::vector<std::vector<std::string>> plan(postings.size());
  for (const auto& p : people) {
    if (p.id.empty() || std::uniform_int_distribution<int>(0, 99)(rng) >= 30) continue;
    std::size_t applied = 0;
    for (const auto& occupation : p.resume.occupations) {
      const auto it = by_occupation.find(occupation);
      if (it == by_occupation.end() || applied == 3) continue;
      const auto& candidates = it->second;
      std::size_t pick = candidates[std::uniform_int_distribution<std::size_t>(0, candidates.size() - 1)(rng)];
      for (std::size_t i : candidates) {
        if (postings[i].province == p.resume.province) pick = i;
      }
      plan[pick].push_back(p.id);
      ++applied;
    }
  }
  return plan;
}

// The applications planned for one posting, then its employer's invitations (about half of
// the applicants, at most five, to an interview in the coming two weeks) and interview results
// (about half of those invited). Refusals are counted, not errors.
void WorkOnPosting(Services& s, const CommandEnv& env, std::uint64_t seed, const Posting& posting,
                   const std::vector<std::string>& applicants, DemoJobSeekerCounts* counts, std::mutex* mu) {
  DemoJobSeekerCounts here;
  for (const auto& id : applicants) {
    CommandEnv as_person = env;
    as_person.meta.actor = Actor{id, "Individual", ""};
    auto r = HandleApplyToJobPosting(s, as_person, posting.demand_no, id);
    if (r.ok()) ++here.applications;
    else ++here.refused[r.error().code];
  }
  std::mt19937_64 rng(seed * 1'000'003 + std::hash<std::string>{}(posting.demand_no));
  const char* results[] = {"hired", "notSuitable", "notSuitable", "didNotAttend", "candidateDeclined"};
  std::int64_t today = 0;
  ParseDate(s.Today(), &today);
  const auto demand = s.labor_demands.Load(LaborDemandStream(posting.demand_no)).state;
  CommandEnv as_employer = env;
  as_employer.meta.actor = Actor{"", "System", posting.employer_id};
  const auto* province = s.ref.FindProvince(posting.province);
  std::size_t invited = 0;
  for (const auto& c : demand.candidate_list) {
    if (invited == 5 || std::uniform_int_distribution<int>(0, 1)(rng) == 0) continue;
    InviteCandidate invite;
    invite.employer_id = posting.employer_id;
    invite.candidate_id = c.candidate_id;
    const std::int64_t day = today + std::uniform_int_distribution<int>(2, 14)(rng);
    invite.interview_date = FormatDate(day * 86'400'000'000LL) + "T" +
                            std::to_string(10 + std::uniform_int_distribution<int>(0, 6)(rng)) + ":00:00+03:00";
    invite.interview_address =
        "İnsan Kaynakları Birimi, " + demand.draft.work_address.district + " / " + (province ? province->name : "");
    if (!HandleInviteCandidate(s, as_employer, posting.demand_no, invite).ok()) continue;
    ++invited;
    ++here.invitations;
    if (std::uniform_int_distribution<int>(0, 1)(rng) == 0) continue;
    RecordInterview interview;
    interview.employer_id = posting.employer_id;
    interview.candidate_id = c.candidate_id;
    interview.result = results[std::uniform_int_distribution<std::size_t>(0, std::size(results) - 1)(rng)];
    if (HandleRecordInterview(s, as_employer, posting.demand_no, interview).ok()) ++here.interviews;
  }
  std::lock_guard lock(*mu);
  counts->applications += here.applications;
  for (const auto& [code, n] : here.refused) counts->refused[code] += n;
  counts->invitations += here.invitations;
  counts->interviews += here.interviews;
}

}  // namespace

Result<DemoJobSeekerCounts> SeedDemoJobSeekers(Services& s, const CommandEnv& env, std::size_t n, std::uint64_t seed,
                                               const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
  PasswordCostGuard cheap(s, "min");
  DemoJobSeekerCounts counts;
  // The people are drawn in order, so they are the same for a seed whatever order the threads
  // write them in (only their ids follow the order of the writes).
  DemoPeople draw(s.ref, seed, s.Today());
  const std::uint64_t base = DemoPersonBase(s.store->LastPosition(), seed);
  std::vector<DemoPeople::Person> people;
  people.reserve(n);
  for (std::size_t i = 0; i < n; ++i) people.push_back(draw.Next(base + i));
  std::vector<Seeker> seekers(n);
  CommandEnv anonymous = env;
  anonymous.meta.actor = Actor{"", "Anonymous", ""};
  std::mutex mu;
  std::size_t done = 0;
  auto registered = ParallelFor(n, kWriters, [&](std::size_t i) -> Status {
    auto& person = people[i];
    auto reg = HandleRegisterIndividual(s, anonymous, person.registration);
    if (!reg.ok() && reg.error().code == "already_registered") {
      std::lock_guard lock(mu);
      ++counts.already_registered;
      return Status::Ok();
    }
    if (!reg.ok()) {
      return Error::Of(reg.error().code, "demo job seeker " + person.registration.tckn + ": " + reg.error().detail);
    }
    const std::string id(reg->body["individualId"].as_string());
    CommandEnv as_person = env;
    as_person.meta.actor = Actor{id, "Individual", ""};
    auto saved = HandleSaveResume(s, as_person, std::nullopt, SaveResume{id, person.resume});
    if (!saved.ok()) {
      std::string fields;
      for (const auto& f : saved.error().fields) fields += " " + f.field + ":" + f.code;
      return Error::Of(saved.error().code, "résumé of demo job seeker " + id + fields);
    }
    seekers[i] = {id, std::move(person.resume)};
    std::lock_guard lock(mu);
    if (i == 0) counts.example_tckn = person.registration.tckn;
    ++counts.registered;
    ++counts.resumes;
    if (progress) progress(++done, n);
    return Status::Ok();
  });
  if (!registered.ok()) return registered.error();
  std::mt19937_64 rng(seed + 17);
  const auto postings = OpenPostings(s);
  const auto plan = PlanApplications(rng, seekers, postings);
  auto worked = ParallelFor(postings.size(), kWriters, [&](std::size_t i) -> Status {
    WorkOnPosting(s, env, seed, postings[i], plan[i], &counts, &mu);
    return Status::Ok();
  });
  if (!worked.ok()) return worked.error();
  return counts;
}

}  // namespace istihdam::http

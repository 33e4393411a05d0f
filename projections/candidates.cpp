#include "projections/candidates.h"

#include <boost/json.hpp>

#include <cstdio>
#include <vector>

#include "events/identity.h"
#include "events/labor_demands.h"
#include "infra/clock.h"
#include "infra/reference_data.h"
#include "infra/stored_json.h"

namespace istihdam {
namespace {

// Tables (docs/candidates.md):
constexpr const char* kPeople = "people";          // userId -> {"firstName", "lastName"}
constexpr const char* kDemands = "demands";        // demandNo -> demand JSON
constexpr const char* kRows = "candidate_rows";    // demandNo \0 place -> candidate JSON
constexpr const char* kPlaces = "candidate_places";  // candidateId -> demandNo \0 place
constexpr const char* kReports = "report_rows";    // employerId \0 type \0 date \0 demandNo \0 place -> ""
constexpr const char* kWhat = "candidates";

const std::string kSep(1, '\0');
constexpr const char* kReportTypes[] = {"selection", "referral", "interview", "result"};

// Places are 1, 2, …: zero-padded so that key order is the order of addition.
std::string Place(std::int64_t n) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%08lld", static_cast<long long>(n));
  return buf;
}

boost::json::object Parse(const std::string& doc) { return ParseStoredJson(doc, kWhat).as_object(); }

std::string Str(const boost::json::object& o, const char* k) {
  const auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The date a candidate row carries in a report, "" when it is not in that report.
std::string ReportDate(const boost::json::object& row, const std::string& type) {
  if (type == "selection") return Str(row, "origin") == "selected" ? Str(row, "addedOn") : "";
  if (type == "referral") return Str(row, "origin") == "referred" ? Str(row, "addedOn") : "";
  if (type == "interview") return Str(row, "interviewDate").substr(0, 10);  // the day as the employer gave it
  if (type == "result") return Str(row, "resultOn");
  return "";
}

std::vector<std::string> ReportKeys(const std::string& employer_id, const std::string& row_key,
                                    const boost::json::object& row) {
  std::vector<std::string> keys;
  for (const char* type : kReportTypes) {
    const std::string date = ReportDate(row, type);
    if (!date.empty()) keys.push_back(employer_id + kSep + type + kSep + date + kSep + row_key);
  }
  return keys;
}

class CandidatesProjector final : public Projector {
 public:
  std::string name() const override { return kWhat; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::UserAccountRegistered, events::LaborDemandEvent>(); }
  std::vector<std::string> tables() const override { return {kPeople, kDemands, kRows, kPlaces, kReports}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    if (auto ue = events::Decode<events::UserAccountEvent>(e)) {
      if (const auto* r = std::get_if<events::UserAccountRegistered>(&*ue)) {
        b.Put(kPeople, r->user_id,
              SerializeStoredJson(boost::json::object{{"firstName", r->first_name}, {"lastName", r->last_name}}));
      }
      return;
    }
    auto ev = events::Decode<events::LaborDemandEvent>(e);
    if (!ev) return;
    if (const auto* c = std::get_if<events::LaborDemandCreated>(&*ev)) {
      boost::json::object d{{"employerId", c->employer_id},
                            {"workplaceId", c->workplace_id},
                            {"workplaceTitle", c->workplace_title},
                            {"occupation", c->draft.occupation},
                            {"position", c->draft.position},
                            {"status", "active"},
                            {"deleted", false},
                            {"candidates", 0}};
      b.Put(kDemands, c->demand_no, SerializeStoredJson(d));
      return;
    }
    const std::string no = std::visit([](const auto& x) { return x.demand_no; }, *ev);
    std::string doc;
    if (!b.Get(kDemands, no, &doc)) return;
    auto d = Parse(doc);
    if (d.at("deleted").as_bool()) return;
    std::visit([&](const auto& x) { On(x, e, no, d, b); }, *ev);
  }

 private:
  using Object = boost::json::object;

  static void SaveDemand(const std::string& no, const Object& d, ProjectionBatch& b) {
    b.Put(kDemands, no, SerializeStoredJson(d));
  }

  static void On(const events::LaborDemandCreated&, const RecordedEvent&, const std::string&, Object&,
                 ProjectionBatch&) {}
  static void On(const events::LaborDemandUpdated& u, const RecordedEvent&, const std::string& no, Object& d,
                 ProjectionBatch& b) {
    d["occupation"] = u.draft.occupation;
    d["position"] = u.draft.position;
    SaveDemand(no, d, b);
  }
  static void On(const events::LaborDemandClosed&, const RecordedEvent&, const std::string& no, Object& d,
                 ProjectionBatch& b) {
    d["status"] = "closed";
    SaveDemand(no, d, b);
  }
  static void On(const events::LaborDemandCancelled&, const RecordedEvent&, const std::string& no, Object& d,
                 ProjectionBatch& b) {
    d["status"] = "cancelled";
    SaveDemand(no, d, b);
  }
  // The demand leaves the model: its candidate rows and report rows go; the demand row stays,
  // marked, so that nothing later brings them back.
  static void On(const events::LaborDemandDeleted&, const RecordedEvent&, const std::string& no, Object& d,
                 ProjectionBatch& b) {
    const std::string employer = Str(d, "employerId");
    const auto count = d.at("candidates").to_number<std::int64_t>();
    for (std::int64_t i = 1; i <= count; ++i) {
      const std::string key = no + kSep + Place(i);
      std::string row;
      if (!b.Get(kRows, key, &row)) continue;
      const auto r = Parse(row);
      for (const auto& k : ReportKeys(employer, key, r)) b.Delete(kReports, k);
      b.Delete(kPlaces, Str(r, "candidateId"));
      b.Delete(kRows, key);
    }
    d["deleted"] = true;
    SaveDemand(no, d, b);
  }
  static void On(const events::CandidatesSelected& s, const RecordedEvent& e, const std::string& no, Object& d,
                 ProjectionBatch& b) {
    for (const auto& c : s.candidates) Add(no, d, c.candidate_id, c.job_seeker_id, "selected", s.selected_on, e, b);
  }
  static void On(const events::JobApplicationSubmitted& a, const RecordedEvent& e, const std::string& no, Object& d,
                 ProjectionBatch& b) {
    Add(no, d, a.candidate_id, a.job_seeker_id, "applied", a.applied_on, e, b);
  }
  static void On(const events::CandidateReferred& r, const RecordedEvent& e, const std::string& no, Object& d,
                 ProjectionBatch& b) {
    Add(no, d, r.candidate_id, r.job_seeker_id, "referred", r.referred_on, e, b);
  }
  // Again = reschedule: the latest appointment holds.
  static void On(const events::CandidateInvited& i, const RecordedEvent&, const std::string&, Object& d,
                 ProjectionBatch& b) {
    Change(d, i.candidate_id, b, [&](Object& r) {
      if (Str(r, "state") != "interviewed") r["state"] = "invited";
      r["interviewDate"] = i.interview_date;
      r["interviewAddress"] = i.interview_address;
    });
  }
  // Again = correction: the latest result holds.
  static void On(const events::CandidateInterviewRecorded& i, const RecordedEvent&, const std::string&, Object& d,
                 ProjectionBatch& b) {
    Change(d, i.candidate_id, b, [&](Object& r) {
      r["state"] = "interviewed";
      r["interviewResult"] = i.result;
      r["interviewNote"] = i.note ? boost::json::value(*i.note) : boost::json::value(nullptr);
      r["resultOn"] = i.recorded_on;
    });
  }

  static void Add(const std::string& no, Object& d, const std::string& candidate_id, const std::string& job_seeker_id,
                  const char* origin, const std::string& on, const RecordedEvent& e, ProjectionBatch& b) {
    std::string existing;
    if (b.Get(kPlaces, candidate_id, &existing)) return;  // the decider never adds one twice
    const auto place = d.at("candidates").to_number<std::int64_t>() + 1;
    d["candidates"] = place;
    SaveDemand(no, d, b);
    const std::string key = no + kSep + Place(place);
    Object r{{"candidateId", candidate_id},
             {"jobSeekerId", job_seeker_id},
             {"origin", origin},
             {"state", origin},
             {"addedAt", FormatRfc3339(e.recorded_at)},
             {"addedOn", on},
             {"interviewDate", nullptr},
             {"interviewAddress", nullptr},
             {"interviewResult", nullptr},
             {"interviewNote", nullptr},
             {"resultOn", nullptr}};
    b.Put(kPlaces, candidate_id, key);
    b.Put(kRows, key, SerializeStoredJson(r));
    for (const auto& k : ReportKeys(Str(d, "employerId"), key, r)) b.Put(kReports, k, "");
  }

  template <class F>
  static void Change(const Object& d, const std::string& candidate_id, ProjectionBatch& b, F&& change) {
    std::string key, row;
    if (!b.Get(kPlaces, candidate_id, &key) || !b.Get(kRows, key, &row)) return;
    auto r = Parse(row);
    const std::string employer = Str(d, "employerId");
    for (const auto& k : ReportKeys(employer, key, r)) b.Delete(kReports, k);
    change(r);
    b.Put(kRows, key, SerializeStoredJson(r));
    for (const auto& k : ReportKeys(employer, key, r)) b.Put(kReports, k, "");
  }
};

// The demand if it is the employer's and not deleted.
std::optional<boost::json::object> OwnDemand(const ReadView& view, const std::string& employer_id,
                                             const std::string& demand_no) {
  std::string doc;
  if (demand_no.empty() || !view.Get(kDemands, demand_no, &doc)) return std::nullopt;
  auto d = Parse(doc);
  if (d.at("deleted").as_bool() || Str(d, "employerId") != employer_id) return std::nullopt;
  return d;
}

std::pair<std::string, std::string> Names(const ReadView& view, const std::string& user_id) {
  std::string doc;
  if (!view.Get(kPeople, user_id, &doc)) return {};
  const auto p = Parse(doc);
  return {Str(p, "firstName"), Str(p, "lastName")};
}

boost::json::array Actions(bool active, const std::string& state) {
  boost::json::array a;
  if (!active) return a;
  if (state != "interviewed") a.emplace_back("invite");
  if (state == "invited" || state == "interviewed") a.emplace_back("recordInterview");
  return a;
}

}  // namespace

std::unique_ptr<Projector> MakeCandidatesProjector() { return std::make_unique<CandidatesProjector>(); }

std::optional<boost::json::object> ListCandidates(const ReadView& view, const std::string& employer_id,
                                                  const std::string& demand_no,
                                                  const CandidateListCriteria& criteria, const Page& page) {
  const auto d = OwnDemand(view, employer_id, demand_no);
  if (!d) return std::nullopt;
  const bool active = Str(*d, "status") == "active";
  boost::json::array items;
  std::size_t total = 0;
  const std::size_t begin = FirstRow(page);
  view.Scan(kRows, demand_no + kSep, [&](const std::string&, const std::string& doc) {
    const auto r = Parse(doc);
    if (!criteria.origin.empty() && Str(r, "origin") != criteria.origin) return true;
    if (!criteria.state.empty() && Str(r, "state") != criteria.state) return true;
    if (total++ < begin || items.size() >= page.page_size) return true;
    const auto [first, last] = Names(view, Str(r, "jobSeekerId"));
    items.push_back({{"candidateId", r.at("candidateId")},
                     {"jobSeekerId", r.at("jobSeekerId")},
                     {"firstName", first},
                     {"lastName", last},
                     {"origin", r.at("origin")},
                     {"state", r.at("state")},
                     {"addedAt", r.at("addedAt")},
                     {"interviewDate", r.at("interviewDate")},
                     {"interviewAddress", r.at("interviewAddress")},
                     {"interviewResult", r.at("interviewResult")},
                     {"interviewNote", r.at("interviewNote")},
                     {"availableActions", Actions(active, Str(r, "state"))}});
    return true;
  });
  return PageEnvelope(std::move(items), total, page);
}

bool IsCandidateReportType(const std::string& report_type) {
  for (const char* t : kReportTypes) {
    if (report_type == t) return true;
  }
  return false;
}

boost::json::array CandidateReportRows(const ReadView& view, const ReferenceData& ref,
                                       const std::string& employer_id, const CandidateReportCriteria& c) {
  boost::json::array rows;
  if (!IsCandidateReportType(c.report_type)) return rows;
  const std::string prefix = employer_id + kSep + c.report_type + kSep;
  view.ScanFrom(kReports, prefix + c.date_from, [&](const std::string& key, const std::string&) {
    if (key.compare(0, prefix.size(), prefix) != 0) return false;
    const auto date_end = key.find('\0', prefix.size());
    const std::string date = key.substr(prefix.size(), date_end - prefix.size());
    if (!c.date_to.empty() && date > c.date_to) return false;
    const std::string row_key = key.substr(date_end + 1);
    const std::string no = row_key.substr(0, row_key.find('\0'));
    if (!c.demand_no.empty() && no != c.demand_no) return true;
    const auto d = OwnDemand(view, employer_id, no);
    std::string doc;
    if (!d || !view.Get(kRows, row_key, &doc)) return true;
    if (!c.workplace_id.empty() && Str(*d, "workplaceId") != c.workplace_id) return true;
    const std::string occupation = Str(*d, "occupation");
    if (!c.occupation.empty() && occupation.rfind(c.occupation, 0) != 0) return true;
    const auto r = Parse(doc);
    const auto [first, last] = Names(view, Str(r, "jobSeekerId"));
    const Occupation* occ = ref.FindOccupation(occupation);
    rows.push_back(boost::json::object{{"demandNo", no},
                                       {"workplaceTitle", d->at("workplaceTitle")},
                                       {"occupation", occupation},
                                       {"occupationName", occ ? occ->title_tr : ""},
                                       {"position", d->at("position")},
                                       {"jobSeekerId", r.at("jobSeekerId")},
                                       {"firstName", first},
                                       {"lastName", last},
                                       {"origin", r.at("origin")},
                                       {"date", date},
                                       {"interviewDate", r.at("interviewDate")},
                                       {"interviewResult", r.at("interviewResult")}});
    return true;
  });
  return rows;
}

}  // namespace istihdam

#include "projections/courses.h"

#include <boost/json.hpp>

#include <algorithm>

#include "events/courses.h"
#include "events/labor_demands.h"
#include "infra/stored_json.h"

namespace istihdam {
namespace {

constexpr const char* kCourses = "courses";  // courseId -> summary JSON
constexpr const char* kDemands = "demand_titles";     // demandNo -> workplace title
constexpr const char* kCandidates = "ld_candidates";  // candidateId -> {"jobSeekerId", "demandNo", "hire"}
constexpr const char* kHires = "hires";               // jobSeekerId \0 hiredOn \0 candidateId -> {"demandNo", "workplaceTitle"}

const std::string kSep(1, '\0');

std::string Str(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

class CoursesProjector final : public Projector {
 public:
  std::string name() const override { return "courses"; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::LaborDemandEvent, events::CourseEvent>(); }
  std::vector<std::string> tables() const override { return {kCourses, kDemands, kCandidates, kHires}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    if (auto ld = events::Decode<events::LaborDemandEvent>(e)) return ApplyDemand(*ld, b);
    auto ev = events::Decode<events::CourseEvent>(e);
    if (!ev) return;
    if (const auto* p = std::get_if<events::CoursePlanned>(&*ev)) return Create(p->course, false, "", b);
    if (const auto* r = std::get_if<events::ExternalCourseRegistered>(&*ev)) return Create(r->course, true, r->office_id, b);
    const std::string id = std::visit([](const auto& x) { return CourseIdOf(x); }, *ev);
    std::string doc;
    if (!b.Get(kCourses, id, &doc)) return;
    auto o = ParseStoredJson(doc, "courses").as_object();
    if (std::holds_alternative<events::ExternalCourseApproved>(*ev)) o["approval"] = "approved";
    else if (std::holds_alternative<events::CourseMarkedToBeOpened>(*ev)) o["status"] = "toBeOpened";
    else if (const auto* s = std::get_if<events::CoursePreparationStarted>(&*ev)) {
      o["status"] = "inPreparation";
      if (!s->service_provider_id.empty()) o["serviceProviderId"] = s->service_provider_id;
    } else if (std::holds_alternative<events::CourseOpened>(*ev)) o["status"] = "opened";
    else if (std::holds_alternative<events::CourseStarted>(*ev)) o["status"] = "inProgress";
    else if (std::holds_alternative<events::CourseFinished>(*ev)) o["status"] = "finished";
    else return;
    b.Put(kCourses, id, SerializeStoredJson(o));
  }

 private:
  template <class E>
  static std::string CourseIdOf(const E& e) {
    if constexpr (requires { e.course_id; }) return e.course_id;
    else return e.course.course_id;
  }

  static void AddCandidate(const std::string& candidate_id, const std::string& job_seeker_id,
                           const std::string& demand_no, ProjectionBatch& b) {
    boost::json::object o{{"jobSeekerId", job_seeker_id}, {"demandNo", demand_no}, {"hire", ""}};
    b.Put(kCandidates, candidate_id, SerializeStoredJson(o));
  }

  // The latest interview result holds: a corrected "hired" moves or removes the hire row.
  static void ApplyDemand(const events::LaborDemandEvent& ev, ProjectionBatch& b) {
    if (const auto* c = std::get_if<events::LaborDemandCreated>(&ev)) {
      b.Put(kDemands, c->demand_no, c->workplace_title);
    } else if (const auto* s = std::get_if<events::CandidatesSelected>(&ev)) {
      for (const auto& k : s->candidates) AddCandidate(k.candidate_id, k.job_seeker_id, s->demand_no, b);
    } else if (const auto* a = std::get_if<events::JobApplicationSubmitted>(&ev)) {
      AddCandidate(a->candidate_id, a->job_seeker_id, a->demand_no, b);
    } else if (const auto* r = std::get_if<events::CandidateReferred>(&ev)) {
      AddCandidate(r->candidate_id, r->job_seeker_id, r->demand_no, b);
    } else if (const auto* i = std::get_if<events::CandidateInterviewRecorded>(&ev)) {
      std::string doc;
      if (!b.Get(kCandidates, i->candidate_id, &doc)) return;
      auto o = ParseStoredJson(doc, "courses").as_object();
      if (const std::string old = Str(o, "hire"); !old.empty()) b.Delete(kHires, old);
      o["hire"] = "";
      if (i->result == "hired") {
        const std::string key = Str(o, "jobSeekerId") + kSep + i->recorded_on + kSep + i->candidate_id;
        std::string title;
        b.Get(kDemands, i->demand_no, &title);
        b.Put(kHires, key, SerializeStoredJson(boost::json::object{{"demandNo", i->demand_no}, {"workplaceTitle", title}}));
        o["hire"] = key;
      }
      b.Put(kCandidates, i->candidate_id, SerializeStoredJson(o));
    }
  }

  static void Create(const events::CourseFields& f, bool external, const std::string& office, ProjectionBatch& b) {
    boost::json::object o{{"id", f.course_id},
                          {"province", f.province},
                          {"district", f.district},
                          {"occupation", f.occupation},
                          {"startDate", f.start_date},
                          {"endDate", f.end_date},
                          {"status", "planned"},
                          {"external", external},
                          {"approval", external ? "pending" : "approved"},
                          {"serviceProviderId", external ? office : f.service_provider_id},
                          {"officeId", office}};
    b.Put(kCourses, f.course_id, SerializeStoredJson(o));
  }
};

// The fields of a row visibility and the criteria read.
CourseState LiteState(const boost::json::object& o) {
  CourseState s;
  s.exists = true;
  s.course.course_id = Str(o, "id");
  s.course.province = Str(o, "province");
  s.course.district = Str(o, "district");
  s.course.occupation = Str(o, "occupation");
  s.course.start_date = Str(o, "startDate");
  s.course.end_date = Str(o, "endDate");
  s.course.service_provider_id = Str(o, "serviceProviderId");
  s.status = Str(o, "status");
  s.external = o.contains("external") && o.at("external").is_bool() && o.at("external").as_bool();
  s.approval = Str(o, "approval");
  s.office_id = Str(o, "officeId");
  return s;
}

bool Matches(const CourseCriteria& c, const CourseState& s) {
  if (c.status.empty() ? s.status == "planned" : s.status != c.status) return false;
  if (!c.province.empty() && s.course.province != c.province) return false;
  if (!c.district.empty() && s.course.district != c.district) return false;
  if (!c.occupation.empty() && s.course.occupation.rfind(c.occupation, 0) != 0) return false;
  if (!c.start_from.empty() && s.course.start_date < c.start_from) return false;
  if (!c.start_to.empty() && s.course.start_date > c.start_to) return false;
  if (!c.external.empty() && (c.external == "true") != s.external) return false;
  if (!c.approval.empty() && s.approval != c.approval) return false;
  return true;
}

}  // namespace

std::unique_ptr<Projector> MakeCoursesProjector() { return std::make_unique<CoursesProjector>(); }

std::vector<RecordedHire> HiresOf(const ReadView& view, const std::string& person_id) {
  std::vector<RecordedHire> out;
  if (person_id.empty()) return out;
  view.Scan(kHires, person_id + kSep, [&](const std::string& key, const std::string& doc) {
    const auto o = ParseStoredJson(doc, "courses").as_object();
    const auto from = person_id.size() + 1;
    out.push_back({key.substr(from, key.find(kSep, from) - from), Str(o, "demandNo"), Str(o, "workplaceTitle")});
    return true;
  });
  return out;
}

std::vector<std::string> SearchCourseIds(const ReadView& view, const CourseActor& actor, const CourseCriteria& c) {
  std::vector<std::pair<std::string, std::string>> found;  // (startDate, id)
  view.Scan(kCourses, "", [&](const std::string&, const std::string& doc) {
    const auto s = LiteState(ParseStoredJson(doc, "courses").as_object());
    if (CourseVisibleTo(s, actor) && Matches(c, s)) found.emplace_back(s.course.start_date, s.course.course_id);
    return true;
  });
  std::sort(found.begin(), found.end());
  std::vector<std::string> ids;
  for (auto& f : found) ids.push_back(std::move(f.second));
  return ids;
}

}  // namespace istihdam

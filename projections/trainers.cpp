#include "projections/trainers.h"

#include <boost/json.hpp>

#include "events/courses.h"
#include "events/trainers.h"
#include "infra/stored_json.h"
#include "infra/text.h"

namespace istihdam {
namespace {

constexpr const char* kTrainers = "trainers";              // trainerId -> trainer JSON
constexpr const char* kByOwner = "by_owner";               // ownerId \0 trainerId -> ""
constexpr const char* kAssignments = "assignments";        // trainerId \0 courseId -> ""
constexpr const char* kCourseStatus = "course_status";     // courseId -> opened | inProgress | finished

const std::string kSep(1, '\0');

boost::json::object Parse(const std::string& doc) { return ParseStoredJson(doc, kTrainers).as_object(); }

std::string Str(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

class TrainersProjector final : public Projector {
 public:
  std::string name() const override { return kTrainersProjection; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::TrainerEvent, events::CourseEvent>(); }
  std::vector<std::string> tables() const override { return {kTrainers, kByOwner, kAssignments, kCourseStatus}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    if (auto te = events::Decode<events::TrainerEvent>(e)) {
      ApplyTrainer(*te, e.version, b);
    } else if (auto ce = events::Decode<events::CourseEvent>(e)) {
      ApplyCourse(*ce, b);
    }
  }

 private:
  static void ApplyTrainer(const events::TrainerEvent& ev, std::uint64_t version, ProjectionBatch& b) {
    if (const auto* r = std::get_if<events::TrainerRegistered>(&ev)) {
      boost::json::object o{{"id", r->trainer_id},
                            {"tckn", r->tckn},
                            {"firstName", r->first_name},
                            {"lastName", r->last_name},
                            {"occupation", r->occupation},
                            {"educationLevel", r->education_level},
                            {"phone", r->phone},
                            {"email", r->email},
                            {"ownerId", r->owner_id},
                            {"version", version}};
      b.Put(kTrainers, r->trainer_id, SerializeStoredJson(o));
      b.Put(kByOwner, r->owner_id + kSep + r->trainer_id, "");
    } else if (const auto* u = std::get_if<events::TrainerUpdated>(&ev)) {
      std::string doc;
      if (!b.Get(kTrainers, u->trainer_id, &doc)) return;
      auto o = Parse(doc);
      o["firstName"] = u->first_name;
      o["lastName"] = u->last_name;
      o["occupation"] = u->occupation;
      o["educationLevel"] = u->education_level;
      o["phone"] = u->phone;
      o["email"] = u->email;
      o["version"] = version;
      b.Put(kTrainers, u->trainer_id, SerializeStoredJson(o));
    } else if (const auto* d = std::get_if<events::TrainerDeleted>(&ev)) {
      std::string doc;
      if (!b.Get(kTrainers, d->trainer_id, &doc)) return;
      b.Delete(kByOwner, Str(Parse(doc), "ownerId") + kSep + d->trainer_id);
      b.Delete(kTrainers, d->trainer_id);
    }
  }

  static void ApplyCourse(const events::CourseEvent& ev, ProjectionBatch& b) {
    if (const auto* a = std::get_if<events::TrainerAssignedToCourse>(&ev)) {
      b.Put(kAssignments, a->trainer_id + kSep + a->course_id, "");
    } else if (const auto* u = std::get_if<events::TrainerUnassignedFromCourse>(&ev)) {
      b.Delete(kAssignments, u->trainer_id + kSep + u->course_id);
    } else if (const auto* o = std::get_if<events::CourseOpened>(&ev)) {
      b.Put(kCourseStatus, o->course_id, "opened");
    } else if (const auto* s = std::get_if<events::CourseStarted>(&ev)) {
      b.Put(kCourseStatus, s->course_id, "inProgress");
    } else if (const auto* f = std::get_if<events::CourseFinished>(&ev)) {
      b.Put(kCourseStatus, f->course_id, "finished");
    }
  }
};

// The ids of the trainer's courses, in id order.
boost::json::array CourseIds(const ReadView& view, const std::string& trainer_id) {
  boost::json::array out;
  view.Scan(kAssignments, trainer_id + kSep, [&](const std::string& key, const std::string&) {
    out.emplace_back(key.substr(trainer_id.size() + 1));
    return true;
  });
  return out;
}

bool Matches(const TrainerCriteria& c, const std::string& folded_name, const boost::json::object& o) {
  if (!c.tckn.empty() && Str(o, "tckn") != c.tckn) return false;
  if (!c.occupation.empty() && Str(o, "occupation") != c.occupation) return false;
  if (!folded_name.empty() &&
      FoldForSearch(Str(o, "firstName") + " " + Str(o, "lastName")).find(folded_name) == std::string::npos) {
    return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<Projector> MakeTrainersProjector() { return std::make_unique<TrainersProjector>(); }

std::optional<boost::json::object> FindTrainer(const ReadView& view, const std::string& trainer_id) {
  std::string doc;
  if (trainer_id.empty() || !view.Get(kTrainers, trainer_id, &doc)) return std::nullopt;
  auto o = Parse(doc);
  o["courseIds"] = CourseIds(view, trainer_id);
  return o;
}

boost::json::object ListTrainers(const ReadView& view, const TrainerCriteria& criteria, const Page& page) {
  const std::string folded_name = FoldForSearch(criteria.name);
  boost::json::array items;
  std::size_t total = 0;
  const std::size_t begin = FirstRow(page);
  auto visit = [&](const std::string& id, const boost::json::object& o) {
    if (!Matches(criteria, folded_name, o)) return;
    if (total >= begin && total < begin + page.page_size) {
      auto item = o;
      item["courseIds"] = CourseIds(view, id);
      items.push_back(std::move(item));
    }
    ++total;
  };
  if (criteria.owner.empty()) {
    view.Scan(kTrainers, "", [&](const std::string& id, const std::string& doc) {
      visit(id, Parse(doc));
      return true;
    });
  } else {
    const std::string prefix = criteria.owner + kSep;
    view.Scan(kByOwner, prefix, [&](const std::string& key, const std::string&) {
      const std::string id = key.substr(prefix.size());
      std::string doc;
      if (view.Get(kTrainers, id, &doc)) visit(id, Parse(doc));
      return true;
    });
  }
  return PageEnvelope(std::move(items), total, page);
}

bool TrainerOnRunningCourse(const ReadView& view, const std::string& trainer_id) {
  bool running = false;
  view.Scan(kAssignments, trainer_id + kSep, [&](const std::string& key, const std::string&) {
    std::string status;
    if (view.Get(kCourseStatus, key.substr(trainer_id.size() + 1), &status)) {
      running = status == "opened" || status == "inProgress";
    }
    return !running;
  });
  return running;
}

}  // namespace istihdam

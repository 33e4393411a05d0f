#include "projections/impact_surveys.h"

#include <boost/json.hpp>

#include <cstdio>

#include "events/impact_surveys.h"
#include "events/workplaces.h"
#include "infra/clock.h"
#include "infra/stored_json.h"

namespace istihdam {
namespace {

constexpr const char* kSurveys = "surveys";        // surveyId -> survey JSON
constexpr const char* kByEmployer = "by_employer";  // employerId \0 year (4 digits) \0 surveyId -> kind
constexpr const char* kTitles = "workplace_titles";  // workplaceId -> title

const std::string kSep(1, '\0');

std::string YearKey(std::int64_t year) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(year));
  return buf;
}

// Stored JSON text of each answer as a value; text that does not parse (never written by the
// aggregate) is kept as a string.
boost::json::object AnswersObject(const std::vector<events::SurveyAnswer>& answers) {
  boost::json::object o;
  for (const auto& a : answers) {
    boost::system::error_code ec;
    auto v = boost::json::parse(a.value, ec);
    o[a.question_id] = ec ? boost::json::value(a.value) : std::move(v);
  }
  return o;
}

boost::json::object Parse(const std::string& doc) { return ParseStoredJson(doc, "impact_surveys").as_object(); }

class ImpactSurveysProjector final : public Projector {
 public:
  std::string name() const override { return "impact_surveys"; }
  std::vector<std::string> event_types() const override { return events::TypesOf<events::WorkplaceRegistered, events::ImpactSurveyEvent>(); }
  std::vector<std::string> tables() const override { return {kSurveys, kByEmployer, kTitles}; }

  void Apply(const RecordedEvent& e, ProjectionBatch& b) override {
    if (auto we = events::Decode<events::WorkplaceEvent>(e)) {
      if (const auto* r = std::get_if<events::WorkplaceRegistered>(&*we)) b.Put(kTitles, r->workplace_id, r->title);
      return;
    }
    auto ev = events::Decode<events::ImpactSurveyEvent>(e);
    if (!ev) return;
    const std::string at = FormatRfc3339(e.recorded_at);
    if (const auto* s = std::get_if<events::ImpactSurveySubmitted>(&*ev)) {
      std::string title;
      b.Get(kTitles, s->hq_workplace_id, &title);
      boost::json::object o;
      o["id"] = s->survey_id;
      o["hqWorkplaceId"] = s->hq_workplace_id;
      o["workplaceTitle"] = title;
      o["year"] = s->year;
      o["kind"] = s->kind;
      o["employerId"] = s->employer_id;
      o["questionnaireVersion"] = s->questionnaire_version;
      o["answers"] = AnswersObject(s->answers);
      o["submittedAt"] = at;
      o["updatedAt"] = at;
      o["version"] = e.version;
      b.Put(kSurveys, s->survey_id, SerializeStoredJson(o));
      b.Put(kByEmployer, s->employer_id + kSep + YearKey(s->year) + kSep + s->survey_id, s->kind);
    } else if (const auto* u = std::get_if<events::ImpactSurveyUpdated>(&*ev)) {
      std::string doc;
      if (!b.Get(kSurveys, u->survey_id, &doc)) return;
      auto o = Parse(doc);
      o["answers"] = AnswersObject(u->answers);
      o["questionnaireVersion"] = u->questionnaire_version;
      o["updatedAt"] = at;
      o["version"] = e.version;
      b.Put(kSurveys, u->survey_id, SerializeStoredJson(o));
    }
  }
};

}  // namespace

std::unique_ptr<Projector> MakeImpactSurveysProjector() { return std::make_unique<ImpactSurveysProjector>(); }

boost::json::object ListImpactSurveys(const ReadView& view, const std::string& employer_id,
                                      std::optional<std::int64_t> year, const std::string& kind, const Page& page) {
  std::vector<std::string> ids;  // oldest year first
  const std::string prefix = employer_id + kSep + (year ? YearKey(*year) + kSep : std::string());
  if (!employer_id.empty()) {
    view.Scan(kByEmployer, prefix, [&](const std::string& k, const std::string& v) {
      if (kind.empty() || v == kind) ids.push_back(k.substr(k.rfind('\0') + 1));
      return true;
    });
  }
  boost::json::array items;
  for (std::size_t i = FirstRow(page); i < ids.size() && i < FirstRow(page) + page.page_size; ++i) {
    std::string doc;
    if (!view.Get(kSurveys, ids[ids.size() - 1 - i], &doc)) continue;  // newest year first
    auto o = Parse(doc);
    o.erase("answers");
    o.erase("employerId");
    items.push_back(std::move(o));
  }
  return PageEnvelope(std::move(items), ids.size(), page);
}

std::optional<boost::json::object> GetImpactSurvey(const ReadView& view, const std::string& employer_id,
                                                   const std::string& survey_id) {
  std::string doc;
  if (!view.Get(kSurveys, survey_id, &doc)) return std::nullopt;
  auto o = Parse(doc);
  const auto* owner = o.if_contains("employerId");
  if (employer_id.empty() || !owner || !owner->is_string() || owner->as_string() != employer_id) return std::nullopt;
  return o;
}

}  // namespace istihdam

#pragma once
// Impact-analysis survey — "Etki Analizi Anketi" (SURV-1..3, api/courses.md, docs/impact-surveys.md):
// bodies, queries, answers.
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregates/impact_survey.h"
#include "http/wire.h"
#include "infra/impact_questionnaire.h"
#include "projections/session_record.h"

namespace istihdam::http::contract::impact_surveys {

using wire::F;

inline constexpr const char* kKinds[] = {"general"};
inline constexpr const char* kQuestionTypes[] = {"integer", "boolean", "text", "choice"};
inline constexpr const char* kAnswersAbout =
    "{\"<questionId>\": value} for the questions of GET /api/v1/impact-surveys/questionnaire?year=: an integer, "
    "a boolean, a string (text) or an option value (choice); optional questions may be left out or null";

// The answers object of a body: nullopt when absent or null; an error when not an object.
inline Result<std::optional<boost::json::object>> AnswersOf(const boost::json::value& v) {
  if (v.is_null()) return std::optional<boost::json::object>();
  if (!v.is_object()) return Error{errc::kInvalidType, {{"answers", "invalid_type"}}, {}};
  return std::optional<boost::json::object>(v.as_object());
}

// ----- Bodies -------------------------------------------------------------------------

struct NewSurvey {
  std::string workplace_id, kind;
  std::optional<std::int64_t> year;
  boost::json::value answers;
  template <class A>
  void serialize(A& ar) {
    ar(F("workplaceId", workplace_id).requiredByCommand().describe("the province headquarters (branches: 409)"),
       F("year", year).requiredByCommand().range(kFirstSurveyYear, 9999).describe("not after the current year"),
       F("kind", kind).oneOf(kKinds).describe("general (the default); course-based surveys are not implemented"),
       F("answers", answers).requiredByCommand().describe(kAnswersAbout));
  }
};

struct SurveyChanges {
  boost::json::value answers;
  template <class A>
  void serialize(A& ar) {
    ar(F("answers", answers).requiredByCommand().describe(kAnswersAbout));
  }
};

// ----- Query strings ------------------------------------------------------------------

struct QuestionnaireQuery : wire::Query {
  std::optional<std::int64_t> year;
  template <class A>
  void serialize(A& ar) {
    ar(F("year", year).range(kFirstSurveyYear, 9999).describe("the survey year; default: the current year"));
  }
};

struct ListQuery : wire::Paging {
  std::optional<std::int64_t> year;
  std::string kind;
  template <class A>
  void serialize(A& ar) {
    ar(F("year", year).range(kFirstSurveyYear, 9999), F("kind", kind).oneOf(kKinds));
    Paging::serialize(ar);
  }
};

// ----- Answers ------------------------------------------------------------------------

struct Option {
  std::string value, text_tr, text_en;
  template <class A>
  void serialize(A& ar) {
    ar(F("value", value).required(), F("textTr", text_tr).required(), F("textEn", text_en).required());
  }
};

struct Question {
  std::string id, text_tr, text_en, type;
  bool required = false;
  std::optional<std::vector<Option>> options;
  std::optional<std::int64_t> min, max, max_length;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id).required(), F("textTr", text_tr).required(), F("textEn", text_en).required(),
       F("type", type).required().oneOf(kQuestionTypes), F("required", required).required(),
       F("options", options).describe("choice only: the allowed values"),
       F("min", min).describe("integer only, when limited"), F("max", max).describe("integer only, when limited"),
       F("maxLength", max_length).describe("text only: at most this many characters"));
  }
  static Question From(const SurveyQuestion& q) {
    Question out{q.id, q.text_tr, q.text_en, q.type, q.required, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    if (q.type == "choice") {
      out.options.emplace();
      for (const auto& o : q.options) out.options->push_back({o.value, o.text_tr, o.text_en});
    }
    if (q.type == "integer") {
      out.min = q.min;
      out.max = q.max;
    }
    if (q.type == "text") out.max_length = q.max_length;
    return out;
  }
};

struct QuestionnaireView {
  std::int64_t year = 0;
  std::string version;
  std::vector<Question> questions;
  template <class A>
  void serialize(A& ar) {
    ar(F("year", year).required(), F("version", version).required(), F("questions", questions).required());
  }
};

struct SurveySubmitted {
  wire::Changed changed;  // id: the survey id
  std::string hq_workplace_id, kind, questionnaire_version;
  std::int64_t year = 0;
  template <class A>
  void serialize(A& ar) {
    changed.serialize(ar);
    ar(F("hqWorkplaceId", hq_workplace_id), F("year", year), F("kind", kind).oneOf(kKinds),
       F("questionnaireVersion", questionnaire_version));
  }
};

struct SurveySummary {
  std::string id, hq_workplace_id, workplace_title, kind, questionnaire_version, submitted_at, updated_at;
  std::int64_t year = 0;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("hqWorkplaceId", hq_workplace_id), F("workplaceTitle", workplace_title), F("year", year),
       F("kind", kind).oneOf(kKinds), F("questionnaireVersion", questionnaire_version),
       F("submittedAt", submitted_at).formatted("date-time"), F("updatedAt", updated_at).formatted("date-time"),
       F("version", version));
  }
};

struct Survey {
  std::string id, hq_workplace_id, workplace_title, kind, questionnaire_version, submitted_at, updated_at;
  std::int64_t year = 0;
  boost::json::value answers;
  std::uint64_t version = 0;
  template <class A>
  void serialize(A& ar) {
    ar(F("id", id), F("hqWorkplaceId", hq_workplace_id), F("workplaceTitle", workplace_title), F("year", year),
       F("kind", kind).oneOf(kKinds), F("questionnaireVersion", questionnaire_version),
       F("answers", answers).describe("{\"<questionId>\": value}; unanswered optional questions are absent"),
       F("submittedAt", submitted_at).formatted("date-time"), F("updatedAt", updated_at).formatted("date-time"),
       F("version", version));
  }
};

}  // namespace istihdam::http::contract::impact_surveys

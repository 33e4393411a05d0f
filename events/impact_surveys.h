#pragma once
// Events of the impact-analysis survey — "Etki Analizi Anketi" (stream "impact-survey-<id>").
// DOMAIN.md §2.1.4.5, api/courses.md "Impact analysis survey", docs/impact-surveys.md.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "events/codec.h"

namespace istihdam::events {

// One answer: the question's id and the value as JSON text (`12`, `true`, `"metin"`,
// `"increase"`), so that the event keeps any questionnaire's value types without a schema
// change. The questions ask about the firm, not about persons: no PII.
struct SurveyAnswer {
  std::string question_id;
  std::string value;  // JSON text
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("questionId", question_id), F("value", value));
  }
  bool operator==(const SurveyAnswer&) const = default;
};

// SubmitImpactSurvey: the headquarters `hqWorkplaceId` answered the general survey of `year`
// (totals of the headquarters and its branches in its province, SURV-R2). `questionnaireVersion`
// names the questionnaire the answers were checked against.
struct ImpactSurveySubmitted {
  static constexpr const char* kType = "ImpactSurveySubmitted";
  std::string survey_id;
  std::string hq_workplace_id;
  std::int64_t year = 0;
  std::string kind;  // general (course-based surveys, SURV-4, are not implemented)
  std::vector<SurveyAnswer> answers;  // in questionnaire order; unanswered optional questions left out
  std::string employer_id;
  std::string questionnaire_version;
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("surveyId", survey_id), F("hqWorkplaceId", hq_workplace_id), F("year", year), F("kind", kind),
       F("answers", answers), F("employerId", employer_id), F("questionnaireVersion", questionnaire_version));
  }
};

// UpdateImpactSurvey: the whole set of answers replaces the previous one.
struct ImpactSurveyUpdated {
  static constexpr const char* kType = "ImpactSurveyUpdated";
  std::string survey_id;
  std::vector<SurveyAnswer> answers;
  std::string questionnaire_version;  // the one the new answers were checked against
  template <class A>
  void serialize(A& ar, std::uint32_t) {
    ar(F("surveyId", survey_id), F("answers", answers), F("questionnaireVersion", questionnaire_version));
  }
};

using ImpactSurveyEvent = std::variant<ImpactSurveySubmitted, ImpactSurveyUpdated>;

}  // namespace istihdam::events

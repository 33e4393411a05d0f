#include "aggregates/impact_survey.h"

#include <boost/json.hpp>

#include "infra/text.h"

namespace istihdam {

std::string ImpactSurveyStream(const std::string& survey_id) { return "impact-survey-" + survey_id; }

ImpactSurveyState Apply(ImpactSurveyState s, const events::ImpactSurveyEvent& e) {
  if (const auto* x = std::get_if<events::ImpactSurveySubmitted>(&e)) {
    s.exists = true;
    s.survey_id = x->survey_id;
    s.hq_workplace_id = x->hq_workplace_id;
    s.year = x->year;
    s.kind = x->kind;
    s.answers = x->answers;
    s.employer_id = x->employer_id;
    s.questionnaire_version = x->questionnaire_version;
  } else if (const auto* u = std::get_if<events::ImpactSurveyUpdated>(&e)) {
    s.answers = u->answers;
    s.questionnaire_version = u->questionnaire_version;
  }
  return s;
}

namespace {

// Why one answer of question `q` is refused (a field code), or nullptr when it is acceptable.
const char* AnswerProblem(const SurveyQuestion& q, const boost::json::value& value) {
  if (q.type == "integer") {
    if (value.is_uint64()) return "out_of_range";  // above INT64_MAX (smaller ones parse as int64)
    if (!value.is_int64()) return "invalid_type";
    const std::int64_t n = value.as_int64();
    if ((q.min && n < *q.min) || (q.max && n > *q.max)) return "out_of_range";
    return nullptr;
  }
  if (q.type == "boolean") return value.is_bool() ? nullptr : "invalid_type";
  if (!value.is_string()) return "invalid_type";
  const std::string text(value.as_string());
  if (q.type == "choice") {
    for (const auto& o : q.options) {
      if (o.value == text) return nullptr;
    }
    return "unknown_value";
  }
  if (!IsAcceptableText(text, TextKind::kMultiline)) return "invalid_text";
  if (q.required && text.find_first_not_of(" \t") == std::string::npos) return "required";
  std::size_t chars = 0;
  for (const char ch : text) chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  if (chars > static_cast<std::size_t>(q.max_length)) return "too_long";
  return nullptr;
}

}  // namespace

std::vector<events::SurveyAnswer> CheckAnswers(Validator& v, const Questionnaire& q,
                                               const std::optional<boost::json::object>& answers) {
  std::vector<events::SurveyAnswer> out;
  if (!answers) {
    v.Fail("answers", "required");
    return out;
  }
  for (const auto& question : q.questions) {
    const auto* value = answers->if_contains(question.id);
    if (!value || value->is_null()) {
      if (question.required) v.Fail("answers." + question.id, "required");
      continue;
    }
    if (const char* problem = AnswerProblem(question, *value)) {
      v.Fail("answers." + question.id, problem);
      continue;
    }
    out.push_back({question.id, boost::json::serialize(*value)});
  }
  for (const auto& kv : *answers) {
    const std::string id(kv.key());
    if (!q.Find(id)) v.Fail("answers." + id, "unknown_question");
  }
  return out;
}

Result<events::ImpactSurveySubmitted> DecideSubmitImpactSurvey(const SubmitImpactSurvey& c, const ReferenceData& ref) {
  Validator v;
  if (v.Required("workplaceId", c.workplace_id) && (!c.workplace || c.workplace->employer_id != c.employer_id)) {
    v.Fail("workplaceId", "unknown_workplace");
  }
  const std::int64_t this_year = std::stoll(c.today.substr(0, 4));
  if (!c.year) v.Fail("year", "required");
  else if (*c.year < kFirstSurveyYear) v.Fail("year", "out_of_range");
  else if (*c.year > this_year) v.Fail("year", "in_future");
  const std::string kind = c.kind.empty() ? "general" : c.kind;
  if (kind != "general") v.Fail("kind", "unknown_value");
  const Questionnaire& q = ref.ImpactQuestionnaire(c.year.value_or(this_year));
  auto answers = CheckAnswers(v, q, c.answers);
  if (!v.ok()) return v.ToError();
  if (c.workplace->role != "headquarters") return Error::Of(errc::kBranchCannotFillSurvey);
  if (c.year_taken) return Error::Of(errc::kSurveyExistsForYear);
  events::ImpactSurveySubmitted e;
  e.survey_id = c.survey_id;
  e.hq_workplace_id = c.workplace_id;
  e.year = *c.year;
  e.kind = kind;
  e.answers = std::move(answers);
  e.employer_id = c.employer_id;
  e.questionnaire_version = q.version;
  return e;
}

Result<std::vector<events::ImpactSurveyEvent>> DecideUpdateImpactSurvey(const ImpactSurveyState& s,
                                                                        const UpdateImpactSurvey& c,
                                                                        const ReferenceData& ref) {
  if (!s.exists || s.employer_id != c.employer_id) return Error::Of(errc::kImpactSurveyNotFound);
  Validator v;
  const Questionnaire& q = ref.ImpactQuestionnaire(s.year);
  auto answers = CheckAnswers(v, q, c.answers);
  if (!v.ok()) return v.ToError();
  std::vector<events::ImpactSurveyEvent> out;
  if (answers == s.answers && q.version == s.questionnaire_version) return out;
  out.push_back(events::ImpactSurveyUpdated{s.survey_id, std::move(answers), q.version});
  return out;
}

}  // namespace istihdam

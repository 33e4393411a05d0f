#include "infra/impact_questionnaire.h"

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace istihdam {

namespace json = boost::json;

const SurveyQuestion* Questionnaire::Find(const std::string& question_id) const {
  for (const auto& q : questions) {
    if (q.id == question_id) return &q;
  }
  return nullptr;
}

namespace {

Error Invalid(const std::string& what) { return Error::Of(errc::kReferenceDataInvalid, "impact survey questions: " + what); }

bool IsQuestionId(const std::string& id) {
  return !id.empty() && id.size() <= 64 &&
         std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
         });
}

std::string Text(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::optional<std::int64_t> Integer(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_int64()) return std::nullopt;
  return v->as_int64();
}

Result<SurveyQuestion> ParseQuestion(const json::value& v, const std::string& where) {
  if (!v.is_object()) return Invalid(where + " is not an object");
  const auto& o = v.as_object();
  SurveyQuestion q;
  q.id = Text(o, "id");
  q.text_tr = Text(o, "textTr");
  q.text_en = Text(o, "textEn");
  q.type = Text(o, "type");
  if (!IsQuestionId(q.id)) return Invalid(where + ": id must be 1..64 of A-Z a-z 0-9 _ -");
  if (q.text_tr.empty() || q.text_en.empty()) return Invalid(where + " (" + q.id + "): textTr and textEn are required");
  if (const auto* r = o.if_contains("required")) {
    if (!r->is_bool()) return Invalid(where + " (" + q.id + "): required is not a boolean");
    q.required = r->as_bool();
  }
  if (q.type == "integer") {
    q.min = Integer(o, "min");
    q.max = Integer(o, "max");
    if (q.min && q.max && *q.min > *q.max) return Invalid(where + " (" + q.id + "): min above max");
  } else if (q.type == "text") {
    if (o.contains("maxLength")) {
      const auto n = Integer(o, "maxLength");
      if (!n || *n < 1) return Invalid(where + " (" + q.id + "): maxLength must be at least 1");
      q.max_length = *n;
    }
  } else if (q.type == "choice") {
    const auto* opts = o.if_contains("options");
    if (!opts || !opts->is_array() || opts->as_array().empty()) {
      return Invalid(where + " (" + q.id + "): a choice needs options");
    }
    std::set<std::string> seen;
    for (const auto& ov : opts->as_array()) {
      if (!ov.is_object()) return Invalid(where + " (" + q.id + "): an option is not an object");
      SurveyOption opt{Text(ov.as_object(), "value"), Text(ov.as_object(), "textTr"), Text(ov.as_object(), "textEn")};
      if (!IsQuestionId(opt.value)) return Invalid(where + " (" + q.id + "): option value must be 1..64 of A-Z a-z 0-9 _ -");
      if (opt.text_tr.empty() || opt.text_en.empty()) return Invalid(where + " (" + q.id + "): option texts are required");
      if (!seen.insert(opt.value).second) return Invalid(where + " (" + q.id + "): option " + opt.value + " twice");
      q.options.push_back(std::move(opt));
    }
  } else if (q.type != "boolean") {
    return Invalid(where + " (" + q.id + "): unknown type \"" + q.type + "\"");
  }
  return q;
}

}  // namespace

Result<std::vector<Questionnaire>> ParseQuestionnaires(const std::string& json_text) {
  boost::system::error_code ec;
  const json::value root = json::parse(json_text, ec);
  if (ec) return Invalid("not JSON: " + ec.message());
  const auto* list = root.is_object() ? root.as_object().if_contains("questionnaires") : nullptr;
  if (!list || !list->is_array() || list->as_array().empty()) return Invalid("no \"questionnaires\"");
  std::vector<Questionnaire> out;
  std::set<std::int64_t> years;
  for (std::size_t i = 0; i < list->as_array().size(); ++i) {
    const auto& qv = list->as_array()[i];
    const std::string where = "questionnaires[" + std::to_string(i) + "]";
    if (!qv.is_object()) return Invalid(where + " is not an object");
    Questionnaire qn;
    const auto from = Integer(qv.as_object(), "fromYear");
    if (!from) return Invalid(where + ": fromYear is required");
    qn.from_year = *from;
    qn.version = Text(qv.as_object(), "version");
    if (qn.version.empty()) return Invalid(where + ": version is required");
    if (!years.insert(qn.from_year).second) return Invalid(where + ": a second questionnaire from " + std::to_string(qn.from_year));
    const auto* qs = qv.as_object().if_contains("questions");
    if (!qs || !qs->is_array() || qs->as_array().empty()) return Invalid(where + ": no questions");
    std::set<std::string> ids;
    for (std::size_t j = 0; j < qs->as_array().size(); ++j) {
      auto q = ParseQuestion(qs->as_array()[j], where + ".questions[" + std::to_string(j) + "]");
      if (!q.ok()) return q.error();
      if (!ids.insert(q->id).second) return Invalid(where + ": question " + q->id + " twice");
      qn.questions.push_back(std::move(q).value());
    }
    out.push_back(std::move(qn));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.from_year < b.from_year; });
  return out;
}

Result<std::vector<Questionnaire>> LoadQuestionnaires(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Of(errc::kReferenceDataMissing, path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto r = ParseQuestionnaires(ss.str());
  if (!r.ok()) return Error::Of(r.error().code, path + ": " + r.error().detail);
  return r;
}

const Questionnaire& QuestionnaireFor(const std::vector<Questionnaire>& all, std::int64_t year) {
  const Questionnaire* best = &all.front();
  for (const auto& q : all) {
    if (q.from_year <= year) best = &q;
  }
  return *best;
}

}  // namespace istihdam

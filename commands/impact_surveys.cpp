#include "commands/impact_surveys.h"

#include "events/identity.h"

namespace istihdam {

std::string SurveyYearReservation(Services& s, const std::string& hq_workplace_id, std::int64_t year) {
  return ReservationStream(s, "survey-year", hq_workplace_id + "/" + std::to_string(year));
}

Result<Outcome> HandleSubmitImpactSurvey(Services& s, const CommandEnv& env, SubmitImpactSurvey cmd) {
  cmd.survey_id = s.ids.Next("impact-survey-", 7'000'000'001);
  return Execute(s, env, "SubmitImpactSurvey", [&]() -> Result<Decision> {
    cmd.today = s.Today();
    cmd.workplace.reset();
    cmd.year_taken = false;
    std::string reservation;
    if (!cmd.workplace_id.empty()) {
      const auto wp = s.workplaces.Load("workplace-" + cmd.workplace_id).state;
      if (wp.exists) {
        const std::string hq = wp.role == "headquarters" ? wp.workplace_id : wp.hq_workplace_id;
        cmd.workplace = SurveyWorkplace{wp.employer_id, wp.role, hq};
        if (cmd.year && wp.role == "headquarters") {
          reservation = SurveyYearReservation(s, hq, *cmd.year);
          cmd.year_taken = s.store->StreamVersion(reservation) > 0;  // early answer; the append decides
        }
      }
    }
    auto ev = DecideSubmitImpactSurvey(cmd, s.ref);
    if (!ev.ok()) return ev.error();
    Decision out;
    const auto none = ExpectedVersion::NoStream();
    AddEvent(out.append, ImpactSurveyStream(ev->survey_id), none, *ev);
    AddEvent(out.append, reservation, none, events::IdentifierReserved{"impactSurveyYear", ev->survey_id});
    out.conflict_codes.emplace(reservation, Error::Of(errc::kSurveyExistsForYear));
    out.reply = [e = *ev](const AppendResult& r) {
      Outcome rep;
      rep.body["id"] = e.survey_id;
      rep.body["version"] = r.stream_versions.front();
      rep.body["hqWorkplaceId"] = e.hq_workplace_id;
      rep.body["year"] = e.year;
      rep.body["kind"] = e.kind;
      rep.body["questionnaireVersion"] = e.questionnaire_version;
      return rep;
    };
    return out;
  });
}

Result<Outcome> HandleUpdateImpactSurvey(Services& s, const CommandEnv& env, const std::string& survey_id,
                                         std::optional<std::uint64_t> if_match, const UpdateImpactSurvey& cmd) {
  const std::string stream = ImpactSurveyStream(survey_id);
  CommandEnv pinned = env;
  pinned.pinned_version = if_match.has_value();
  return Execute(s, pinned, "UpdateImpactSurvey", [&]() -> Result<Decision> {
    const auto survey = s.impact_surveys.Load(stream);
    auto evs = DecideUpdateImpactSurvey(survey.state, cmd, s.ref);
    if (!evs.ok()) return evs.error();
    if (if_match && *if_match != survey.version) return Error::Of(errc::kVersionMismatch);
    Decision out;
    if (!evs->empty()) AddStream(out.append, stream, ExpectedVersion::Exactly(survey.version), *evs);
    out.reply = [survey_id, v = survey.version](const AppendResult& r) {
      Outcome rep;
      rep.body["id"] = survey_id;
      rep.body["version"] = r.stream_versions.empty() ? v : r.stream_versions.front();
      return rep;
    };
    return out;
  });
}

}  // namespace istihdam

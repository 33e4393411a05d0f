#include "aggregates/private_employment_bureau.h"

#include <set>
#include <tuple>

#include "infra/clock.h"
#include "infra/error_codes.h"

namespace istihdam {

std::string BureauStream(const std::string& bureau_id) { return "private-employment-bureau-" + bureau_id; }
std::string PeriodReportStream(const std::string& report_id) { return "period-report-" + report_id; }

BureauState Apply(BureauState s, const events::BureauEvent& e) {
  if (const auto* a = std::get_if<events::PrivateEmploymentBureauApplied>(&e)) {
    s.exists = true;
    s.bureau_id = a->bureau_id;
    s.employer_id = a->employer_id;
    s.iskur_no = a->iskur_no;
    s.title = a->title;
    s.province = a->province;
    s.district = a->district;
    s.office_address = a->office_address;
    s.phone = a->phone;
    s.email = a->email;
    s.website = a->website;
    s.responsible_manager = a->responsible_manager;
    s.applied_on = a->applied_on;
    s.status = "applied";
  } else if (const auto* ok = std::get_if<events::PrivateEmploymentBureauApproved>(&e)) {
    s.status = "active";
    s.license_no = ok->license_no;
    s.approved_on = ok->approved_on;
    s.agency_actions.push_back({ok->approved_on, "approved", "İzin belgesi / licence " + ok->license_no});
  } else if (const auto* no = std::get_if<events::PrivateEmploymentBureauRejected>(&e)) {
    s.status = "rejected";
    s.reject_reason = no->reason;
    s.agency_actions.push_back({no->rejected_on, "rejected", no->reason});
  } else if (const auto* act = std::get_if<events::AgencyActionOnBureauRecorded>(&e)) {
    s.agency_actions.push_back({act->date, act->action, act->note});
  }
  return s;
}

Result<events::PrivateEmploymentBureauApplied> DecideApplyAsBureau(const ApplyAsBureau& c, const ReferenceData& ref) {
  Validator v;
  if (v.Required("iskurNo", c.iskur_no) && c.iskur_no != c.employer.iskur_no) v.Fail("iskurNo", "not_own");
  if (v.Required("province", c.province) && !ref.FindProvince(c.province)) v.Fail("province", "unknown_value");
  else if (v.Required("district", c.district) && !ref.HasDistrict(c.province, c.district))
    v.Fail("district", "unknown_value");
  if (v.Required("officeAddress", c.office_address)) v.MaxChars("officeAddress", c.office_address, 500);
  if (v.Required("phone", c.phone)) v.Phone("phone", c.phone);
  if (v.Required("email", c.email)) v.Email("email", c.email);
  v.MaxChars("website", c.website, 200);
  v.Tckn("responsibleManager.tckn", c.responsible_manager.tckn);
  if (v.Required("responsibleManager.firstName", c.responsible_manager.first_name))
    v.MaxChars("responsibleManager.firstName", c.responsible_manager.first_name, 100);
  if (v.Required("responsibleManager.lastName", c.responsible_manager.last_name))
    v.MaxChars("responsibleManager.lastName", c.responsible_manager.last_name, 100);
  if (!v.ok()) return v.ToError();
  if (c.current && (c.current->status == "applied" || c.current->status == "active"))
    return Error::Of(errc::kBureauAlreadyExists);
  events::PrivateEmploymentBureauApplied e;
  e.bureau_id = c.bureau_id;
  e.employer_id = c.employer.employer_id;
  e.iskur_no = c.iskur_no;
  e.title = c.employer.title;
  e.province = c.province;
  e.district = c.district;
  e.office_address = c.office_address;
  e.phone = c.phone;
  e.email = c.email;
  e.website = c.website;
  e.responsible_manager = c.responsible_manager;
  e.applied_on = c.today;
  return e;
}

Result<events::PrivateEmploymentBureauApproved> DecideApproveBureau(const BureauState& s, const std::string& license_no,
                                                                    const std::string& by, const std::string& today) {
  if (!s.exists) return Error::Of(errc::kBureauNotFound);
  Validator v;
  if (v.Required("licenseNo", license_no)) v.MaxChars("licenseNo", license_no, 50);
  if (!v.ok()) return v.ToError();
  if (s.status != "applied") return Error::Of(errc::kBureauNotApplied);
  return events::PrivateEmploymentBureauApproved{s.bureau_id, license_no, by, today};
}

Result<events::PrivateEmploymentBureauRejected> DecideRejectBureau(const BureauState& s, const std::string& reason,
                                                                   const std::string& by, const std::string& today) {
  if (!s.exists) return Error::Of(errc::kBureauNotFound);
  Validator v;
  if (v.Required("reason", reason)) v.MaxChars("reason", reason, 1000);
  if (!v.ok()) return v.ToError();
  if (s.status != "applied") return Error::Of(errc::kBureauNotApplied);
  return events::PrivateEmploymentBureauRejected{s.bureau_id, reason, by, today};
}

Result<events::AgencyActionOnBureauRecorded> DecideAgencyAction(const BureauState& s, const std::string& action,
                                                                const std::string& note, const std::string& by,
                                                                const std::string& today) {
  if (!s.exists) return Error::Of(errc::kBureauNotFound);
  Validator v;
  if (v.Required("action", action)) v.MaxChars("action", action, 200);
  v.MaxChars("note", note, 2000);
  if (!v.ok()) return v.ToError();
  return events::AgencyActionOnBureauRecorded{s.bureau_id, action, note, by, today};
}

// ----- Period reports ----------------------------------------------------------------------

std::vector<ReportPeriod> DefaultReportPeriods() {
  return {{"Q1", 1, 3}, {"Q2", 4, 6}, {"Q3", 7, 9}, {"Q4", 10, 12}};
}

PeriodReportState Apply(PeriodReportState s, const events::PeriodReportEvent& e) {
  if (const auto* c = std::get_if<events::PeriodReportCreated>(&e)) {
    s.exists = true;
    s.report_id = c->report_id;
    s.bureau_id = c->bureau_id;
    s.report_year = c->report_year;
    s.report_period = c->report_period;
    s.record_date = c->record_date;
    s.sections = c->sections;
    s.status = "draft";
  } else if (const auto* u = std::get_if<events::PeriodReportSectionSaved>(&e)) {
    s.record_date = u->record_date;
    s.sections = u->sections;
  } else if (std::holds_alternative<events::PeriodReportSubmitted>(e)) {
    s.status = "submitted";
  }
  return s;
}

namespace {

void Count(Validator& v, const std::string& field, std::int64_t n) {
  if (n < 0) v.Fail(field, "negative");
}

void KnownOccupation(Validator& v, const std::string& field, const std::string& code, const ReferenceData& ref) {
  if (v.Required(field, code) && !ref.FindOccupation(code)) v.Fail(field, "unknown_value");
}

}  // namespace

void CheckReportContent(Validator& v, const std::string& today, const std::string& record_date,
                        const events::PeriodReportSections& sections, const ReferenceData& ref) {
  std::int64_t days = 0;
  if (v.Required("recordDate", record_date)) {
    if (!ParseDate(record_date, &days)) v.Fail("recordDate", "invalid_format");
    else if (record_date > today) v.Fail("recordDate", "in_future");
  }
  std::set<std::pair<std::string, std::string>> keys;
  for (std::size_t i = 0; i < sections.placements.size(); ++i) {
    const auto& r = sections.placements[i];
    const std::string at = "sections.placements[" + std::to_string(i) + "]";
    KnownOccupation(v, at + ".occupation", r.occupation, ref);
    if (v.Required(at + ".province", r.province) && !ref.FindProvince(r.province)) v.Fail(at + ".province", "unknown_value");
    Count(v, at + ".male", r.male);
    Count(v, at + ".female", r.female);
    if (!keys.insert({r.occupation, r.province}).second) v.Fail(at, "duplicate");
  }
  Count(v, "sections.jobSeekersRegistered.male", sections.job_seekers_registered.male);
  Count(v, "sections.jobSeekersRegistered.female", sections.job_seekers_registered.female);
  std::set<std::string> occupations;
  for (std::size_t i = 0; i < sections.vacancies_received.size(); ++i) {
    const auto& r = sections.vacancies_received[i];
    const std::string at = "sections.vacanciesReceived[" + std::to_string(i) + "]";
    KnownOccupation(v, at + ".occupation", r.occupation, ref);
    Count(v, at + ".count", r.count);
    if (!occupations.insert(r.occupation).second) v.Fail(at, "duplicate");
  }
  keys.clear();
  for (std::size_t i = 0; i < sections.overseas_placements.size(); ++i) {
    const auto& r = sections.overseas_placements[i];
    const std::string at = "sections.overseasPlacements[" + std::to_string(i) + "]";
    if (v.Required(at + ".country", r.country) && !ref.FindCountry(r.country)) v.Fail(at + ".country", "unknown_value");
    KnownOccupation(v, at + ".occupation", r.occupation, ref);
    Count(v, at + ".male", r.male);
    Count(v, at + ".female", r.female);
    if (!keys.insert({r.country, r.occupation}).second) v.Fail(at, "duplicate");
  }
}

Result<events::PeriodReportCreated> DecideCreatePeriodReport(const BureauState& bureau, const CreatePeriodReport& c,
                                                             const std::vector<ReportPeriod>& periods,
                                                             const ReferenceData& ref) {
  Validator v;
  const ReportPeriod* period = nullptr;
  for (const auto& p : periods) {
    if (p.code == c.report_period) period = &p;
  }
  if (!c.report_year) v.Fail("reportYear", "required");
  if (v.Required("reportPeriod", c.report_period) && !period) v.Fail("reportPeriod", "unknown_value");
  if (c.report_year && period) {
    char begins[16];
    std::snprintf(begins, sizeof begins, "%04lld-%02d-01", static_cast<long long>(*c.report_year), period->first_month);
    if (std::string(begins) > c.today) v.Fail("reportPeriod", "in_future");
  }
  CheckReportContent(v, c.today, c.record_date, c.sections, ref);
  if (!v.ok()) return v.ToError();
  if (bureau.status != "active") return Error::Of(errc::kBureauNotActive);
  if (c.period_taken) return Error::Of(errc::kPeriodReportExists);
  events::PeriodReportCreated e;
  e.report_id = c.report_id;
  e.bureau_id = bureau.bureau_id;
  e.report_year = *c.report_year;
  e.report_period = c.report_period;
  e.record_date = c.record_date;
  e.sections = c.sections;
  return e;
}

Result<std::vector<events::PeriodReportEvent>> DecideSavePeriodReport(const PeriodReportState& s,
                                                                      const std::string& bureau_id,
                                                                      const std::string& today,
                                                                      const std::string& record_date,
                                                                      const events::PeriodReportSections& sections,
                                                                      const ReferenceData& ref) {
  if (!s.exists || s.bureau_id != bureau_id) return Error::Of(errc::kPeriodReportNotFound);
  if (s.status != "draft") return Error::Of(errc::kPeriodReportSubmitted);
  Validator v;
  CheckReportContent(v, today, record_date, sections, ref);
  if (!v.ok()) return v.ToError();
  std::vector<events::PeriodReportEvent> out;
  if (record_date == s.record_date && sections == s.sections) return out;
  out.push_back(events::PeriodReportSectionSaved{s.report_id, record_date, sections});
  return out;
}

Result<events::PeriodReportSubmitted> DecideSubmitPeriodReport(const PeriodReportState& s, const std::string& bureau_id,
                                                               const std::string& today) {
  if (!s.exists || s.bureau_id != bureau_id) return Error::Of(errc::kPeriodReportNotFound);
  if (s.status != "draft") return Error::Of(errc::kPeriodReportSubmitted);
  return events::PeriodReportSubmitted{s.report_id, today};
}

}  // namespace istihdam

#pragma once
// The monthly TYP attendance report (TYP-2): who was absent which days, by type, for one
// program and month. One set of rows feeds the JSON form and the printable table
// (infra/report.h renders it as PDF or XLSX), so the three formats cannot disagree.
#include <boost/json/object.hpp>

#include <string>

#include "infra/reference_data.h"
#include "infra/report.h"
#include "projections/projection_engine.h"

namespace istihdam::http {

struct TypAttendanceReport {
  bool empty = true;  // no absence that month (the route answers no_records)
  boost::json::object
      json;  // {"typNo", "month", "hostEmployerId", "hostEmployerTitle", "province",
             //  "rows": [{"participantId", "tckn", "firstName", "lastName", "date",
             //            "attendanceType", "attendanceTypeName"}],
             //  "totals": [{"participantId", "attendanceType", "days"}]}
  report::TableReport table;  // the same rows with Turkish headers, dates as DD.MM.YYYY
};

// `program` is the program as GetTypProgram shows it (with the host employer's title).
TypAttendanceReport BuildTypAttendanceReport(const ReadView& view, const ReferenceData& ref,
                                             const boost::json::object& program,
                                             const std::string& month, const std::string& today);

// "2026-11" -> "Kasım 2026".
std::string TurkishMonth(const std::string& year_month);

}  // namespace istihdam::http

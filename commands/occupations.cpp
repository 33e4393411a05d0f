#include "commands/occupations.h"

namespace istihdam {

namespace {

std::string Trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

Result<std::vector<OccupationRow>> ReadOccupationsCsv(const std::string& text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  auto csv = ParseCsvRows(text.starts_with(kBom) ? text.substr(kBom.size()) : text);
  std::vector<FieldError> errors;
  const std::vector<std::string> header = {"code", "nameTr", "nameEn"};
  if (csv.empty()) return Error::Validation({{"line 1", "required"}});
  std::vector<std::string> got;
  for (const auto& f : csv.front().fields) got.push_back(Trimmed(f));
  if (got != header) errors.push_back({"line " + std::to_string(csv.front().line), "invalid_format"});
  std::vector<OccupationRow> rows;
  for (std::size_t i = 1; i < csv.size(); ++i) {
    const auto& r = csv[i];
    if (r.fields.size() != header.size()) {
      errors.push_back({"line " + std::to_string(r.line), "invalid_format"});
      continue;
    }
    rows.push_back({r.line, Trimmed(r.fields[0]), Trimmed(r.fields[1]), Trimmed(r.fields[2])});
  }
  if (!errors.empty()) return Error::Validation(std::move(errors));
  return rows;
}

Result<Outcome> HandleImportOccupations(Services& s, const CommandEnv& env, const std::vector<OccupationRow>& rows) {
  return Execute(s, env, "ImportOccupations", [&]() -> Result<Decision> {
    const auto dictionary = s.occupations.Load(kOccupationsStream);
    auto evs = DecideImportOccupations(dictionary.state, rows, s.ref);
    if (!evs.ok()) return evs.error();
    std::size_t added = 0;
    for (const auto& e : *evs) added += dictionary.state.by_code.count(std::get<events::OccupationUpserted>(e).code) == 0;
    const std::size_t changed = evs->size() - added;
    Decision d;
    if (!evs->empty()) AddStream(d.append, kOccupationsStream, ExpectedVersion::Exactly(dictionary.version), *evs);
    d.reply = [added, changed, unchanged = rows.size() - evs->size(), v = dictionary.version](const AppendResult& r) {
      Outcome rep;
      rep.body["id"] = kOccupationsStream;
      rep.body["version"] = r.stream_versions.empty() ? v : r.stream_versions.front();
      rep.body["added"] = added;
      rep.body["changed"] = changed;
      rep.body["unchanged"] = unchanged;
      return rep;
    };
    return d;
  });
}

}  // namespace istihdam

// kclint's own JSON report (schema: docs/report.schema.json).
#include <nlohmann/json.hpp>

#include "analyzer/report/report.h"

namespace kclint {

namespace {
nlohmann::ordered_json location_json(const Location& l) {
  nlohmann::ordered_json j;
  j["path"] = l.path;
  if (l.span.valid()) {
    j["line"] = l.span.line;
    j["column"] = l.span.column;
    j["end_line"] = l.span.end_line;
    j["end_column"] = l.span.end_column;
  }
  if (!l.message.empty()) j["message"] = l.message;
  return j;
}
}  // namespace

void write_json(std::ostream& out, const Report& report) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  int errors = 0, warnings = 0, notes = 0, suppressed = 0;
  for (const Result& r : report.results) {
    nlohmann::ordered_json f;
    f["rule"] = r.rule->id;
    f["name"] = r.rule->name;
    f["level"] = to_string(r.level);
    f["message"] = r.message;
    f["location"] = location_json(r.location);
    nlohmann::ordered_json related = nlohmann::ordered_json::array();
    for (const Location& l : r.related) related.push_back(location_json(l));
    f["related"] = std::move(related);
    f["fingerprint"] = r.fingerprint;
    f["suppressed"] = r.suppression != SuppressionKind::None;
    if (r.suppression != SuppressionKind::None) {
      f["suppression_kind"] = r.suppression == SuppressionKind::InSource ? "inSource" : "external";
      f["justification"] = r.justification;
      ++suppressed;
    } else {
      (r.level == Level::Error ? errors : r.level == Level::Warning ? warnings : notes)++;
    }
    findings.push_back(std::move(f));
  }
  nlohmann::ordered_json j;
  j["tool"] = {{"name", "kclint"}, {"version", KCLINT_VERSION}};
  j["summary"] = {{"files", report.files_scanned}, {"errors", errors}, {"warnings", warnings},
                  {"notes", notes},                {"suppressed", suppressed}};
  j["findings"] = std::move(findings);
  out << j.dump(2) << '\n';
}

}  // namespace kclint

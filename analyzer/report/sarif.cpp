// SARIF 2.1.0: one run, every rule as a reportingDescriptor, results with
// regions, related locations, fingerprints and suppressions; parse errors also
// as tool execution notifications. Deterministic: keys in a fixed order.
#include <nlohmann/json.hpp>

#include "analyzer/report/report.h"

namespace kclint {

namespace {
using Json = nlohmann::ordered_json;

std::string_view sarif_level(Level l) {
  switch (l) {
    case Level::Error: return "error";
    case Level::Warning: return "warning";
    default: return "note";
  }
}

Json physical_location(const Location& l) {
  Json loc;
  loc["artifactLocation"] = {{"uri", l.path}, {"uriBaseId", "%SRCROOT%"}};
  if (l.span.valid()) {
    loc["region"] = {{"startLine", l.span.line},
                     {"startColumn", l.span.column},
                     {"endLine", l.span.end_line},
                     {"endColumn", std::max(l.span.end_column, l.span.line == l.span.end_line ? l.span.column + 1 : 1u)}};
  }
  return loc;
}

Json descriptor(const Rule& rule) {
  std::string doc(rule_doc(rule.id));
  Json d;
  d["id"] = rule.id;
  d["name"] = rule.name;
  d["shortDescription"] = {{"text", rule.summary}};
  std::string text = rule_full_description(rule);
  d["fullDescription"] = {{"text", text}};
  // The whole page once, as markdown (what code scanning shows); the text is
  // the plain first paragraph, so a report does not carry every page twice.
  d["help"] = {{"text", fmt::format("{} Full documentation: kclint explain {}", text, rule.id)},
               {"markdown", doc.empty() ? std::string(rule.summary) : doc}};
  d["helpUri"] = rule_help_uri(rule);
  d["defaultConfiguration"] = {{"level", sarif_level(rule.level)}};
  Json props;
  Json tags = Json::array();
  tags.push_back(std::string(to_string(rule.family)));
  for (std::string_view t : rule.tags) tags.push_back(t);
  props["tags"] = std::move(tags);
  if (rule.security_severity > 0) props["security-severity"] = fmt::format("{:.1f}", rule.security_severity);
  d["properties"] = std::move(props);
  return d;
}
}  // namespace

void write_sarif(std::ostream& out, const Report& report) {
  Json rules = Json::array();
  for (const Rule* r : report.rules) rules.push_back(descriptor(*r));

  auto rule_index = [&](const Rule* rule) {
    for (std::size_t i = 0; i < report.rules.size(); ++i)
      if (report.rules[i] == rule) return static_cast<int>(i);
    return -1;
  };

  Json results = Json::array();
  Json notifications = Json::array();
  for (const Result& r : report.results) {
    Json res;
    res["ruleId"] = r.rule->id;
    res["ruleIndex"] = rule_index(r.rule);
    res["level"] = sarif_level(r.level);
    res["message"] = {{"text", r.message}};
    res["locations"] = Json::array({{{"physicalLocation", physical_location(r.location)}}});
    if (!r.related.empty()) {
      Json related = Json::array();
      int id = 1;
      for (const Location& l : r.related)
        related.push_back({{"id", id++}, {"physicalLocation", physical_location(l)}, {"message", {{"text", l.message}}}});
      res["relatedLocations"] = std::move(related);
    }
    res["partialFingerprints"] = {{"kclintFingerprint/v1", r.fingerprint}};
    if (r.suppression != SuppressionKind::None) {
      Json s = {{"kind", r.suppression == SuppressionKind::InSource ? "inSource" : "external"}, {"status", "accepted"}};
      if (!r.justification.empty()) s["justification"] = r.justification;
      res["suppressions"] = Json::array({s});
    }
    results.push_back(std::move(res));
    if (r.rule->id == "KC000") {
      notifications.push_back({{"level", "error"},
                               {"message", {{"text", r.message}}},
                               {"locations", Json::array({{{"physicalLocation", physical_location(r.location)}}})},
                               {"descriptor", {{"id", "KC000"}, {"index", rule_index(r.rule)}}}});
    }
  }

  Json driver;
  driver["name"] = "kclint";
  driver["version"] = KCLINT_VERSION;
  driver["semanticVersion"] = KCLINT_VERSION;
  driver["informationUri"] = kInformationUri;
  driver["rules"] = std::move(rules);

  Json invocation;
  invocation["executionSuccessful"] = true;
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["invocations"] = Json::array({std::move(invocation)});
  run["originalUriBaseIds"] = {{"%SRCROOT%", {{"description", {{"text", "The directory kclint was run in."}}}}}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);

  Json log;
  log["$schema"] = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  out << log.dump(2) << '\n';
}

}  // namespace kclint

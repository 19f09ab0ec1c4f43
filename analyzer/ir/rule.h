// Rules and findings. A rule is a plain aggregate: metadata plus a check that
// reads the immutable Project and reports findings with spans.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "analyzer/ir/project.h"

namespace kclint {

// Ordered: a higher level is more severe. `None` is only a --fail-on value.
enum class Level : std::uint8_t { Note, Warning, Error, None };
std::string_view to_string(Level l);
std::optional<Level> level_from_string(std::string_view s);

#define KCLINT_FAMILIES(X) X(Kc, "KC") X(Iam, "IAM") X(Sg, "SG") X(Az, "AZ") X(Ctr, "CTR") X(Dep, "DEP") X(Cost, "COST") X(Ci, "CI") X(Sec, "SEC")
enum class Family : std::uint8_t {
#define KCLINT_FAMILY_ENUM(e, s) e,
  KCLINT_FAMILIES(KCLINT_FAMILY_ENUM)
#undef KCLINT_FAMILY_ENUM
};
std::string_view to_string(Family f);
std::optional<Family> family_from_string(std::string_view s);

class Findings;

struct Rule {
  std::string_view id;       // IAM001
  std::string_view name;     // iam-wildcard-action
  std::string_view summary;  // one line
  Level level = Level::Warning;
  Family family = Family::Kc;
  std::vector<std::string_view> tags;
  // CVSS-like 0.0–10.0 for GitHub code scanning; 0 for non-security rules.
  double security_severity = 0.0;
  // Reads the project, reports findings. Null for findings the engine itself
  // produces (KC001/KC002 come from the suppression pass).
  void (*check)(const Project&, Findings&) = nullptr;
};

struct Related {
  Span span;
  std::string message;
};

enum class SuppressionKind : std::uint8_t { None, InSource, External };

struct Finding {
  const Rule* rule = nullptr;
  Level level = Level::Warning;
  std::string message;
  Span span;
  std::vector<Related> related;
  // Identity for baselines and SARIF partialFingerprints: independent of line
  // numbers. Rules may set `key`; the engine completes `fingerprint`.
  std::string key;
  std::string fingerprint;
  SuppressionKind suppression = SuppressionKind::None;
  std::string justification;
};

// Collects the findings of one rule over one project. Not shared between
// threads: the engine gives each rule its own.
class Findings {
 public:
  Findings(const Rule& rule, const Project& project) : rule_(rule), project_(project) {}

  template <class... Args>
  Finding& report(const Span& span, fmt::format_string<Args...> format, Args&&... args) {
    return add(span, fmt::format(format, std::forward<Args>(args)...));
  }
  // The same at a level other than the rule's default (e.g. "prod+" rules).
  template <class... Args>
  Finding& report_at(Level level, const Span& span, fmt::format_string<Args...> format, Args&&... args) {
    Finding& f = add(span, fmt::format(format, std::forward<Args>(args)...));
    f.level = level;
    return f;
  }

  const Rule& rule() const { return rule_; }
  const Project& project() const { return project_; }
  std::vector<Finding>& items() { return items_; }

 private:
  Finding& add(const Span& span, std::string message);

  const Rule& rule_;
  const Project& project_;
  std::vector<Finding> items_;
};

// Adds a related location to a finding (chainable helper for rules).
inline Finding& relate(Finding& f, const Span& span, std::string message) {
  f.related.push_back(Related{span, std::move(message)});
  return f;
}

}  // namespace kclint

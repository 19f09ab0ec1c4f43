// What the formatters see: results with their locations resolved to paths.
// Formatters know nothing of individual rules, projects or parsers.
#pragma once

#include <cstdio>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "analyzer/ir/rule.h"

namespace kclint {

struct Location {
  std::string path;  // relative to the directory kclint ran in, '/'-separated
  Span span;
  std::string message;
};

struct Result {
  const Rule* rule = nullptr;
  Level level = Level::Warning;
  std::string message;
  Location location;
  std::vector<Location> related;
  std::string fingerprint;
  SuppressionKind suppression = SuppressionKind::None;
  std::string justification;
};

struct Report {
  std::vector<Result> results;           // sorted
  std::span<const Rule* const> rules;    // every registered rule, sorted by id
  std::size_t files_scanned = 0;
};

struct TextOptions {
  bool color = false;
  bool show_suppressed = false;
};

void write_text(std::ostream& out, const Report& report, const TextOptions& options);
void write_json(std::ostream& out, const Report& report);
void write_sarif(std::ostream& out, const Report& report);
void write_github(std::ostream& out, const Report& report);

// Rule documentation embedded at build time from docs/rules/ID.md.
std::string_view rule_doc(std::string_view id);
// The first paragraph of a rule's documentation after its title line.
std::string rule_full_description(const Rule& rule);
std::string rule_help_uri(const Rule& rule);

inline constexpr std::string_view kInformationUri = "https://github.com/kclint/kclint";

}  // namespace kclint

// Rule engine.
#include "analyzer/engine.h"

#include <algorithm>
#include <tuple>

#include "analyzer/parallel.h"
#include "analyzer/suppress.h"
#include "rules/registry.h"

namespace kclint {

namespace {
bool matches(std::string_view pattern, const Rule& rule) {
  return pattern == rule.id || pattern == to_string(rule.family);
}
bool matches_id(std::string_view pattern, std::string_view id) {
  if (pattern == id) return true;
  const Rule* rule = find_rule(id);
  return rule && matches(pattern, *rule);
}
}  // namespace

bool Selection::enabled(std::string_view id) const {
  if (auto it = levels.find(id); it != levels.end() && it->second == Level::None) return false;
  for (const std::string& p : ignore)
    if (matches_id(p, id)) return false;
  if (select.empty()) return true;
  for (const std::string& p : select)
    if (matches_id(p, id)) return true;
  return false;
}

bool Selection::enabled(const Rule& rule) const {
  if (auto it = levels.find(to_string(rule.family)); it != levels.end() && it->second == Level::None) return false;
  return enabled(rule.id);
}

std::optional<Level> Selection::level_for(const Rule& rule) const {
  if (auto it = levels.find(rule.id); it != levels.end()) return it->second;
  if (auto it = levels.find(to_string(rule.family)); it != levels.end()) return it->second;
  return std::nullopt;
}

namespace {
std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}
}  // namespace

void assign_fingerprints(const Project& project, std::vector<Finding>& findings) {
  std::map<std::string, int> seen;
  for (Finding& f : findings) {
    std::string base(f.rule->id);
    base += '\x1f';
    if (f.span.valid()) {
      base += project.file(f.span.file).rel_path;  // not the display path: same from any directory
      base += '\x1f';
      if (const Resource* around = project.innermost(f.span.file, f.span.line)) base += around->address;
    }
    base += '\x1f';
    base += f.key.empty() ? f.message : f.key;
    int n = seen[base]++;
    f.fingerprint = fmt::format("{:016x}", fnv1a(fmt::format("{}\x1f{}", base, n)));
  }
}

void sort_findings(const Project& project, std::vector<Finding>& findings) {
  auto key = [&](const Finding& f) {
    std::string_view path = f.span.valid() ? std::string_view(project.file(f.span.file).path) : std::string_view();
    return std::make_tuple(path, f.span.line, f.span.column, f.span.end_line, f.span.end_column, f.rule->id,
                           std::string_view(f.message));
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

std::vector<Finding> run_engine(const Project& project, const Selection& selection, unsigned jobs,
                                const SuppressionPolicy& policy) {
  std::vector<const Rule*> rules;
  for (const Rule* r : all_rules())
    if (r->check && selection.enabled(*r)) rules.push_back(r);

  std::vector<std::vector<Finding>> per_rule(rules.size());
  parallel_for(rules.size(), jobs, [&](std::size_t i) {
    Findings out(*rules[i], project);
    rules[i]->check(project, out);
    per_rule[i] = std::move(out.items());
  });

  std::vector<Finding> findings;
  for (auto& v : per_rule)
    for (Finding& f : v) findings.push_back(std::move(f));

  // Order before fingerprinting so occurrence counts do not depend on the
  // order a rule happened to visit resources in.
  sort_findings(project, findings);
  // The same finding twice: a template evaluated once per configured
  // environment reports what does not depend on the environment once.
  auto same = [](const Finding& a, const Finding& b) {
    return a.rule == b.rule && a.level == b.level && a.span == b.span && a.message == b.message;
  };
  findings.erase(std::unique(findings.begin(), findings.end(), same), findings.end());
  apply_suppressions(project, findings, [&](std::string_view id) { return selection.enabled(id); }, policy);
  for (Finding& f : findings)
    if (auto level = selection.level_for(*f.rule)) f.level = *level;
  std::erase_if(findings, [](const Finding& f) { return f.level == Level::None; });
  sort_findings(project, findings);
  assign_fingerprints(project, findings);
  return findings;
}

}  // namespace kclint

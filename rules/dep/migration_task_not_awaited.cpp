// DEP005: `aws ecs run-task` returns as soon as the task is scheduled. Unless
// the workflow waits for it to stop and checks its exit code, a failed
// migration goes unnoticed and the pipeline (and the deploy) carries on.
#include <set>

#include <re2/re2.h>

#include "analyzer/ir/rule.h"
#include "rules/dep/pipeline.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  static const RE2 wait(R"(\baws\s[^;&|]*?\becs\s+wait\s+tasks-stopped\b)");
  static const RE2 exit_code(R"(exitCode)");
  std::set<Span> reported;
  for (const dep::Pipeline& p : dep::pipelines(project)) {
    for (const dep::JobRun& job : p.jobs) {
      for (const dep::Action& m : job.actions) {
        if (!m.run_task) continue;
        bool waits = false, checks = false;
        // Later commands of the same step, then the job's later steps.
        for (std::size_t s = m.position; s < job.steps.size(); ++s) {
          const Value* commands = job.steps[s]->attr("run_commands");
          if (!commands || !commands->list_value()) continue;
          const Value::List& list = *commands->list_value();
          for (std::size_t i = s == m.position ? m.command_index : 0; i < list.size(); ++i) {
            std::string_view text = *list[i].string_value();
            if (s == m.position && i == m.command_index) text = text.substr(m.offset);
            waits = waits || RE2::PartialMatch(text, wait);
            checks = checks || (waits && RE2::PartialMatch(text, exit_code));
          }
        }
        if ((waits && checks) || !reported.insert(m.span).second) continue;
        Finding& f = waits ? out.report(m.span, "the migration task started here is awaited but its exit code is never "
                                        "checked; fail the job when the container's exitCode (aws ecs describe-tasks) is not 0")
                           : out.report(m.span, "the migration task started here is not awaited: the workflow goes on "
                                        "before it finishes; add 'aws ecs wait tasks-stopped' and check the container's exitCode");
        f.key = m.step->address;
      }
    }
  }
}
}  // namespace

extern const Rule kMigrationTaskNotAwaited{
    .id = "DEP005",
    .name = "migration-task-not-awaited",
    .summary = "A migration started with 'aws ecs run-task' must be awaited and its exit code checked",
    .level = Level::Warning,
    .family = Family::Dep,
    .tags = {"reliability", "migrations", "ecs", "github-actions"},
    .check = check};

}  // namespace kclint

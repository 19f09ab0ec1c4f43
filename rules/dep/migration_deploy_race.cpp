// DEP003: a migration job and a deploy job with no `needs` path between them
// run in parallel: which one finishes first is luck.
#include <algorithm>
#include <set>

#include "analyzer/ir/rule.h"
#include "rules/dep/pipeline.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  std::set<Span> reported;
  for (const dep::Pipeline& p : dep::pipelines(project)) {
    for (std::size_t jd = 0; jd < p.jobs.size(); ++jd) {
      for (const dep::Action& d : p.jobs[jd].actions) {
        if (d.role != dep::Role::Deploy) continue;
        for (std::size_t jm = 0; jm < p.jobs.size(); ++jm) {
          if (p.ordered(jd, jm)) continue;
          auto it = std::find_if(p.jobs[jm].actions.begin(), p.jobs[jm].actions.end(),
                                 [](const dep::Action& m) { return m.role == dep::Role::Migration; });
          if (it == p.jobs[jm].actions.end() || !reported.insert(d.span).second) continue;
          Finding& f = out.report(d.span,
                                  "deploy in job '{}' races the migration in job '{}': no 'needs' path orders them; "
                                  "add 'needs: {}' to job '{}'",
                                  p.jobs[jd].job->name, p.jobs[jm].job->name, p.jobs[jm].job->name, p.jobs[jd].job->name);
          relate(f, it->span, "the migration runs here, in parallel");
          f.key = d.step->address;
          break;
        }
      }
    }
  }
}
}  // namespace

extern const Rule kMigrationDeployRace{
    .id = "DEP003",
    .name = "migration-deploy-race",
    .summary = "Migration and deploy jobs must be ordered with 'needs'",
    .level = Level::Error,
    .family = Family::Dep,
    .tags = {"reliability", "deploy", "migrations", "github-actions"},
    .check = check};

}  // namespace kclint

// DEP002: migrations that run after the deploy leave the new code running
// against the old schema until they finish (or for good, when they fail).
#include <algorithm>
#include <set>

#include "analyzer/ir/rule.h"
#include "rules/dep/pipeline.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  std::set<Span> reported;
  for (const dep::Pipeline& p : dep::pipelines(project)) {
    for (std::size_t jm = 0; jm < p.jobs.size(); ++jm) {
      for (const dep::Action& m : p.jobs[jm].actions) {
        if (m.role != dep::Role::Migration) continue;
        for (std::size_t jd = 0; jd < p.jobs.size(); ++jd) {
          auto it = std::find_if(p.jobs[jd].actions.begin(), p.jobs[jd].actions.end(), [&](const dep::Action& d) {
            return d.role == dep::Role::Deploy && p.before(jd, d, jm, m);
          });
          if (it == p.jobs[jd].actions.end() || !reported.insert(m.span).second) continue;
          Finding& f = out.report(m.span, "migration '{}' runs after the deploy step '{}'; run migrations before deploying",
                                  m.what, it->step->name);
          relate(f, it->span, "the deploy runs here, before the migration");
          f.key = m.step->address;
          break;
        }
      }
    }
  }
}
}  // namespace

extern const Rule kMigrationAfterDeploy{
    .id = "DEP002",
    .name = "migration-after-deploy",
    .summary = "Database migrations must run before the deploy, not after it",
    .level = Level::Error,
    .family = Family::Dep,
    .tags = {"reliability", "deploy", "migrations", "github-actions"},
    .check = check};

}  // namespace kclint

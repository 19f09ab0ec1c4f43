// DEP001: a deploy that can run before the schema it needs exists: the new
// code starts against the old database and fails, or corrupts data.
#include <set>

#include "analyzer/ir/rule.h"
#include "rules/dep/pipeline.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  if (!dep::has_migrations(project)) return;
  std::set<Span> reported;
  for (const dep::Pipeline& p : dep::pipelines(project)) {
    for (std::size_t jd = 0; jd < p.jobs.size(); ++jd) {
      for (const dep::Action& d : p.jobs[jd].actions) {
        if (d.role != dep::Role::Deploy) continue;
        bool guarded = false, elsewhere = false;  // elsewhere: DEP002 / DEP003 report this pipeline
        for (std::size_t jm = 0; jm < p.jobs.size(); ++jm)
          for (const dep::Action& m : p.jobs[jm].actions) {
            if (m.role != dep::Role::Migration) continue;
            if (p.before(jm, m, jd, d)) guarded = true;
            else elsewhere = true;
          }
        if (guarded || elsewhere || dep::migrates_on_start(project, *d.step) || !reported.insert(d.span).second) continue;
        Finding& f = out.report(d.span,
                                "deploy step '{}' ({}) can run without database migrations before it; run them earlier "
                                "in job '{}' or in a job it needs",
                                d.step->name, d.what, p.jobs[jd].job->name);
        f.key = d.step->address;
        for (const std::string& marker : project.migration_markers) {
          f.message += fmt::format(" (the repository has migrations in {})", marker);
          break;
        }
      }
    }
  }
}
}  // namespace

extern const Rule kDeployWithoutMigration{
    .id = "DEP001",
    .name = "deploy-without-migration",
    .summary = "A deploy must have the database migrations guaranteed to run before it",
    .level = Level::Error,
    .family = Family::Dep,
    .tags = {"reliability", "deploy", "migrations", "github-actions"},
    .check = check};

}  // namespace kclint

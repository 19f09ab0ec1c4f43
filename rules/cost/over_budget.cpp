// COST006: the monthly estimate of an environment's stack (the same one
// `kclint cost` prints) is above the budget `.kclint.yaml` gives it.
#include <algorithm>

#include <fmt/ranges.h>

#include "analyzer/ir/rule.h"
#include "rules/cost/estimate.h"

namespace kclint {

namespace {

void check(const Project& project, Findings& out) {
  if (project.settings.cost.empty()) return;
  for (const cost::EnvironmentEstimate& e : cost::estimate(project)) {
    if (!e.policy || !e.policy->budget || e.total <= *e.policy->budget) continue;
    std::vector<const cost::Item*> priced;
    for (const cost::Item& item : e.items)
      if (item.monthly) priced.push_back(&item);
    std::stable_sort(priced.begin(), priced.end(),
                     [](const cost::Item* a, const cost::Item* b) { return *a->monthly > *b->monthly; });
    priced.resize(std::min<std::size_t>(priced.size(), 3));
    std::vector<std::string> largest;
    for (const cost::Item* item : priced)
      largest.push_back(fmt::format("{} ({}) {}", item->resource->address, item->what, cost::money(*item->monthly)));
    std::string unknown = e.unpriced ? fmt::format(", plus {} item(s) of unknown size", e.unpriced) : std::string();
    std::string env = e.environment.empty() ? std::string("the stack (environment unknown)")
                                            : fmt::format("environment '{}'", e.environment);
    Finding& f = out.report(priced.front()->resource->span,
                            "estimated monthly cost of {} is {}{}, over its budget of {} ({}:{}); largest: {} (run "
                            "'kclint cost' for the full table)",
                            env, cost::money(e.total), unknown, cost::money(*e.policy->budget), project.settings.config_file,
                            e.policy->budget_at.line, fmt::join(largest, "; "));
    f.key = "budget:" + e.environment;
    for (std::size_t i = 1; i < priced.size(); ++i)
      relate(f, priced[i]->resource->span, fmt::format("{}: {}", priced[i]->what, cost::money(*priced[i]->monthly)));
  }
}

}  // namespace

extern const Rule kOverBudget{
    .id = "COST006",
    .name = "over-budget",
    .summary = "The stack's estimated monthly cost stays within the environment's budget",
    .level = Level::Error,
    .family = Family::Cost,
    .tags = {"cost", "policy"},
    .check = check};

}  // namespace kclint

// COST007: each NAT gateway costs about $32 a month plus data; a
// non-production environment rarely needs to survive an AZ outage.
#include <map>

#include "analyzer/ir/rule.h"
#include "rules/cost/environment.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  std::map<std::string, std::vector<const Resource*>> by_env;
  for (const Resource* nat : project.of_kind(Kind::NatGateway))
    if (env::environment_of(*nat) == env::Env::NonProduction) by_env[env::environment_name(*nat)].push_back(nat);
  for (const auto& [name, nats] : by_env) {
    if (nats.size() < 2) continue;
    for (std::size_t i = 1; i < nats.size(); ++i) {
      Finding& f = out.report(nats[i]->span, "NAT gateway '{}' is one of {} in non-production environment '{}'; one is enough",
                              nats[i]->name, nats.size(), name);
      relate(f, nats[0]->span, "NAT gateway '" + nats[0]->name + "'");
    }
  }
}
}  // namespace

extern const Rule kNatGatewayPerAzNonprod{
    .id = "COST007",
    .name = "nat-gateway-per-az-nonprod",
    .summary = "Non-production environments need one NAT gateway, not one per AZ",
    .level = Level::Note,
    .family = Family::Cost,
    .tags = {"cost", "network"},
    .check = check};

}  // namespace kclint

// SG005: a database admitted by CIDR trusts every address in the range, not
// the application; a peer security group names exactly who may connect.
#include <set>

#include "analyzer/ir/rule.h"
#include "rules/sg/network.h"

namespace kclint {

namespace {
constexpr Kind kDatastores[] = {Kind::RdsInstance, Kind::RdsCluster, Kind::CacheCluster, Kind::CacheReplicationGroup,
                                Kind::DocDbCluster};

// 0.0.0.0/0 or ::/0 on a concrete port range is already reported, at the same
// span, as open to the internet (SG001, SG002 or SG003); 80/443 alone and
// port-less protocols are the exceptions those rules leave alone.
bool reported_as_open(const SecurityGroupRule& rule, const Value& cidr) {
  if (!sg::is_anywhere(cidr)) return false;
  std::optional<sg::PortRange> range = sg::port_range(rule);
  if (!range || range->none) return false;
  return range->all || range->from != range->to || (range->from != 80 && range->from != 443);
}

// The first concrete CIDR of a rule that no open-ingress rule reports.
const Value* first_cidr(const SecurityGroupRule& rule) {
  for (const auto* list : {&rule.cidr_v4, &rule.cidr_v6})
    for (const Value& c : *list)
      if (c.is_string() && !reported_as_open(rule, c)) return &c;
  return nullptr;
}

void check(const Project& project, Findings& out) {
  std::set<Span> reported;
  for (Kind k : kDatastores)
    for (const Resource* db : project.of_kind(k)) {
      const Value* attr = sg::attached_groups_attr(*db);
      const Value::List* list = attr ? attr->list_value() : nullptr;
      if (!list) continue;
      for (const Value& g : *list) {
        const Resource* group = sg::resolve_group(project, g);
        if (!group) continue;
        for (const SecurityGroupRule* rule : sg::ingress_rules(project, *group)) {
          const Value* cidr = first_cidr(*rule);
          if (!cidr || !reported.insert(cidr->span()).second) continue;
          Finding& f = out.report(cidr->span(),
                                  "security group '{}' of datastore '{}' admits {} by CIDR; admit the clients' "
                                  "security group instead",
                                  group->name, db->name, cidr->describe());
          relate(f, db->span, "the datastore that uses this group");
        }
      }
    }
}
}  // namespace

extern const Rule kSgDatastoreCidrIngress{
    .id = "SG005",
    .name = "sg-datastore-cidr-ingress",
    .summary = "Datastores should admit clients by security group, not by CIDR",
    .level = Level::Warning,
    .family = Family::Sg,
    .tags = {"security", "network", "database"},
    .security_severity = 4.0,
    .check = check};

}  // namespace kclint

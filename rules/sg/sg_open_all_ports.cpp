// SG002: all traffic from anywhere exposes every service on the host,
// including the ones nobody meant to publish.
#include "analyzer/ir/rule.h"
#include "rules/sg/network.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  sg::for_each_open_ingress(project, [&](const sg::OpenIngress& o) {
    if (o.range.all)
      out.report(o.cidr.span(), "security group '{}' admits all ports from {}", o.group, o.cidr.describe());
  });
}
}  // namespace

extern const Rule kSgOpenAllPorts{
    .id = "SG002",
    .name = "sg-open-all-ports",
    .summary = "Security groups must not admit all ports from anywhere",
    .level = Level::Error,
    .family = Family::Sg,
    .tags = {"security", "network"},
    .security_severity = 9.0,
    .check = check};

}  // namespace kclint

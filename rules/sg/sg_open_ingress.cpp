// SG003: anything but HTTP(S) open to the internet is usually an internal
// service published by accident.
#include "analyzer/ir/rule.h"
#include "rules/sg/network.h"

namespace kclint {

namespace {
constexpr int kFlagged[] = {22, 3389, 1433, 1521, 3306, 5432, 5439, 6379, 9200, 11211, 27017};  // SG001's ports

void check(const Project& project, Findings& out) {
  sg::for_each_open_ingress(project, [&](const sg::OpenIngress& o) {
    const sg::PortRange& r = o.range;
    if (r.all || r.none) return;  // SG002; ICMP and port-less protocols
    if (r.from == r.to && (r.from == 80 || r.from == 443)) return;
    for (int p : kFlagged)
      if (r.covers(p)) return;  // SG001
    out.report(o.cidr.span(), "security group '{}' admits {} from {}; only 80/443 are expected to be public", o.group,
               sg::describe(r), o.cidr.describe());
  });
}
}  // namespace

extern const Rule kSgOpenIngress{
    .id = "SG003",
    .name = "sg-open-ingress",
    .summary = "Only HTTP(S) should be open to the internet",
    .level = Level::Warning,
    .family = Family::Sg,
    .tags = {"security", "network"},
    .security_severity = 5.0,
    .check = check};

}  // namespace kclint

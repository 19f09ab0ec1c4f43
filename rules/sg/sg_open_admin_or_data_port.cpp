// SG001: SSH, RDP and database/cache ports open to the whole internet are
// scanned within minutes and brute-forced or exploited.
#include "analyzer/ir/rule.h"
#include "rules/sg/network.h"

namespace kclint {

namespace {
struct Sensitive {
  int port;
  std::string_view what;
};
constexpr Sensitive kPorts[] = {{22, "SSH"},         {3389, "RDP"},       {1433, "SQL Server"}, {1521, "Oracle"},
                                {3306, "MySQL"},     {5432, "PostgreSQL"}, {5439, "Redshift"},  {6379, "Redis"},
                                {9200, "Elasticsearch"}, {11211, "Memcached"}, {27017, "MongoDB/DocumentDB"}};

void check(const Project& project, Findings& out) {
  sg::for_each_open_ingress(project, [&](const sg::OpenIngress& o) {
    if (o.range.all) return;  // SG002
    for (const Sensitive& s : kPorts)
      if (o.range.covers(s.port)) {
        out.report(o.cidr.span(), "security group '{}' admits {} from {}: {} ({}) is reachable from the internet",
                   o.group, sg::describe(o.range), o.cidr.describe(), s.port, s.what);
        return;
      }
  });
}
}  // namespace

extern const Rule kSgOpenAdminOrDataPort{
    .id = "SG001",
    .name = "sg-open-admin-or-data-port",
    .summary = "Admin and database ports must not be open to the internet",
    .level = Level::Error,
    .family = Family::Sg,
    .tags = {"security", "network"},
    .security_severity = 8.5,
    .check = check};

}  // namespace kclint

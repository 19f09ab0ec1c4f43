// SEC001 (literal passwords): a database password or a NoEcho parameter's
// default written in the template is a secret in the repository.
#include "analyzer/ir/rule.h"

namespace kclint::sec {

namespace {
// A non-empty String that is not a CloudFormation dynamic reference ({{resolve:secretsmanager:…}}).
bool literal(const Value& v) {
  const std::string* t = v.string_value();
  return t && !t->empty() && !t->starts_with("{{resolve:");
}
}  // namespace

void check_literal_passwords(const Project& project, Findings& out) {
  // `password` / `master_password` hold a String only when written literally
  // (a variable, !Ref or secret reference is Unknown).
  for (auto [kind, attr] : {std::pair{Kind::RdsInstance, "password"}, std::pair{Kind::RdsCluster, "master_password"}})
    for (const Resource* r : project.of_kind(kind))
      if (const Value* v = r->attr(attr); v && literal(*v))
        out.report(v->span(), "'{}' has a literal {}; read it from Secrets Manager (manage_master_user_password / "
                   "ManageMasterUserPassword or a dynamic reference)", r->name, attr).key = r->address + "/" + attr;
  for (const Resource* p : project.of_kind(Kind::Other)) {
    if (p->native_type != "AWS::CloudFormation::Parameter") continue;
    const Value* def = p->attr("default");
    if (def && literal(*def))
      out.report(def->span(), "NoEcho parameter '{}' has a literal Default, written in the template; remove the "
                 "Default and pass the value at deploy time or use a Secrets Manager dynamic reference", p->name)
          .key = p->address;
  }
}

}  // namespace kclint::sec

// SEC001, workflow part: a password, token or secret key written literally as
// an action input (`with:`) is readable by everyone who can read the repository.
#include <re2/re2.h>

#include "analyzer/ir/rule.h"
#include "rules/ctr/containers.h"

namespace kclint::sec {

void check_workflow_credentials(const Project& project, Findings& out) {
  static const RE2 secret_input(
      R"((?i)(^|[-_])(password|passwd|secret|token|api[-_]?key|secret[-_]access[-_]key|private[-_]key|client[-_]secret)$)");
  for (const Resource* step : project.of_kind(Kind::Step)) {
    const Value* with = step->attr("with");
    if (!with || !with->map_value()) continue;
    for (const Value::Member& m : *with->map_value()) {
      const std::string* text = m.value.string_value();  // `${{ secrets.X }}` is Unknown
      if (!text || text->size() < 6 || ctr::is_placeholder(*text) || !RE2::PartialMatch(m.key, secret_input)) continue;
      out.report(m.value.span(), "input '{}' of step '{}' is a literal credential; store it as a secret and pass "
                 "'${{{{ secrets.NAME }}}}'", m.key, step->name).key = step->address + "/" + m.key;
    }
  }
}

}  // namespace kclint::sec

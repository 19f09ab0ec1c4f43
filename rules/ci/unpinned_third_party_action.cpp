// CI003: a tag or branch of someone else's action can be moved to new code at
// any time, and that code runs with the job's secrets and token.
#include <re2/re2.h>

#include "analyzer/ir/rule.h"

namespace kclint {

namespace {
void judge(const Resource& r, Findings& out) {
  static const RE2 sha(R"([0-9a-f]{40})");
  const Value* action = r.attr("action");  // owner/repo/path@ref taken apart; absent for local and docker://
  const Value* owner = action ? action->get("owner") : nullptr;
  if (!owner || !owner->string_value()) return;
  std::string o = *owner->string_value();
  for (char& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (o == "actions" || o == "aws-actions") return;
  const Value* ref = action->get("ref");
  if (ref->string_value() && RE2::FullMatch(*ref->string_value(), sha)) return;
  const std::string& uses = *r.attr("uses")->string_value();
  out.report(r.attr("uses")->span(), "third-party action '{}' is referenced by '{}', which its owner can move; pin a full "
             "commit SHA (and keep the version in a comment)", uses.substr(0, uses.find('@')),
             ref->string_value() ? *ref->string_value() : "no ref").key = r.address;
}

void check(const Project& project, Findings& out) {
  for (const Resource* step : project.of_kind(Kind::Step)) judge(*step, out);
  for (const Resource* job : project.of_kind(Kind::Job)) judge(*job, out);
}
}  // namespace

extern const Rule kUnpinnedThirdPartyAction{
    .id = "CI003",
    .name = "unpinned-third-party-action",
    .summary = "Third-party actions should be pinned to a full commit SHA",
    .level = Level::Note,
    .family = Family::Ci,
    .tags = {"security", "github-actions", "supply-chain"},
    .security_severity = 4.0,
    .check = check};

}  // namespace kclint

// KC — findings about kclint's own reading of the project: files it could not
// parse, and inline suppressions that are unused or unexplained.
#include "analyzer/ir/rule.h"

namespace kclint {

namespace {
// Every diagnostic a parser or lowering left on a file becomes a finding, so a
// file kclint could not read is never silently skipped.
void check_parse_errors(const Project& project, Findings& out) {
  for (const SourceFile& f : project.files())
    for (const Diagnostic& d : f.diagnostics) out.report(d.span, "{}", d.message).key = d.message;
}
}  // namespace

extern const Rule kParseError{
    .id = "KC000",
    .name = "parse-error",
    .summary = "A file of a known format could not be read",
    .level = Level::Error,
    .family = Family::Kc,
    .tags = {"kclint"},
    .check = check_parse_errors};

// KC001 and KC002 are reported by the suppression pass (analyzer/suppress.cpp).
extern const Rule kUnusedSuppression{
    .id = "KC001",
    .name = "unused-suppression",
    .summary = "An inline kclint:ignore matched no finding",
    .level = Level::Note,
    .family = Family::Kc,
    .tags = {"kclint"}};

extern const Rule kSuppressionWithoutReason{
    .id = "KC002",
    .name = "suppression-without-reason",
    .summary = "An inline suppression has no -- reason",
    .level = Level::Note,
    .family = Family::Kc,
    .tags = {"kclint"}};

}  // namespace kclint

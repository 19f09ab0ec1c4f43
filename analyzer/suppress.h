// Inline suppressions: `kclint:ignore ID[,ID] -- reason` in a comment, written
// once for every comment-capable format.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "analyzer/engine.h"
#include "analyzer/ir/rule.h"

namespace kclint {

enum class CommentStyle {
  None,        // JSON: no comments
  HashOnly,    // Dockerfile: '#' starts a comment only at the start of a line
  Hash,        // YAML: '#' at the start or after whitespace
  Hcl,         // '#', '//' and '/* */'
};
CommentStyle comment_style(Format format);

// Finds the suppression comments of a file.
std::vector<Suppression> scan_suppressions(FileId file, std::string_view text, const LineIndex& lines,
                                           CommentStyle style);

// Marks findings covered by an inline suppression (kind InSource) and appends
// KC001 (unused) and KC002 (no reason) findings. `enabled(id)` tells whether a
// rule or family id is enabled in this run, so a suppression of a disabled
// rule is not called unused.
// `policy` says whether inline comments are honoured (Forbid: each is
// reported and honoured nowhere; RequireReason: one without a reason is not
// honoured) and adds config suppressions (kind External).
void apply_suppressions(const Project& project, std::vector<Finding>& findings,
                        const std::function<bool(std::string_view)>& enabled, const SuppressionPolicy& policy = {});

}  // namespace kclint

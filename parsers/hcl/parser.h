// HCL2 native-syntax parser: source text → syntax tree (parsers/hcl/ast.h)
// plus diagnostics. Used for .tf and .tfvars files.
#pragma once

#include <string_view>

#include "analyzer/ir/diagnostic.h"
#include "parsers/hcl/ast.h"

namespace kclint::hcl {

enum class ParseMode {
  Config,  // a .tf file: attributes and blocks
  Tfvars,  // a .tfvars file: attributes only
};

struct ParseResult {
  File file;
  Diagnostics diagnostics;  // empty on success; parsing stops at the first error

  bool ok() const { return diagnostics.empty(); }
};

// Deeper nesting of expressions, templates or blocks is reported as an error
// instead of risking the stack.
inline constexpr int kMaxNesting = 256;

// Parses one file. Never throws. On error, `file` holds what was parsed up to
// the error (possibly nothing) and `diagnostics` holds one entry with the
// position of the problem. A UTF-8 BOM is skipped; CRLF line endings are
// accepted anywhere a line ending is.
ParseResult parse(FileId file, std::string_view text, ParseMode mode = ParseMode::Config);

}  // namespace kclint::hcl

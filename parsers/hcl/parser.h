// HCL2 native-syntax parser: source text → syntax tree (parsers/hcl/ast.h)
// plus diagnostics. Used for .tf and .tfvars files.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

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

// ---------------------------------------------------------------------------
// Fragments: for a front end that builds the structure of a File itself
// (HCL's JSON syntax, parsers/hcl/json_syntax.h) and parses string values as
// templates or expressions into the same tree.

// A decoded copy of an escaped string, appended to File::text so that it can
// be parsed (and source_text() read) like any other text. Spans of nodes in
// the copy point where each byte was written in the original text.
struct TextCopy {
  std::uint32_t begin = 0;              // offset of the copy in File::text
  std::vector<std::uint32_t> original;  // per byte of the copy, plus one for its end: offset in the text
};

class FragmentParser {
 public:
  // `file.text` is final; `copies` are sorted by `begin` and lie after the
  // original text.
  FragmentParser(File& file, std::vector<TextCopy> copies);
  ~FragmentParser();
  FragmentParser(const FragmentParser&) = delete;
  FragmentParser& operator=(const FragmentParser&) = delete;

  // text[content) as the inside of a template (no quotes, no backslash
  // escapes; $${ and %%{ are escapes), the node spanning `whole` (the string
  // with its quotes). A template that is one interpolation ("${x}") keeps the
  // range of x, so that its source text is x. Null after a diagnostic.
  const Expr* template_at(ByteRange content, ByteRange whole, Diagnostics& diagnostics);
  // text[content) as one expression. Null after a diagnostic.
  const Expr* expression_at(ByteRange content, Diagnostics& diagnostics);
  // The span of text[begin, end).
  Span span(std::uint32_t begin, std::uint32_t end) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace kclint::hcl

// HCL2 tokenizer: one pass over the text, tokens are byte ranges into it.
// Internal to parsers/hcl; the parser drives it through lex().
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/hcl/ast.h"

namespace kclint::hcl {

enum class Tok : std::uint8_t {
  // clang-format off
  Eof, Newline, Ident, Number,
  OQuote, CQuote, QuotedLit,        // "...": literal chunks between interpolations
  OHeredoc, CHeredoc, StringLit,    // <<EOT ... EOT: one StringLit per line chunk
  TemplateInterp, TemplateControl,  // ${ or ${~, %{ or %{~
  TemplateSeqEnd,                   // } or ~} closing either
  OBrace, CBrace, OBrack, CBrack, OParen, CParen,
  Comma, Dot, Ellipsis, Colon, DoubleColon, Question, Equal, FatArrow,
  Plus, Minus, Star, Slash, Percent,
  EqualOp, NotEqual, Less, Greater, LessEqual, GreaterEqual, And, Or, Bang,
  Invalid,  // the lexer stopped here; LexResult::error says why
  // clang-format on
};

struct Token {
  Tok type = Tok::Eof;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

struct LexError {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string message;
};

struct LexResult {
  std::vector<Token> tokens;      // always ends with Eof (after Invalid on error)
  std::vector<Comment> comments;  // spans not filled in
  std::optional<LexError> error;
};

// Tokenizes `text`. Comments are not tokens, but a line comment is always
// followed by its Newline token (or Eof), so it still ends an attribute.
// `lines` renders the "line:col" that some messages quote.
LexResult lex(std::string_view text, const LineIndex& lines);

// Tokenizes text[begin, end) of a file whose structure another front end
// reads (HCL's JSON syntax): as the inside of a template, with no quotes or
// backslash escapes (only $${ and %%{), or as one expression. Token offsets
// index `text`; `where` renders an offset as "line:col" for messages.
enum class FragmentKind : std::uint8_t { Template, Expression };
LexResult lex_fragment(std::string_view text, std::uint32_t begin, std::uint32_t end, FragmentKind kind,
                       std::function<std::string(std::size_t)> where);

// True for the code points Go's unicode.IsSpace accepts; HCL uses it for
// strip markers and heredoc indentation.
bool is_unicode_space(char32_t c);

// Decodes one UTF-8 sequence at `s[i]`; returns the code point and advances
// `i` (invalid bytes decode as U+FFFD, one byte at a time).
char32_t decode_utf8(std::string_view s, std::size_t& i);

}  // namespace kclint::hcl

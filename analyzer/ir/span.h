// Source positions. Every value, resource and finding carries a Span; spans
// become "file:line:col" text only in the report formatters.
#pragma once

#include <compare>
#include <cstdint>

namespace kclint {

// Index of a file in the Project (or in a parser's single-file world).
using FileId = std::uint32_t;
inline constexpr FileId kNoFile = 0xFFFFFFFFu;

// 1-based line and column; columns count characters (UTF-8 code points) of
// the line. The end is exclusive (the column just after the last character),
// as in SARIF regions. A default Span (line 0) means "no position".
struct Span {
  FileId file = kNoFile;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t end_line = 0;
  std::uint32_t end_column = 0;

  bool valid() const { return line != 0; }
  bool contains_line(std::uint32_t l) const { return valid() && l >= line && l <= end_line; }
  friend auto operator<=>(const Span&, const Span&) = default;
};

// A span covering from the start of `a` to the end of `b`.
inline Span join(const Span& a, const Span& b) {
  if (!a.valid()) return b;
  if (!b.valid()) return a;
  Span s = a;
  if (b.end_line > s.end_line || (b.end_line == s.end_line && b.end_column > s.end_column)) {
    s.end_line = b.end_line;
    s.end_column = b.end_column;
  }
  return s;
}

}  // namespace kclint

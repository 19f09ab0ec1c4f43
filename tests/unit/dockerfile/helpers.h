// Helpers for the Dockerfile parser tests: parse a snippet, and derive the
// expected span of a piece of text from the snippet itself, so tests do not
// carry hand-typed position tables.
#pragma once

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>

#include "parsers/dockerfile/dockerfile.h"

namespace kclint {
// Readable spans in assertion failures.
inline void PrintTo(const Span& s, std::ostream* os) {
  *os << s.line << ":" << s.column << "-" << s.end_line << ":" << s.end_column;
}
}  // namespace kclint

namespace kclint::dockerfile::testing {

inline constexpr FileId kFile = 7;

// Span of the `nth` (0-based) occurrence of `needle` in `src`; lines and
// columns are 1-based, columns count UTF-8 code points, the end is exclusive.
inline Span span_of(std::string_view src, std::string_view needle, int nth = 0) {
  std::size_t at = src.find(needle);
  for (int i = 0; i < nth && at != std::string_view::npos; ++i) at = src.find(needle, at + 1);
  if (at == std::string_view::npos) {
    ADD_FAILURE() << "\"" << needle << "\" not found in the snippet";
    return {};
  }
  auto pos = [&](std::size_t off, std::uint32_t& line, std::uint32_t& col) {
    line = 1;
    col = 1;
    for (std::size_t i = 0; i < off; ++i) {
      if (src[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(src[i]) & 0xC0) != 0x80) {
        ++col;
      }
    }
  };
  Span s;
  s.file = kFile;
  pos(at, s.line, s.column);
  pos(at + needle.size(), s.end_line, s.end_column);
  return s;
}

inline std::string describe(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags)
    out += std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + ": " + d.message + "\n";
  return out;
}

// Parses `src` and fails the test when it reports anything.
inline ParseResult parse_clean(std::string_view src) {
  ParseResult r = parse(kFile, src);
  EXPECT_TRUE(r.diagnostics.empty()) << describe(r.diagnostics);
  return r;
}

// The only diagnostic `src` produces (fails the test unless there is exactly one).
inline Diagnostic only_error(std::string_view src) {
  ParseResult r = parse(kFile, src);
  EXPECT_EQ(r.diagnostics.size(), 1u) << describe(r.diagnostics);
  return r.diagnostics.empty() ? Diagnostic{} : r.diagnostics.front();
}

inline std::vector<std::string> texts(const std::vector<Word>& words) {
  std::vector<std::string> out;
  for (const Word& w : words) out.push_back(w.text);
  return out;
}

}  // namespace kclint::dockerfile::testing

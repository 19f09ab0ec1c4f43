// Helpers shared by the HCL parser tests.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "parsers/hcl/parser.h"

namespace kclint::hcl::test {

// "line:col-line:col", so a span is checked in one readable assertion.
inline std::string pos(const Span& s) { return fmt::format("{}:{}-{}:{}", s.line, s.column, s.end_line, s.end_column); }

// Parses `text` and fails the current test if there is a diagnostic.
inline ParseResult parse_ok(std::string_view text, ParseMode mode = ParseMode::Config) {
  ParseResult r = parse(7, text, mode);
  for (const Diagnostic& d : r.diagnostics)
    ADD_FAILURE() << "unexpected diagnostic at " << pos(d.span) << ": " << d.message << "\n--- input ---\n" << text;
  return r;
}

// The value expression of the first attribute named `name` in the top body.
inline const Expr* attr(const ParseResult& r, std::string_view name) {
  const Attribute* a = r.file.body.attribute(name);
  if (!a) {
    ADD_FAILURE() << "no attribute " << name;
    static const Expr kNull{};
    return &kNull;
  }
  return a->expr;
}

// Source text of a node.
inline std::string_view src(const ParseResult& r, const Expr* e) {
  return r.file.text.substr(e->range.begin, e->range.size());
}

// The single diagnostic of a parse that must fail, as "line:col: message".
inline std::string error_of(std::string_view text, ParseMode mode = ParseMode::Config) {
  ParseResult r = parse(7, text, mode);
  if (r.diagnostics.size() != 1) {
    ADD_FAILURE() << "expected exactly one diagnostic, got " << r.diagnostics.size() << " for:\n" << text;
    return {};
  }
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.span.file, 7u);
  return fmt::format("{}:{}: {}", d.span.line, d.span.column, d.message);
}

}  // namespace kclint::hcl::test

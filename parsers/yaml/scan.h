// Reads YAML source text around the positions yaml-cpp reports, to find where
// each node ends: yaml-cpp's events carry only a start mark.
#pragma once

#include <cstddef>
#include <string_view>

namespace kclint::yaml::scan {

inline constexpr std::size_t npos = std::string_view::npos;

// Node properties (`!tag`, `&anchor`) starting at `at`.
struct Properties {
  std::size_t end;        // just after the last property (== at when none)
  std::size_t content;    // where the node's content starts
  std::size_t tag_begin;  // source range of the tag; empty when none
  std::size_t tag_end;
};
// Reads the properties at `at` (all on one line). The content is looked for on
// the same line, and also on later lines when `cross_lines`.
Properties properties(std::string_view text, std::size_t at, bool cross_lines);

// End of the plain scalar that starts at `at` and whose folded value is `value`
// (multi-line plain scalars included). Falls back to the end of the line.
std::size_t plain_end(std::string_view text, std::size_t at, std::string_view value);

// Just past the closing quote of the quoted scalar at `at`; npos if unterminated.
std::size_t quoted_end(std::string_view text, std::size_t at);

// End of the last content line of the block scalar whose header (`|`, `>`) is
// at `at`; the end of the header when the scalar has no content.
std::size_t block_end(std::string_view text, std::size_t at, bool empty);

// Just past the `close` bracket of a flow collection whose last entry ended at
// `from` (whitespace, comments and commas skipped); npos if it is not there.
std::size_t flow_close(std::string_view text, std::size_t from, char close);

// Where an empty node sits: just after the last indicator (`:`, `-`, `?`) that
// follows `from`, without passing `limit`; `from` itself when there is none.
std::size_t empty_node(std::string_view text, std::size_t from, std::size_t limit);

// End of the alias (`*name`) at `at`.
std::size_t alias_end(std::string_view text, std::size_t at);

// End of a null literal (`~`, `null`, `Null`, `NULL`) written at `at`, or npos.
std::size_t null_literal_end(std::string_view text, std::size_t at);

// True when a `:` indicator follows `at` on the same line (the node at `at` is
// a block mapping key).
bool followed_by_colon(std::string_view text, std::size_t at);

}  // namespace kclint::yaml::scan

// A loaded source file and the mapping from byte offsets to line/column.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/span.h"

namespace kclint {

// Maps byte offsets to 1-based (line, column) where column counts UTF-8 code
// points. Built once per file; lookups are a binary search plus a short scan.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  struct Pos {
    std::uint32_t line;
    std::uint32_t column;
  };
  Pos position(std::size_t offset) const;
  // Span of the byte range [begin, end) in file `file`.
  Span span(FileId file, std::size_t begin, std::size_t end) const;
  std::size_t line_count() const { return starts_.size(); }
  // Byte offset of the start of 1-based `line`.
  std::size_t line_start(std::uint32_t line) const { return starts_[line - 1]; }
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

// True when `bytes` look like binary content (a NUL byte in the first 8 KiB).
bool looks_binary(std::string_view bytes);

// Length of the valid UTF-8 prefix of `bytes` (== size when all valid).
std::size_t valid_utf8_prefix(std::string_view bytes);

// Appends code point `cp` to `out`, encoded as UTF-8 (for unescaping \u…).
void append_utf8(std::string& out, char32_t cp);

}  // namespace kclint

// Helpers shared by the JSON and YAML loaders: byte offsets to spans, BOM and
// encoding checks, duplicate-key lookup. Internal to parsers/.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "analyzer/ir/diagnostic.h"
#include "analyzer/ir/source.h"
#include "analyzer/ir/span.h"
#include "analyzer/ir/value.h"

namespace kclint::loader {

inline constexpr std::size_t npos = std::string_view::npos;

// The text without a leading UTF-8 byte order mark. Loaders work on this text,
// so columns on line 1 are those an editor shows.
std::string_view strip_bom(std::string_view text);

// A diagnostic when `text` is not UTF-8 or holds a NUL byte (`what` names the
// format in the message), nullopt when it is readable.
std::optional<Diagnostic> check_encoding(FileId file, std::string_view text, std::string_view what);

// Byte offsets to line/column. Parser events arrive in document order, so it
// keeps the last position and counts from it to any offset on the same line; a
// jump to another line falls back to LineIndex. That keeps minified one-line
// files linear.
class PositionMap {
 public:
  PositionMap(FileId file, std::string_view text);

  LineIndex::Pos pos(std::size_t offset);
  Span span(std::size_t begin, std::size_t end);
  Span span(LineIndex::Pos begin, LineIndex::Pos end) const {
    return Span{file_, begin.line, begin.column, end.line, end.column};
  }
  FileId file() const { return file_; }

 private:
  FileId file_;
  std::string_view text_;
  LineIndex index_;
  std::size_t offset_ = 0;      // the cached position...
  std::size_t line_begin_ = 0;  // ...and its line: [line_begin_, line_end_)
  std::size_t line_end_ = 0;
  LineIndex::Pos cached_{1, 1};
};

// Finds a map member by key while the map is being built: a linear scan for
// small maps, a hash index once a map grows (keeps big objects linear).
class MemberLookup {
 public:
  // Index of the member named `key` in `members`, or npos.
  std::size_t find(const Value::Map& members, const std::string& key);
  // Record that members[index] was appended.
  void added(const Value::Map& members, std::size_t index);

 private:
  static constexpr std::size_t kLinear = 12;
  std::unordered_map<std::string, std::size_t> index_;
  bool indexed_ = false;
};

}  // namespace kclint::loader

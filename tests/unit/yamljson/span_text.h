// Test helpers for the YAML and JSON loaders: the source text a span covers,
// and short ways to reach into a loaded Value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "analyzer/ir/source.h"
#include "analyzer/ir/span.h"
#include "analyzer/ir/value.h"

namespace kclint::testing {

// Byte offset of 1-based (line, column), columns in code points.
inline std::size_t offset_of(std::string_view text, std::uint32_t line, std::uint32_t column) {
  LineIndex index(text);
  std::size_t at = index.line_start(line);
  for (std::uint32_t c = 1; c < column && at < text.size(); ++c) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

// The text `span` covers in `text` (which must be the text the span was made for).
inline std::string text_at(std::string_view text, const Span& span) {
  if (!span.valid()) return "<no span>";
  std::size_t begin = offset_of(text, span.line, span.column);
  std::size_t end = offset_of(text, span.end_line, span.end_column);
  return end < begin ? "<inverted span>" : std::string(text.substr(begin, end - begin));
}

inline std::string where(const Span& s) {
  return std::to_string(s.line) + ":" + std::to_string(s.column) + "-" + std::to_string(s.end_line) + ":" +
         std::to_string(s.end_column);
}

// v[i] for a list, with a null fallback so a failed expectation does not crash.
inline const Value& item(const Value& v, std::size_t i) {
  static const Value kMissing;
  const Value::List* list = v.list_value();
  return list && i < list->size() ? (*list)[i] : kMissing;
}

inline const Value& at_key(const Value& v, std::string_view key) {
  static const Value kMissing;
  const Value* found = v.get(key);
  return found ? *found : kMissing;
}

}  // namespace kclint::testing

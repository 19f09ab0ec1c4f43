// Offset → line/column mapping and byte-level checks on file contents.
#include "analyzer/ir/source.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace kclint {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* at = begin; at < end; ++at) {
    at = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)));
    if (!at) break;
    starts_.push_back(static_cast<std::size_t>(at - begin) + 1);
  }
}

LineIndex::Pos LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
  std::size_t begin = starts_[line - 1];
  std::uint32_t column = 1;
  for (std::size_t i = begin; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  return {static_cast<std::uint32_t>(line), column};
}

Span LineIndex::span(FileId file, std::size_t begin, std::size_t end) const {
  Pos a = position(begin);
  Pos b = position(std::max(begin, end));
  return Span{file, a.line, a.column, b.line, b.column};
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
  if (line == 0 || line > starts_.size()) return {};
  std::size_t begin = starts_[line - 1];
  std::size_t end = line < starts_.size() ? starts_[line] : text_.size();
  std::string_view s = text_.substr(begin, end - begin);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool looks_binary(std::string_view bytes) {
  return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

std::size_t valid_utf8_prefix(std::string_view bytes) {
  std::size_t i = 0, n = bytes.size();
  while (i < n) {
    // Infrastructure code is nearly all ASCII: skip it eight bytes at a time.
    std::uint64_t word;
    while (i + sizeof word <= n && (std::memcpy(&word, bytes.data() + i, sizeof word), (word & 0x8080808080808080u) == 0))
      i += sizeof word;
    if (i == n) break;
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return i;
    if (len == 2 && c < 0xC2) return i;  // overlong
    i += len;
  }
  return n;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace kclint

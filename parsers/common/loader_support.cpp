// Offset-to-span mapping, encoding checks and member lookup for the loaders.
#include "parsers/common/loader_support.h"

#include <fmt/format.h>

#include <algorithm>

namespace kclint::loader {

std::string_view strip_bom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

std::optional<Diagnostic> check_encoding(FileId file, std::string_view text, std::string_view what) {
  std::size_t bad = valid_utf8_prefix(text);
  std::size_t nul = text.substr(0, bad).find('\0');
  if (bad == text.size() && nul == npos) return std::nullopt;
  PositionMap positions(file, text);
  if (nul != npos)
    return Diagnostic{positions.span(nul, nul + 1), fmt::format("invalid {}: NUL byte in the text", what)};
  return Diagnostic{positions.span(bad, bad + 1), fmt::format("invalid {}: bytes are not valid UTF-8 (0x{:02X})", what,
                                                              static_cast<unsigned char>(text[bad]))};
}

PositionMap::PositionMap(FileId file, std::string_view text) : file_(file), text_(text), index_(text) {
  line_end_ = index_.line_count() > 1 ? index_.line_start(2) : text_.size() + 1;
}

LineIndex::Pos PositionMap::pos(std::size_t offset) {
  auto is_lead = [this](std::size_t i) { return (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80; };
  offset = std::min(offset, text_.size());
  if (offset >= offset_ && offset < line_end_) {
    for (std::size_t i = offset_; i < offset; ++i) cached_.column += is_lead(i);
  } else if (offset < offset_ && offset >= line_begin_) {
    for (std::size_t i = offset; i < offset_; ++i) cached_.column -= is_lead(i);
  } else {
    cached_ = index_.position(offset);
    line_begin_ = index_.line_start(cached_.line);
    line_end_ = cached_.line < index_.line_count() ? index_.line_start(cached_.line + 1) : text_.size() + 1;
  }
  offset_ = offset;
  return cached_;
}

Span PositionMap::span(std::size_t begin, std::size_t end) {
  LineIndex::Pos a = pos(begin);
  LineIndex::Pos b = pos(std::max(begin, end));
  return span(a, b);
}

std::size_t MemberLookup::find(const Value::Map& members, const std::string& key) {
  if (!indexed_ && members.size() <= kLinear) {
    for (std::size_t i = 0; i < members.size(); ++i)
      if (members[i].key == key) return i;
    return npos;
  }
  if (!indexed_) {
    for (std::size_t i = 0; i < members.size(); ++i) index_.emplace(members[i].key, i);
    indexed_ = true;
  }
  auto it = index_.find(key);
  return it == index_.end() ? npos : it->second;
}

void MemberLookup::added(const Value::Map& members, std::size_t index) {
  if (indexed_) index_.emplace(members[index].key, index);
}

}  // namespace kclint::loader

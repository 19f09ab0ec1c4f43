// JSON loader: nlohmann's SAX parser checks the syntax and decodes values; a
// cursor that follows the events through the text gives every value its span.
#include "parsers/json/json.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "parsers/common/loader_support.h"

namespace kclint::json {
namespace {

using loader::npos;
using Json = nlohmann::json;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_literal_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-'; }

// Turns nlohmann's message ("[json.exception.parse_error.101] parse error at
// line 1, column 7: syntax error while parsing value - unexpected '}'; expected
// '[', '{', or a literal") into ours ("unexpected '}' (expected a value)").
std::string error_message(std::string what, bool after_comma) {
  if (auto dash = what.find(" - "); dash != std::string::npos) {
    what.erase(0, dash + 3);
  } else if (auto bracket = what.find("] "); what.starts_with("[json.exception") && bracket != std::string::npos) {
    what.erase(0, bracket + 2);
  }
  std::string expected;
  if (auto last = what.find("; last read: "); last != std::string::npos) {
    auto exp = what.rfind("; expected ");
    expected = exp != std::string::npos && exp > last ? what.substr(exp + 11) : "";
    what.erase(last);
  } else if (auto exp = what.find("; expected "); exp != std::string::npos) {
    expected = what.substr(exp + 11);
    what.erase(exp);
  }
  auto replace = [](std::string& s, std::string_view from, std::string_view to) {
    if (auto at = s.find(from); at != std::string::npos) s.replace(at, from.size(), to);
  };
  replace(what, "number literal", "number");
  replace(what, "string literal", "string");
  replace(expected, "'[', '{', or a literal", "a value");
  replace(expected, "string literal", "a quoted key");
  if (after_comma && (what == "unexpected '}'" || what == "unexpected ']'"))
    return fmt::format("invalid JSON: trailing comma before '{}'", what[12]);
  if (expected == "end of input") return "invalid JSON: unexpected text after the document";
  if (expected.empty()) return "invalid JSON: " + what;
  return fmt::format("invalid JSON: {} (expected {})", what, expected);
}

class Builder final : public nlohmann::json_sax<Json> {
 public:
  Builder(FileId file, std::string_view text, const Limits& limits, Diagnostics& diagnostics, Diagnostics& warnings)
      : text_(text),
        positions_(file, text),
        limits_(limits),
        max_values_(value_budget(limits, text.size())),
        diagnostics_(diagnostics),
        warnings_(warnings) {}

  Value take_root() { return std::move(root_); }

  bool null() override { return scalar(Value::null()); }
  bool boolean(bool b) override { return scalar(Value::boolean(b)); }
  bool number_integer(number_integer_t n) override { return scalar(Value::number(static_cast<double>(n))); }
  bool number_unsigned(number_unsigned_t n) override { return scalar(Value::number(static_cast<double>(n))); }
  bool number_float(number_float_t d, const string_t&) override { return scalar(Value::number(d)); }
  bool string(string_t& s) override { return scalar(Value::string(std::move(s))); }
  bool binary(binary_t&) override { return scalar(Value::null()); }  // not produced by the JSON format

  bool start_object(std::size_t) override { return open(true); }
  bool start_array(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& k) override {
    std::size_t begin = token_start();
    std::size_t end = string_end(begin);
    Frame& f = frames_.back();
    f.key_span = positions_.span(begin, end);
    f.replace = f.lookup.find(f.map, k);
    if (f.replace != npos) {
      const Span& first = f.map[f.replace].key_span;
      warnings_.push_back(
          {f.key_span, fmt::format("duplicate key \"{}\" (first at {}:{})", k, first.line, first.column)});
    }
    f.key = std::move(k);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    std::string what = ex.what();
    std::size_t at = position == 0 ? 0 : std::min(position - 1, text_.size());
    if (what.find("unexpected end of input") != std::string::npos) at = text_.size();
    std::size_t begin = at, end = at;
    if (at < text_.size()) {
      end = at + 1;
      bool literal =
          what.find("invalid literal") != std::string::npos || what.find("invalid number") != std::string::npos;
      if (literal) {
        while (begin > 0 && is_literal_char(text_[begin - 1])) --begin;
        end = is_literal_char(text_[at]) ? at : begin;
        while (end < text_.size() && is_literal_char(text_[end])) ++end;
        if (end == begin) end = at + 1;
      }
    }
    std::size_t prev = begin;
    while (prev > 0 && is_space(text_[prev - 1])) --prev;
    bool after_comma = prev > 0 && text_[prev - 1] == ',';
    diagnostics_.push_back({positions_.span(begin, end), error_message(what, after_comma)});
    return false;
  }

 private:
  struct Frame {
    bool is_map = false;
    LineIndex::Pos open{1, 1};
    Value::List list;
    Value::Map map;
    loader::MemberLookup lookup;
    std::string key;
    Span key_span;
    std::size_t replace = npos;  // index of the member a duplicate key overwrites
  };

  // The event's token starts at the first byte that is not whitespace or a separator.
  std::size_t token_start() {
    while (cursor_ < text_.size() && (is_space(text_[cursor_]) || text_[cursor_] == ',' || text_[cursor_] == ':'))
      ++cursor_;
    return cursor_;
  }

  // End of the string token opening at `begin` (just after its closing quote).
  std::size_t string_end(std::size_t begin) {
    const char* data = text_.data();
    std::size_t i = begin + 1;
    while (i < text_.size()) {
      const void* hit = std::memchr(data + i, '"', text_.size() - i);
      if (!hit) break;
      std::size_t quote = static_cast<std::size_t>(static_cast<const char*>(hit) - data);
      std::size_t backslashes = 0;
      while (quote - backslashes > begin + 1 && data[quote - backslashes - 1] == '\\') ++backslashes;
      i = quote + 1;
      if (backslashes % 2 == 0) break;
    }
    cursor_ = std::min(i, text_.size());
    return cursor_;
  }

  bool count_value() {
    if (++values_ <= max_values_) return true;
    diagnostics_.push_back(
        {positions_.span(cursor_, cursor_), fmt::format("JSON document exceeds {} values", max_values_)});
    return false;
  }

  bool scalar(Value v) {
    if (!count_value()) return false;
    std::size_t begin = token_start();
    std::size_t end = begin;
    if (begin < text_.size() && text_[begin] == '"') {
      end = string_end(begin);
    } else {
      while (end < text_.size() && is_literal_char(text_[end])) ++end;
      cursor_ = end;
    }
    v.set_span(positions_.span(begin, end));
    place(std::move(v));
    return true;
  }

  bool open(bool is_map) {
    std::size_t begin = token_start();
    if (frames_.size() >= limits_.max_depth) {
      diagnostics_.push_back(
          {positions_.span(begin, begin + 1), fmt::format("JSON nesting depth exceeds {}", limits_.max_depth)});
      return false;
    }
    if (!count_value()) return false;
    Frame& f = frames_.emplace_back();
    f.is_map = is_map;
    f.open = positions_.pos(begin);
    cursor_ = begin + 1;
    return true;
  }

  bool close() {
    std::size_t begin = token_start();
    cursor_ = std::min(begin + 1, text_.size());
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    Span span = positions_.span(f.open, positions_.pos(cursor_));
    place(f.is_map ? Value::map(std::move(f.map), span) : Value::list(std::move(f.list), span));
    return true;
  }

  void place(Value v) {
    if (frames_.empty()) {
      root_ = std::move(v);
      return;
    }
    Frame& f = frames_.back();
    if (!f.is_map) {
      f.list.push_back(std::move(v));
    } else if (f.replace != npos) {
      f.map[f.replace].key_span = f.key_span;
      f.map[f.replace].value = std::move(v);
      f.replace = npos;
    } else {
      f.map.push_back(Value::Member{std::move(f.key), f.key_span, std::move(v)});
      f.lookup.added(f.map, f.map.size() - 1);
    }
  }

  std::string_view text_;
  loader::PositionMap positions_;
  const Limits& limits_;
  std::size_t max_values_;
  Diagnostics& diagnostics_;
  Diagnostics& warnings_;
  std::size_t cursor_ = 0;
  std::size_t values_ = 0;
  std::vector<Frame> frames_;
  Value root_;
};

}  // namespace

LoadResult load(FileId file, std::string_view text, const Limits& limits) {
  LoadResult result;
  text = loader::strip_bom(text);
  if (auto bad = loader::check_encoding(file, text, "JSON")) {
    result.diagnostics.push_back(std::move(*bad));
    return result;
  }
  if (std::all_of(text.begin(), text.end(), is_space)) return result;
  try {
    Builder builder(file, text, limits, result.diagnostics, result.warnings);
    if (Json::sax_parse(text.data(), text.data() + text.size(), &builder)) result.value = builder.take_root();
  } catch (const std::exception& e) {
    result.diagnostics.push_back({Span{file, 1, 1, 1, 1}, fmt::format("JSON could not be loaded: {}", e.what())});
  }
  return result;  // a refused document stays Null; the diagnostics say why
}

}  // namespace kclint::json

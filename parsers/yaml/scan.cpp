// Source scanning for YAML spans: node properties, scalar ends, flow brackets.
#include "parsers/yaml/scan.h"

#include <algorithm>

namespace kclint::yaml::scan {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_break(char c) { return c == '\n' || c == '\r'; }
bool is_space(char c) { return is_blank(c) || is_break(c); }
bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

// End of the line holding `at`, before any "\r\n".
std::size_t line_end(std::string_view t, std::size_t at) {
  std::size_t e = t.find('\n', at);
  if (e == npos) e = t.size();
  if (e > at && t[e - 1] == '\r') --e;
  return e;
}

// Skips blanks, line breaks and comments.
std::size_t skip_space(std::string_view t, std::size_t i) {
  while (i < t.size()) {
    if (is_space(t[i])) {
      ++i;
    } else if (t[i] == '#') {
      i = line_end(t, i);
    } else {
      break;
    }
  }
  return i;
}

// End of a tag, anchor or alias name starting at `i`.
std::size_t name_end(std::string_view t, std::size_t i) {
  while (i < t.size() && !is_space(t[i]) && !is_flow_indicator(t[i])) ++i;
  return i;
}

}  // namespace

Properties properties(std::string_view t, std::size_t at, bool cross_lines) {
  Properties p{at, at, at, at};
  std::size_t i = at;
  while (i < t.size() && (t[i] == '!' || t[i] == '&')) {
    std::size_t begin = i;
    if (t[i] == '!' && i + 1 < t.size() && t[i + 1] == '<') {
      std::size_t close = t.find('>', i);
      i = close == npos ? name_end(t, i) : close + 1;
    } else {
      i = name_end(t, i + 1);
    }
    if (t[begin] == '!') {
      p.tag_begin = begin;
      p.tag_end = i;
    }
    p.end = i;
    while (i < t.size() && is_blank(t[i])) ++i;
  }
  p.content = i;
  if (cross_lines && p.end > at) {
    p.content = skip_space(t, i);
  } else if (i < t.size() && t[i] == '#') {
    p.content = line_end(t, i);  // a comment after the properties: nothing on this line
  }
  return p;
}

std::size_t plain_end(std::string_view t, std::size_t at, std::string_view value) {
  std::size_t i = at, j = 0;
  while (j < value.size()) {
    if (i < t.size() && t[i] == value[j]) {
      ++i, ++j;
    } else if (i < t.size() && is_space(t[i]) &&
               (value[j] == ' ' || value[j] == '\n' || (j > 0 && (value[j - 1] == ' ' || value[j - 1] == '\n')))) {
      // Line folding: a break and the indentation around it became one space
      // (or newlines, for empty lines) in the value.
      while (i < t.size() && is_space(t[i])) ++i;
      while (j < value.size() && (value[j] == ' ' || value[j] == '\n')) ++j;
    } else {
      break;
    }
  }
  if (j == value.size()) return i;
  // Not matched (should not happen): the rest of the line, before a comment.
  std::size_t e = line_end(t, at);
  std::size_t comment = t.substr(at, e - at).find(" #");
  if (comment != npos) e = at + comment;
  while (e > at && is_blank(t[e - 1])) --e;
  return e;
}

std::size_t quoted_end(std::string_view t, std::size_t at) {
  char quote = t[at];
  for (std::size_t i = at + 1; i < t.size(); ++i) {
    if (quote == '"' && t[i] == '\\') {
      ++i;
    } else if (t[i] == quote) {
      if (quote == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
        ++i;  // '' is an escaped quote
      } else {
        return i + 1;
      }
    }
  }
  return npos;
}

std::size_t block_end(std::string_view t, std::size_t at, bool empty) {
  std::size_t header = at + 1;
  while (header < t.size() && (t[header] == '+' || t[header] == '-' || (t[header] >= '0' && t[header] <= '9')))
    ++header;
  if (empty) return header;
  std::size_t last = header;
  std::size_t indent = npos;  // of the first content line; the scalar ends at a less indented line
  std::size_t i = t.find('\n', header);
  while (i != npos && i + 1 <= t.size()) {
    std::size_t begin = i + 1;
    std::size_t end = line_end(t, begin);
    std::size_t k = begin;
    while (k < end && t[k] == ' ') ++k;
    bool blank =
        std::all_of(t.begin() + static_cast<std::ptrdiff_t>(k), t.begin() + static_cast<std::ptrdiff_t>(end), is_blank);
    if (!blank) {
      std::size_t ind = k - begin;
      if (indent == npos) indent = ind;
      if (ind < indent) break;
      std::string_view line = t.substr(begin, end - begin);
      if (ind == 0 && (line.starts_with("---") || line.starts_with("...")) && (line.size() == 3 || is_blank(line[3])))
        break;
      last = end;
    }
    i = t.find('\n', begin);
  }
  return last;
}

std::size_t flow_close(std::string_view t, std::size_t from, char close) {
  std::size_t i = from;
  while (true) {
    i = skip_space(t, i);
    if (i < t.size() && t[i] == ',') {
      ++i;
      continue;
    }
    return i < t.size() && t[i] == close ? i + 1 : npos;
  }
}

std::size_t empty_node(std::string_view t, std::size_t from, std::size_t limit) {
  std::size_t at = from;
  std::size_t i = from;
  while (true) {
    i = skip_space(t, i);
    if (i >= t.size() || i >= limit) break;
    char c = t[i];
    bool indicator = (c == ':' || c == '-' || c == '?') &&
                     (i + 1 == t.size() || is_space(t[i + 1]) || (c == ':' && is_flow_indicator(t[i + 1])));
    if (!indicator) break;
    at = ++i;
  }
  return at;
}

std::size_t alias_end(std::string_view t, std::size_t at) { return name_end(t, at + 1); }

std::size_t null_literal_end(std::string_view t, std::size_t at) {
  for (std::string_view word : {"~", "null", "Null", "NULL"}) {
    if (t.substr(at, word.size()) != word) continue;
    std::size_t e = at + word.size();
    if (e == t.size() || is_space(t[e]) || is_flow_indicator(t[e]) || t[e] == ':' || t[e] == '#') return e;
  }
  return npos;
}

bool followed_by_colon(std::string_view t, std::size_t at) {
  std::size_t i = at;
  while (i < t.size() && is_blank(t[i])) ++i;
  return i < t.size() && t[i] == ':' && (i + 1 == t.size() || is_space(t[i + 1]));
}

}  // namespace kclint::yaml::scan

// Word splitting, quote removal, variable substitution, JSON string arrays
// and heredoc markers for the Dockerfile parser, following Docker's rules.
#include "analyzer/ir/source.h"
#include "parsers/dockerfile/lexer.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace kclint::dockerfile::detail {

namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// `${a:-${b:-...}}` nesting deeper than this is left as written, so a hostile
// line cannot exhaust the stack.
constexpr int kMaxNesting = 32;

class Expander {
 public:
  Expander(std::string_view s, char escape, const Lookup* lookup) : s_(s), esc_(escape), lookup_(lookup) {}

  Expanded run() {
    scan('\0', out_.text);
    return std::move(out_);
  }

 private:
  // Appends the expansion of s_[i_..] to `dst` up to an unquoted `stop`
  // (left unconsumed) or the end.
  void scan(char stop, std::string& dst) {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (stop != '\0' && c == stop) return;
      if (c == '\'') {
        single_quoted(dst);
      } else if (c == '"') {
        double_quoted(dst);
      } else if (c == esc_) {
        if (i_ + 1 < s_.size()) dst += s_[i_ + 1];
        i_ += 2;  // an escape at the very end is dropped
      } else if (c == '$' && lookup_) {
        dollar(dst);
      } else {
        dst += c;
        ++i_;
      }
    }
    if (i_ > s_.size()) i_ = s_.size();
  }

  void unterminated(std::size_t at) {
    if (out_.unterminated_quote == kNpos) out_.unterminated_quote = at;
  }

  void single_quoted(std::string& dst) {
    std::size_t open = i_++;
    while (i_ < s_.size() && s_[i_] != '\'') dst += s_[i_++];
    if (i_ >= s_.size()) return unterminated(open);
    ++i_;
  }

  void double_quoted(std::string& dst) {
    std::size_t open = i_++;
    while (true) {
      if (i_ >= s_.size()) return unterminated(open);
      char c = s_[i_];
      if (c == '"') {
        ++i_;
        return;
      }
      if (c == esc_) {
        if (i_ + 1 >= s_.size()) {
          ++i_;
          continue;
        }
        char next = s_[i_ + 1];
        if (next == '"' || next == '$' || next == esc_) {
          dst += next;
          i_ += 2;
        } else {
          dst += c;  // other escapes stay as written inside double quotes
          ++i_;
        }
        continue;
      }
      if (c == '$' && lookup_) {
        dollar(dst);
        continue;
      }
      dst += c;
      ++i_;
    }
  }

  void keep_as_written(std::size_t from, std::string& dst) {
    dst.append(s_.substr(from, i_ - from));
    out_.unresolved = true;
  }

  void plain(std::string_view name, std::size_t from, std::string& dst) {
    VarResult r = (*lookup_)(name);
    if (r.state == VarState::Value)
      dst.append(r.value);
    else
      keep_as_written(from, dst);
  }

  // s_[i_] is '$'.
  void dollar(std::string& dst) {
    const std::size_t from = i_;
    std::size_t j = i_ + 1;
    if (j < s_.size() && s_[j] == '{' && depth_ < kMaxNesting) {
      std::size_t k = j + 1;
      while (k < s_.size() && is_name_char(s_[k])) ++k;
      std::string_view name = s_.substr(j + 1, k - j - 1);
      if (name.empty() || k >= s_.size()) {  // `${}` or `${name` without '}': literal
        dst += '$';
        ++i_;
        return;
      }
      if (s_[k] == '}') {
        i_ = k + 1;
        return plain(name, from, dst);
      }
      std::string_view op;
      if (s_[k] == ':' && k + 1 < s_.size() && (s_[k + 1] == '-' || s_[k + 1] == '+' || s_[k + 1] == '?'))
        op = s_.substr(k, 2);
      else if (s_[k] == '-' || s_[k] == '+' || s_[k] == '?')
        op = s_.substr(k, 1);
      // The word after the operator (or a pattern operator's operand).
      i_ = k + op.size();
      std::string word;
      const bool saved_unresolved = out_.unresolved;
      out_.unresolved = false;
      ++depth_;
      scan('}', word);
      --depth_;
      const bool word_unresolved = out_.unresolved;
      out_.unresolved = saved_unresolved;
      if (i_ >= s_.size()) {  // no closing brace
        i_ = s_.size();
        return keep_as_written(from, dst);
      }
      ++i_;                                               // '}'
      if (op.empty()) return keep_as_written(from, dst);  // `${x#p}`, `${x/a/b}`, ...: not evaluated
      VarResult r = (*lookup_)(name);
      if (r.state == VarState::Unknown) return keep_as_written(from, dst);
      const bool set = r.state == VarState::Value;
      const bool set_nonempty = set && !r.value.empty();
      const bool colon = op.size() == 2;
      const char kind = op.back();
      auto use_word = [&] {
        dst += word;
        if (word_unresolved) out_.unresolved = true;
      };
      if (kind == '-') {
        if (colon ? set_nonempty : set)
          dst.append(r.value);
        else
          use_word();
      } else if (kind == '+') {
        if (colon ? set_nonempty : set) use_word();
      } else {  // '?': an error at build time when unset
        if (colon ? set_nonempty : set)
          dst.append(r.value);
        else
          keep_as_written(from, dst);
      }
      return;
    }
    if (j < s_.size() && is_name_char(s_[j])) {
      std::size_t k = j;
      if (is_digit(s_[k])) {
        while (k < s_.size() && is_digit(s_[k])) ++k;
      } else {
        while (k < s_.size() && is_name_char(s_[k])) ++k;
      }
      i_ = k;
      return plain(s_.substr(j, k - j), from, dst);
    }
    dst += '$';
    ++i_;
  }

  std::string_view s_;
  char esc_;
  const Lookup* lookup_;
  std::size_t i_ = 0;
  int depth_ = 0;
  Expanded out_;
};

bool json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool hex4(std::string_view s, std::size_t i, std::uint32_t& out) {
  if (i + 4 > s.size()) return false;
  out = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    char c = s[k];
    out <<= 4;
    if (c >= '0' && c <= '9')
      out |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      out |= static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      out |= static_cast<std::uint32_t>(c - 'A' + 10);
    else
      return false;
  }
  return true;
}

// Reads a JSON string starting at s[i] == '"'; i ends after the closing quote.
bool json_string(std::string_view s, std::size_t& i, std::string& out) {
  ++i;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"') {
      ++i;
      return true;
    }
    if (c < 0x20) return false;
    if (c != '\\') {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (i + 1 >= s.size()) return false;
    char e = s[i + 1];
    i += 2;
    switch (e) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        std::uint32_t cp = 0;
        if (!hex4(s, i, cp)) return false;
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          std::uint32_t low = 0;
          if (i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u' && hex4(s, i + 2, low) && low >= 0xDC00 &&
              low <= 0xDFFF) {
            i += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else {
            cp = 0xFFFD;  // a lone surrogate, as Go's decoder does
          }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          cp = 0xFFFD;
        }
        append_utf8(out, cp);
        break;
      }
      default:
        return false;
    }
  }
  return false;
}

}  // namespace

RawWord next_word(std::string_view s, std::size_t begin, std::size_t end, char escape) {
  RawWord w;
  w.begin = begin;
  char quote = 0;
  std::size_t open = kNpos;
  std::size_t i = begin;
  while (i < end) {
    char c = s[i];
    if (quote == 0) {
      if (is_space(c)) break;
      if (c == '\'' || c == '"') {
        quote = c;
        open = i++;
      } else if (c == escape) {
        i += (i + 1 < end) ? 2 : 1;
      } else {
        ++i;
      }
    } else if (c == quote) {
      quote = 0;
      ++i;
    } else if (c == escape && quote != '\'') {
      i += (i + 1 < end) ? 2 : 1;
    } else {
      ++i;
    }
  }
  w.end = i;
  if (quote != 0) w.unterminated_quote = open;
  return w;
}

std::vector<RawWord> split_words(std::string_view s, std::size_t begin, std::size_t end, char escape) {
  std::vector<RawWord> words;
  end = std::min(end, s.size());
  std::size_t i = begin;
  while (i < end) {
    while (i < end && is_space(s[i])) ++i;
    if (i >= end) break;
    words.push_back(next_word(s, i, end, escape));
    i = words.back().end;
  }
  return words;
}

Expanded expand(std::string_view word, char escape, const Lookup* lookup) {
  return Expander(word, escape, lookup).run();
}

JsonForm parse_json_array(std::string_view s, std::vector<JsonElement>& out) {
  out.clear();
  std::size_t i = 0;
  auto skip = [&] {
    while (i < s.size() && json_space(s[i])) ++i;
  };
  auto fail = [&] {
    out.clear();
    // Valid JSON that is not an array of strings is an error in Docker;
    // anything else is simply shell form.
    bool valid = nlohmann::json::accept(s.begin(), s.end());
    return valid ? JsonForm::NotStringArray : JsonForm::NotJson;
  };
  skip();
  if (i >= s.size() || s[i] != '[') return JsonForm::NotJson;
  ++i;
  skip();
  if (i < s.size() && s[i] == ']') {
    ++i;
  } else {
    while (true) {
      skip();
      if (i >= s.size() || s[i] != '"') return fail();
      JsonElement e;
      e.begin = i;
      if (!json_string(s, i, e.text)) return fail();
      e.end = i;
      out.push_back(std::move(e));
      skip();
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < s.size() && s[i] == ']') {
        ++i;
        break;
      }
      return fail();
    }
  }
  skip();
  if (i != s.size()) return fail();
  return JsonForm::StringArray;
}

std::vector<HeredocMarker> find_heredocs(std::string_view line) {
  std::vector<HeredocMarker> found;
  // Docker finds heredocs with a fixed '\' escape whatever the directive says.
  for (const RawWord& w : split_words(line, 0, line.size(), '\\')) {
    std::string_view t = line.substr(w.begin, w.end - w.begin);
    std::size_t k = 0;
    while (k < t.size() && is_digit(t[k])) ++k;  // an fd prefix: `3<<EOF`
    if (t.substr(k, 2) != "<<") continue;
    k += 2;
    bool strip = k < t.size() && t[k] == '-';
    if (strip) ++k;
    std::string_view rest = t.substr(k);
    if (rest.empty() || rest.find('<') != std::string_view::npos) continue;
    Expanded name = expand(rest, '\\', nullptr);
    if (name.text.empty()) continue;
    HeredocMarker m;
    m.begin = w.begin;
    m.end = w.end;
    m.name = std::move(name.text);
    m.strip_tabs = strip;
    m.quoted = m.name != rest;  // quotes or escapes in the delimiter
    found.push_back(std::move(m));
  }
  return found;
}

}  // namespace kclint::dockerfile::detail

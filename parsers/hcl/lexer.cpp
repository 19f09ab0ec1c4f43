// HCL2 tokenizer. A stack of modes tracks where we are: expression text,
// a quoted template, a heredoc, or an interpolation inside one of those
// (where a "}" at brace depth 0 ends the interpolation).
#include "parsers/hcl/lexer.h"

#include <fmt/format.h>

namespace kclint::hcl {

bool is_unicode_space(char32_t c) {
  switch (c) {
    case U'\t':
    case U'\n':
    case U'\v':
    case U'\f':
    case U'\r':
    case U' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

char32_t decode_utf8(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return c < 0x80 ? c : 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += len;
  return cp;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Identifiers are Unicode ID_Start ID_Continue* plus '-'. Rather than carry
// the Unicode tables, a non-ASCII character counts as a letter unless it is
// a space, punctuation or symbol from the blocks where stray characters
// come from (no-break spaces, smart quotes, arrows, the BOM).
bool is_non_ascii_letter(char32_t c) {
  if (is_unicode_space(c)) return false;
  if (c >= 0xA0 && c <= 0xBF) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  return c != 0xFEFF && c != 0xFFFD;
}

// Byte length of the identifier character at s[i], or 0 if there is none.
inline std::size_t ident_char(std::string_view s, std::size_t i, bool first) {
  if (i >= s.size()) return 0;
  char c = s[i];
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') return 1;
  if (!first && (is_digit(c) || c == '-')) return 1;
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  std::size_t k = i;
  return is_non_ascii_letter(decode_utf8(s, k)) ? k - i : 0;
}

class Lexer {
 public:
  Lexer(std::string_view text, std::function<std::string(std::size_t)> where) : s_(text), where_(std::move(where)) {}

  // Tokens from `begin` to the end of the text, starting in `mode`.
  LexResult run(std::size_t begin = 0, bool bare_template = false) {
    out_.tokens.reserve((s_.size() - begin) / 3 + 8);
    pos_ = begin;
    frames_.push_back(Frame{bare_template ? Mode::BareTemplate : Mode::Expr, begin, begin});
    while (!out_.error) {
      if (pos_ >= s_.size()) {
        at_eof();
        break;
      }
      switch (frames_.back().mode) {
        case Mode::Expr:
        case Mode::Interp:
          lex_expr();
          break;
        case Mode::Quoted:
          lex_quoted();
          break;
        case Mode::Heredoc:
          lex_heredoc();
          break;
        case Mode::BareTemplate:
          lex_bare_template();
          break;
      }
    }
    if (out_.error) emit(Tok::Invalid, pos_, pos_);
    emit(Tok::Eof, s_.size(), s_.size());
    return std::move(out_);
  }

 private:
  enum class Mode : std::uint8_t { Expr, Interp, Quoted, Heredoc, BareTemplate };
  struct Frame {
    Frame(Mode m, std::size_t b, std::size_t e) : mode(m), open_begin(b), open_end(e) {}
    Mode mode;
    std::size_t open_begin, open_end;  // the opening marker, for messages
    std::uint32_t depth = 0;           // Interp: open "{" inside it
    std::string_view marker;           // Heredoc
    bool line_start = false;           // Heredoc: at the start of a content line
  };

  char at(std::size_t i) const { return i < s_.size() ? s_[i] : '\0'; }

  void emit(Tok type, std::size_t begin, std::size_t end) {
    out_.tokens.push_back(Token{type, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
  }

  std::string where(std::size_t offset) const { return where_(offset); }

  void fail(std::size_t begin, std::size_t end, std::string message) {
    out_.error = LexError{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), std::move(message)};
  }

  std::string opener_text(const Frame& f) const {
    return std::string(s_.substr(f.open_begin, f.open_end - f.open_begin));
  }

  void at_eof() {
    const Frame& f = frames_.back();
    switch (f.mode) {
      case Mode::Expr:
      case Mode::BareTemplate:
        return;
      case Mode::Interp:
        return fail(f.open_begin, f.open_end,
                    fmt::format("unterminated template sequence: \"{}\" at {} has no matching \"}}\"", opener_text(f),
                                where(f.open_begin)));
      case Mode::Quoted:
        return unterminated_string(f);
      case Mode::Heredoc:
        return fail(f.open_begin, f.open_end,
                    fmt::format("unterminated heredoc: \"{}\" at {} has no closing \"{}\" line", opener_text(f),
                                where(f.open_begin), f.marker));
    }
  }

  void unterminated_string(const Frame& f) {
    fail(f.open_begin, f.open_end,
         fmt::format("unterminated string: the quote at {} has no closing quote before the end of the line",
                     where(f.open_begin)));
  }

  // ${ or %{ (optionally with ~) inside a template: switch to expression mode.
  void open_sequence(std::size_t i) {
    std::size_t len = at(i + 2) == '~' ? 3 : 2;
    emit(s_[i] == '$' ? Tok::TemplateInterp : Tok::TemplateControl, i, i + len);
    frames_.push_back(Frame{Mode::Interp, i, i + len});
    pos_ = i + len;
  }

  void lex_expr() {
    std::size_t p = pos_;
    char c = s_[p];
    auto single = [&](Tok t, std::size_t len = 1) {
      emit(t, p, p + len);
      pos_ = p + len;
    };
    switch (c) {
      case ' ':
      case '\t':
        while (at(pos_) == ' ' || at(pos_) == '\t') ++pos_;
        return;
      case '\r':
        if (at(p + 1) == '\n') return single(Tok::Newline, 2);
        ++pos_;  // a stray carriage return is whitespace
        return;
      case '\n':
        return single(Tok::Newline);
      case '#':
        return line_comment(CommentStyle::Hash);
      case '/':
        if (at(p + 1) == '/') return line_comment(CommentStyle::DoubleSlash);
        if (at(p + 1) == '*') return block_comment();
        return single(Tok::Slash);
      case '"':
        single(Tok::OQuote);
        frames_.push_back(Frame{Mode::Quoted, p, p + 1});
        return;
      case '{':
        if (frames_.back().mode == Mode::Interp) ++frames_.back().depth;
        return single(Tok::OBrace);
      case '}': {
        Frame& f = frames_.back();
        if (f.mode == Mode::Interp) {
          if (f.depth == 0) {
            single(Tok::TemplateSeqEnd);
            frames_.pop_back();
            return;
          }
          --f.depth;
        }
        return single(Tok::CBrace);
      }
      case '~':
        if (at(p + 1) == '}' && frames_.back().mode == Mode::Interp && frames_.back().depth == 0) {
          single(Tok::TemplateSeqEnd, 2);
          frames_.pop_back();
          return;
        }
        return invalid_char();
      case '[':
        return single(Tok::OBrack);
      case ']':
        return single(Tok::CBrack);
      case '(':
        return single(Tok::OParen);
      case ')':
        return single(Tok::CParen);
      case ',':
        return single(Tok::Comma);
      case '?':
        return single(Tok::Question);
      case '+':
        return single(Tok::Plus);
      case '-':
        return single(Tok::Minus);
      case '*':
        return single(Tok::Star);
      case '%':
        return single(Tok::Percent);
      case '.':
        if (at(p + 1) == '.' && at(p + 2) == '.') return single(Tok::Ellipsis, 3);
        return single(Tok::Dot);
      case ':':
        if (at(p + 1) == ':') return single(Tok::DoubleColon, 2);
        return single(Tok::Colon);
      case '=':
        if (at(p + 1) == '>') return single(Tok::FatArrow, 2);
        if (at(p + 1) == '=') return single(Tok::EqualOp, 2);
        return single(Tok::Equal);
      case '!':
        if (at(p + 1) == '=') return single(Tok::NotEqual, 2);
        return single(Tok::Bang);
      case '<':
        if (at(p + 1) == '<') return heredoc_open();
        if (at(p + 1) == '=') return single(Tok::LessEqual, 2);
        return single(Tok::Less);
      case '>':
        if (at(p + 1) == '=') return single(Tok::GreaterEqual, 2);
        return single(Tok::Greater);
      case '&':
        if (at(p + 1) == '&') return single(Tok::And, 2);
        return fail(p, p + 1, "invalid character \"&\"; the logical AND operator is \"&&\"");
      case '|':
        if (at(p + 1) == '|') return single(Tok::Or, 2);
        return fail(p, p + 1, "invalid character \"|\"; the logical OR operator is \"||\"");
      case '$':
        if (at(p + 1) == '{') return fail(p, p + 2, "\"${\" is only allowed inside a quoted string or a heredoc");
        return invalid_char();
      default:
        break;
    }
    if (is_digit(c)) return number();
    if (std::size_t len = ident_char(s_, p, true)) {
      std::size_t e = p + len;
      while (std::size_t more = ident_char(s_, e, false)) e += more;
      return single(Tok::Ident, e - p);
    }
    invalid_char();
  }

  void invalid_char() {
    std::size_t i = pos_;
    char32_t cp = decode_utf8(s_, i);
    if (cp >= 0x20 && cp < 0x7F)
      fail(pos_, i, fmt::format("invalid character \"{}\"", static_cast<char>(cp)));
    else
      fail(pos_, i, fmt::format("invalid character U+{:04X}", static_cast<std::uint32_t>(cp)));
  }

  void number() {
    std::size_t e = pos_;
    while (is_digit(at(e))) ++e;
    if (at(e) == '.' && is_digit(at(e + 1))) {
      ++e;
      while (is_digit(at(e))) ++e;
    }
    if (at(e) == 'e' || at(e) == 'E') {
      std::size_t k = e + 1;
      if (at(k) == '+' || at(k) == '-') ++k;
      if (is_digit(at(k))) {
        e = k;
        while (is_digit(at(e))) ++e;
      }
    }
    emit(Tok::Number, pos_, e);
    pos_ = e;
  }

  void line_comment(CommentStyle style) {
    std::size_t e = s_.find('\n', pos_);
    if (e == std::string_view::npos) e = s_.size();
    std::size_t text_end = e;
    if (text_end > pos_ && s_[text_end - 1] == '\r') --text_end;
    add_comment(style, pos_, text_end);
    pos_ = text_end;  // the newline stays: it ends the attribute
  }

  void block_comment() {
    std::size_t e = s_.find("*/", pos_ + 2);
    if (e == std::string_view::npos)
      return fail(pos_, pos_ + 2,
                  fmt::format("unterminated comment: \"/*\" at {} has no matching \"*/\"", where(pos_)));
    add_comment(CommentStyle::Block, pos_, e + 2);
    pos_ = e + 2;
  }

  void add_comment(CommentStyle style, std::size_t b, std::size_t e) {
    Comment c;
    c.text = s_.substr(b, e - b);
    c.style = style;
    c.range = ByteRange{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
    out_.comments.push_back(c);
  }

  // <<EOT or <<-EOT, immediately followed by a line ending.
  void heredoc_open() {
    std::size_t p = pos_;
    std::size_t i = p + 2;
    if (at(i) == '-') ++i;
    std::size_t name = i;
    if (std::size_t len = ident_char(s_, i, true)) {
      i += len;
      while (std::size_t more = ident_char(s_, i, false)) i += more;
    }
    std::size_t nl = at(i) == '\n' ? 1 : (at(i) == '\r' && at(i + 1) == '\n') ? 2 : 0;
    if (i == name || nl == 0)
      return fail(p, i == name ? p + 2 : i,
                  "invalid heredoc: \"<<\" must be followed by a delimiter name and a line break, as in <<EOT");
    emit(Tok::OHeredoc, p, i);
    Frame f{Mode::Heredoc, p, i};
    f.marker = s_.substr(name, i - name);
    f.line_start = true;
    frames_.push_back(f);
    pos_ = i + nl;
  }

  void lex_quoted() {
    std::size_t start = pos_;
    std::size_t i = pos_;
    std::size_t n = s_.size();
    while (i < n) {
      char c = s_[i];
      if (c == '"' || c == '\n' || (c == '\r' && at(i + 1) == '\n')) break;
      if (c == '\\') {
        i += (i + 1 < n && s_[i + 1] != '\n') ? 2 : 1;
        continue;
      }
      if ((c == '$' || c == '%') && at(i + 1) == '{') break;
      if ((c == '$' || c == '%') && at(i + 1) == c && at(i + 2) == '{') {
        i += 3;  // $${ and %%{ are escapes for a literal ${ and %{
        continue;
      }
      ++i;
    }
    if (i > start) emit(Tok::QuotedLit, start, i);
    pos_ = i;
    if (i >= n || s_[i] != '"') {
      if (i < n && (s_[i] == '$' || s_[i] == '%')) return open_sequence(i);
      return unterminated_string(frames_.back());
    }
    emit(Tok::CQuote, i, i + 1);
    pos_ = i + 1;
    frames_.pop_back();
  }

  void lex_heredoc() {
    Frame& f = frames_.back();
    std::size_t n = s_.size();
    if (f.line_start) {
      std::size_t i = pos_;
      while (i < n && (s_[i] == ' ' || s_[i] == '\t')) ++i;
      if (s_.compare(i, f.marker.size(), f.marker) == 0) {
        std::size_t j = i + f.marker.size();
        if (j == n || s_[j] == '\n' || (s_[j] == '\r' && at(j + 1) == '\n')) {
          emit(Tok::CHeredoc, pos_, j);
          pos_ = j;  // the line ending is a Newline token of the enclosing body
          frames_.pop_back();
          return;
        }
      }
      f.line_start = false;
    }
    std::size_t start = pos_;
    std::size_t i = pos_;
    while (i < n) {
      char c = s_[i];
      if (c == '\n') {
        ++i;
        f.line_start = true;
        break;
      }
      if ((c == '$' || c == '%') && at(i + 1) == '{') break;
      if ((c == '$' || c == '%') && at(i + 1) == c && at(i + 2) == '{') {
        i += 3;
        continue;
      }
      ++i;
    }
    if (i > start) emit(Tok::StringLit, start, i);
    pos_ = i;
    if (!f.line_start && i < n) open_sequence(i);
  }

  // A template with no delimiters (a JSON string's value): literal text up to
  // the next ${ or %{, until the end of the fragment.
  void lex_bare_template() {
    std::size_t start = pos_;
    std::size_t i = pos_;
    std::size_t n = s_.size();
    while (i < n) {
      char c = s_[i];
      if ((c == '$' || c == '%') && at(i + 1) == '{') break;
      if ((c == '$' || c == '%') && at(i + 1) == c && at(i + 2) == '{') {
        i += 3;
        continue;
      }
      ++i;
    }
    if (i > start) emit(Tok::StringLit, start, i);
    pos_ = i;
    if (i < n) open_sequence(i);
  }

  std::string_view s_;
  std::function<std::string(std::size_t)> where_;
  std::size_t pos_ = 0;
  std::vector<Frame> frames_;
  LexResult out_;
};

}  // namespace

LexResult lex(std::string_view text, const LineIndex& lines) {
  return Lexer(text, [&lines](std::size_t offset) {
           LineIndex::Pos p = lines.position(offset);
           return fmt::format("{}:{}", p.line, p.column);
         }).run();
}

LexResult lex_fragment(std::string_view text, std::uint32_t begin, std::uint32_t end, FragmentKind kind,
                       std::function<std::string(std::size_t)> where) {
  return Lexer(text.substr(0, end), std::move(where)).run(begin, kind == FragmentKind::Template);
}

}  // namespace kclint::hcl

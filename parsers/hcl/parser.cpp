// Recursive-descent parser for HCL2 native syntax, following hclsyntax's
// grammar: newline-sensitive bodies and object constructors, newline-blind
// brackets, parentheses and interpolations.
#include "analyzer/ir/source.h"
#include "parsers/hcl/parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <string>

#include "parsers/hcl/lexer.h"

namespace kclint::hcl {
namespace {

// Thrown after the first diagnostic is recorded; caught in parse(), so it
// never leaves this file.
struct Abort {};

bool is_literal_key(const Expr* e) {
  if (e->kind() == ExprKind::Literal) return true;
  const Template* t = e->as<Template>();
  return t && !t->heredoc && !t->passthrough &&
         (t->parts.empty() || (t->parts.size() == 1 && t->parts[0]->kind() == ExprKind::Literal));
}

std::string_view trim_left_space(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t next = i;
    if (!is_unicode_space(decode_utf8(s, next))) break;
    i = next;
  }
  return s.substr(i);
}

std::string_view trim_right_space(std::string_view s) {
  std::size_t keep = 0;
  for (std::size_t i = 0; i < s.size();) {
    bool space = is_unicode_space(decode_utf8(s, i));
    if (!space) keep = i;
  }
  return s.substr(0, keep);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Offset → Span. LineIndex rescans the line for every lookup, which is
// quadratic on long generated lines; here the line comes from a cache of
// the last line (nodes are mostly created in source order) or a binary
// search, and the column from the UTF-8 continuation bytes listed per line.
class Locator {
 public:
  // Offsets inside `copies` (decoded copies of escaped strings appended to the
  // text) are located where their bytes came from.
  Locator(FileId file, std::string_view text, std::span<const TextCopy> copies = {}) : file_(file), copies_(copies) {
    starts_.push_back(0);
    line_continuations_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      // Eight bytes at a time while they hold no newline and no non-ASCII byte.
      constexpr std::uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
      for (std::uint64_t w; i + 8 <= text.size(); i += 8) {
        std::memcpy(&w, text.data() + i, 8);
        std::uint64_t nl = w ^ (kOnes * '\n');
        if ((w & kHigh) != 0 || ((nl - kOnes) & ~nl & kHigh) != 0) break;
      }
      if (i == text.size()) break;
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == '\n') {
        starts_.push_back(static_cast<std::uint32_t>(i + 1));
        line_continuations_.push_back(static_cast<std::uint32_t>(continuations_.size()));
      } else if ((c & 0xC0) == 0x80) {
        continuations_.push_back(static_cast<std::uint32_t>(i));
      }
    }
    line_continuations_.push_back(static_cast<std::uint32_t>(continuations_.size()));
  }

  Span span(std::uint32_t begin, std::uint32_t end) const {
    if (!copies_.empty() && end >= copies_.front().begin) {
      begin = original(begin);
      end = original(end);
    }
    std::size_t line = find_line(begin, last_line_);
    LineIndex::Pos a = position(begin, line);
    // The end is usually on the same line or a few lines below.
    end = std::max(begin, end);
    std::size_t end_line = line;
    for (int k = 0; k < 8 && end_line + 1 < starts_.size() && end >= starts_[end_line + 1]; ++k) ++end_line;
    end_line = find_line(end, end_line);
    LineIndex::Pos b = position(end, end_line);
    last_line_ = end_line;
    return Span{file_, a.line, a.column, b.line, b.column};
  }

  // "line:col" of an offset, for messages.
  std::string where(std::uint32_t offset) const {
    Span s = span(offset, offset);
    return fmt::format("{}:{}", s.line, s.column);
  }

 private:
  std::uint32_t original(std::uint32_t offset) const {
    if (copies_.empty() || offset < copies_.front().begin) return offset;
    auto it = std::upper_bound(copies_.begin(), copies_.end(), offset,
                               [](std::uint32_t o, const TextCopy& c) { return o < c.begin; });
    const TextCopy& c = *(it - 1);
    std::size_t i = offset - c.begin;
    if (c.original.empty()) return offset;
    return i < c.original.size() ? c.original[i] : c.original.back();
  }

  std::size_t find_line(std::uint32_t offset, std::size_t guess) const {
    if (offset >= starts_[guess] && (guess + 1 == starts_.size() || offset < starts_[guess + 1])) return guess;
    return static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin()) - 1;
  }

  LineIndex::Pos position(std::uint32_t offset, std::size_t line) const {
    std::uint32_t column = offset - starts_[line] + 1;
    auto from = continuations_.begin() + line_continuations_[line];
    auto to = continuations_.begin() + line_continuations_[line + 1];
    if (from != to) column -= static_cast<std::uint32_t>(std::lower_bound(from, to, offset) - from);
    return {static_cast<std::uint32_t>(line + 1), column};
  }

  FileId file_;
  std::span<const TextCopy> copies_;
  std::vector<std::uint32_t> starts_;
  std::vector<std::uint32_t> continuations_;
  std::vector<std::uint32_t> line_continuations_;  // per line: index of its first continuation byte
  mutable std::size_t last_line_ = 0;
};

// One piece of a template before directives are matched up: hclsyntax
// applies strip markers and heredoc flushing at this level.
struct RawPart {
  enum class Kind : std::uint8_t { Literal, Interp, If, Else, EndIf, For, EndFor };
  Kind kind = Kind::Literal;
  std::uint32_t begin = 0, end = 0;
  std::string_view text;        // Literal: decoded value
  const Expr* expr = nullptr;   // Interp; If: condition; For: collection
  std::string_view key, value;  // For
  Span key_span, value_span;    // For
};

class Parser {
 public:
  Parser(File& file, const Locator& locator, const std::vector<Token>& tokens, const std::optional<LexError>& lex_error,
         Diagnostics& diags, ParseMode mode)
      : file_(file),
        text_(file.text),
        locator_(locator),
        toks_(tokens),
        lex_error_(lex_error),
        diags_(diags),
        mode_(mode) {
    nl_stack_.reserve(64);
    nl_stack_.push_back(true);
  }

  void parse_file() {
    Token close;
    file_.body = parse_body(nullptr, close);
  }

  // The whole token stream as a template without delimiters; the node spans `whole`.
  const Expr* parse_bare_template(ByteRange whole) {
    DepthGuard guard(*this);
    Token close;
    Template tpl;
    tpl.parts = template_parts(Tok::Eof, false, close, tpl.passthrough);
    Expr* n = node(tpl, whole.begin, whole.end);
    // "${x}" stands for x: its source text (the range) is x's, its span the whole string.
    if (tpl.passthrough) n->range = tpl.parts[0]->range;
    return n;
  }

  // The whole token stream as one expression.
  const Expr* parse_lone_expression() {
    NewlineMode nl(*this, false);
    const Expr* e = parse_expression();
    const Token& t = peek();
    if (t.type != Tok::Eof) expected(t, "the end of the expression");
    return e;
  }

 private:
  // ---- errors -------------------------------------------------------------

  [[noreturn]] void error(std::uint32_t begin, std::uint32_t end, std::string message) {
    diags_.push_back(Diagnostic{span(begin, end), std::move(message)});
    throw Abort{};
  }
  [[noreturn]] void error(const Token& t, std::string message) {
    if (t.type == Tok::Invalid) lex_failure();
    error(t.begin, t.end, std::move(message));
  }
  [[noreturn]] void lex_failure() {
    if (lex_error_) error(lex_error_->begin, lex_error_->end, lex_error_->message);
    error(0, 0, "invalid token");
  }

  std::string where(std::uint32_t offset) const { return locator_.where(offset); }

  std::string describe(const Token& t) const {
    switch (t.type) {
      case Tok::Eof:
        return "the end of the file";
      case Tok::Newline:
        return "a line break";
      case Tok::OQuote:
        return "a string";
      case Tok::OHeredoc:
        return "a heredoc";
      default:
        break;
    }
    std::string_view s = text(t);
    if (s.size() > 30) return fmt::format("\"{}...\"", s.substr(0, 30));
    return fmt::format("\"{}\"", s);
  }

  // "unclosed X: "(" at 3:18 has no matching ")"" when the file ended inside
  // a bracket; otherwise "expected ..., found ...".
  [[noreturn]] void expected(const Token& found, std::string_view what, const Token* open = nullptr,
                             std::string_view construct = {}, std::string_view closer = {}) {
    if (found.type == Tok::Invalid) lex_failure();
    if (found.type == Tok::Eof && open)
      error(open->begin, open->end,
            fmt::format("unclosed {}: \"{}\" at {} has no matching \"{}\"", construct, text(*open), where(open->begin),
                        closer));
    error(found, fmt::format("expected {}, found {}", what, describe(found)));
  }

  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) {
      if (++p.depth_ > kMaxNesting) {
        const Token& t = p.peek();
        p.error(t.begin, t.end, fmt::format("nesting too deep: more than {} levels", kMaxNesting));
      }
    }
    ~DepthGuard() { --p.depth_; }
  };

  // ---- tokens -------------------------------------------------------------

  // Whether line breaks are tokens here (bodies, object constructors) or
  // whitespace (brackets, parentheses, interpolations).
  struct NewlineMode {
    Parser& p;
    NewlineMode(Parser& parser, bool include) : p(parser) { p.nl_stack_.push_back(include); }
    ~NewlineMode() { p.nl_stack_.pop_back(); }
  };

  std::size_t skip(std::size_t i) const {
    if (!nl_stack_.back())
      while (toks_[i].type == Tok::Newline) ++i;
    return i;
  }
  const Token& peek() const { return toks_[skip(pos_)]; }
  const Token& peek2() const {
    std::size_t i = skip(pos_);
    if (toks_[i].type == Tok::Eof) return toks_[i];
    return toks_[skip(i + 1)];
  }
  const Token& next() {
    std::size_t i = skip(pos_);
    pos_ = toks_[i].type == Tok::Eof ? i : i + 1;
    return toks_[i];
  }

  std::string_view text(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }
  bool is_keyword(const Token& t, std::string_view kw) const { return t.type == Tok::Ident && text(t) == kw; }
  Span span(std::uint32_t b, std::uint32_t e) const { return locator_.span(b, e); }
  Span span(const Token& t) const { return span(t.begin, t.end); }

  template <class T>
  Expr* node(T payload, std::uint32_t b, std::uint32_t e) {
    Expr* n = file_.arena.make<Expr>(Expr{ExprNode(std::move(payload)), span(b, e), ByteRange{b, e}});
    for_each_child(*n, [n](const Expr& c) { n->height = std::max(n->height, c.height + 1); });
    if (n->height > kMaxExprHeight) {
      const Token& t = peek();
      error(t.begin, t.end,
            fmt::format("expression nested too deep: more than {} levels of operators, calls, "
                        "indexes and constructors",
                        kMaxExprHeight));
    }
    return n;
  }

  template <class T>
  std::span<const T> commit(std::vector<T>& stack, std::size_t mark) {
    auto out = file_.arena.copy(std::span<const T>(stack.data() + mark, stack.size() - mark));
    stack.resize(mark);
    return out;
  }

  // ---- bodies -------------------------------------------------------------

  // Parses attributes and blocks up to the "}" matching `open` (or the end
  // of the file when `open` is null); `close` receives that "}".
  Body parse_body(const Token* open, Token& close) {
    DepthGuard guard(*this);
    NewlineMode nl(*this, true);
    std::size_t attr_mark = attrs_.size();
    std::size_t block_mark = blocks_.size();
    std::uint32_t begin = open ? open->end : 0;
    std::uint32_t end = static_cast<std::uint32_t>(text_.size());
    for (;;) {
      const Token& t = next();
      if (t.type == Tok::Newline) continue;
      if (t.type == Tok::Eof) {
        if (open)
          error(open->begin, open->end,
                fmt::format("unclosed block: \"{{\" at {} has no matching \"}}\"", where(open->begin)));
        break;
      }
      if (t.type == Tok::CBrace) {
        if (!open) error(t, "unexpected \"}\": there is no open block to close");
        close = t;
        end = t.begin;
        break;
      }
      if (t.type != Tok::Ident) {
        if (t.type == Tok::Invalid) lex_failure();
        error(t, fmt::format("expected an attribute or a block, found {}", describe(t)));
      }
      parse_item(t, false);
    }
    check_duplicates(attr_mark);
    Body body;
    body.attributes = commit(attrs_, attr_mark);
    body.blocks = commit(blocks_, block_mark);
    body.range = ByteRange{begin, end};
    body.span = span(begin, end);
    return body;
  }

  void parse_item(const Token& name, bool single_line) {
    const Token& t = peek();
    if (t.type == Tok::Equal) {
      next();
      parse_attribute(name, single_line);
      return;
    }
    if (t.type == Tok::OQuote || t.type == Tok::Ident || t.type == Tok::OBrace) {
      if (single_line)
        error(t, "a single-line block can hold only one attribute; put the nested block on its own lines");
      if (mode_ == ParseMode::Tfvars)
        error(name, fmt::format("blocks are not allowed in a variable definitions (.tfvars) file; "
                                "\"{}\" starts a block",
                                text(name)));
      parse_block(name);
      return;
    }
    if (t.type == Tok::Invalid) lex_failure();
    error(t, fmt::format("expected \"=\" or a block after \"{}\", found {}", text(name), describe(t)));
  }

  void parse_attribute(const Token& name, bool single_line) {
    const Expr* value = parse_expression();
    const Token& end = peek();
    bool ok = end.type == Tok::Newline || end.type == Tok::Eof || (single_line && end.type == Tok::CBrace);
    if (!ok) {
      if (end.type == Tok::Invalid) lex_failure();
      if (end.type == Tok::Comma)
        error(end, fmt::format("unexpected \",\" after the value of \"{}\": attributes are separated by line "
                               "breaks, not commas",
                               text(name)));
      error(end, fmt::format("expected a line break after the value of \"{}\", found {}", text(name), describe(end)));
    }
    Attribute a;
    a.name = text(name);
    a.name_span = span(name);
    a.expr = value;
    a.range = ByteRange{name.begin, value->range.end};
    a.span = span(name.begin, value->range.end);
    attrs_.push_back(a);
  }

  // An attribute defined twice in one body is an error, reported at the
  // earliest redefinition. Sorting keeps huge bodies (generated tfvars) fast.
  void check_duplicates(std::size_t attr_mark) {
    if (attrs_.size() - attr_mark < 2) return;
    names_.clear();
    for (std::size_t i = attr_mark; i < attrs_.size(); ++i) names_.push_back(&attrs_[i]);
    std::sort(names_.begin(), names_.end(), [](const Attribute* a, const Attribute* b) {
      return a->name != b->name ? a->name < b->name : a->range.begin < b->range.begin;
    });
    const Attribute* first = nullptr;
    const Attribute* again = nullptr;
    for (std::size_t i = 1; i < names_.size(); ++i) {
      if (names_[i]->name != names_[i - 1]->name) continue;
      std::size_t k = i - 1;
      while (k > 0 && names_[k - 1]->name == names_[i]->name) --k;
      if (!again || names_[i]->range.begin < again->range.begin) {
        again = names_[i];
        first = names_[k];
      }
    }
    if (again)
      error(again->range.begin, again->range.begin + static_cast<std::uint32_t>(again->name.size()),
            fmt::format("attribute \"{}\" is defined twice; the first definition is at {}", again->name,
                        where(first->range.begin)));
  }

  void parse_block(const Token& type) {
    std::size_t label_mark = labels_.size();
    for (;;) {
      const Token& t = peek();
      if (t.type == Tok::OBrace) break;
      if (t.type == Tok::Ident) {
        next();
        labels_.push_back(Label{text(t), span(t), ByteRange{t.begin, t.end}, false});
      } else if (t.type == Tok::OQuote) {
        labels_.push_back(parse_quoted_label());
      } else {
        expected(t, fmt::format("a block label or \"{{\" after \"{}\"", text(type)));
      }
    }
    const Token& open = next();
    Block b;
    b.type = text(type);
    b.type_span = span(type);
    b.open_brace = span(open);
    Token close;
    const Token& first = peek();
    if (first.type == Tok::Newline || first.type == Tok::Eof || first.type == Tok::CBrace) {
      b.body = parse_body(&open, close);
    } else {
      b.body = parse_single_line_body(open, close);
    }
    b.labels = commit(labels_, label_mark);
    b.close_brace = span(close);
    b.range = ByteRange{type.begin, close.end};
    b.span = span(type.begin, close.end);
    const Token& after = peek();
    if (after.type != Tok::Newline && after.type != Tok::Eof) {
      if (after.type == Tok::Invalid) lex_failure();
      error(after, fmt::format("expected a line break after the closing \"}}\" of block \"{}\", found {}", b.type,
                               describe(after)));
    }
    blocks_.push_back(b);
  }

  // `name { attr = value }` on one line.
  Body parse_single_line_body(const Token& open, Token& close) {
    DepthGuard guard(*this);
    NewlineMode nl(*this, true);
    std::size_t attr_mark = attrs_.size();
    std::size_t block_mark = blocks_.size();
    const Token& name = peek();
    if (name.type != Tok::Ident) expected(name, "an attribute name or a line break after \"{\"");
    next();
    parse_item(name, true);
    const Token& t = peek();
    if (t.type != Tok::CBrace) expected(t, "\"}\" to end the single-line block", &open, "block", "}");
    close = next();
    Body body;
    body.attributes = commit(attrs_, attr_mark);
    body.blocks = commit(blocks_, block_mark);
    body.range = ByteRange{open.end, close.begin};
    body.span = span(open.end, close.begin);
    return body;
  }

  // A label is a quoted string without interpolations, so the lexer gives
  // at most one literal chunk between the quotes.
  Label parse_quoted_label() {
    const Token& open = next();
    std::string_view value;
    const Token* t = &next();
    if (t->type == Tok::QuotedLit) {
      value = decode_literal(*t, true);
      t = &next();
    }
    if (t->type == Tok::CQuote) {
      Label l;
      l.value = value;
      l.range = ByteRange{open.begin, t->end};
      l.span = span(open.begin, t->end);
      l.quoted = true;
      return l;
    }
    if (t->type == Tok::TemplateInterp || t->type == Tok::TemplateControl)
      error(*t, "template sequences (\"${...}\", \"%{...}\") are not allowed in block labels");
    if (t->type == Tok::Invalid) lex_failure();
    error(*t, fmt::format("unexpected {} in a block label", describe(*t)));
  }

  // ---- expressions --------------------------------------------------------

  const Expr* parse_expression() {
    DepthGuard guard(*this);
    Expr* cond = parse_binary(0);
    if (peek().type != Tok::Question) return cond;
    next();
    const Expr* yes = parse_expression();
    const Token& colon = peek();
    if (colon.type != Tok::Colon) expected(colon, "\":\" and the false result of the conditional expression");
    next();
    const Expr* no = parse_expression();
    return node(Conditional{cond, yes, no}, cond->range.begin, no->range.end);
  }

  static int precedence(Tok t, BinaryOp& op) {
    switch (t) {
      case Tok::Or:
        op = BinaryOp::Or;
        return 0;
      case Tok::And:
        op = BinaryOp::And;
        return 1;
      case Tok::EqualOp:
        op = BinaryOp::Equal;
        return 2;
      case Tok::NotEqual:
        op = BinaryOp::NotEqual;
        return 2;
      case Tok::Less:
        op = BinaryOp::Less;
        return 3;
      case Tok::Greater:
        op = BinaryOp::Greater;
        return 3;
      case Tok::LessEqual:
        op = BinaryOp::LessEqual;
        return 3;
      case Tok::GreaterEqual:
        op = BinaryOp::GreaterEqual;
        return 3;
      case Tok::Plus:
        op = BinaryOp::Add;
        return 4;
      case Tok::Minus:
        op = BinaryOp::Subtract;
        return 4;
      case Tok::Star:
        op = BinaryOp::Multiply;
        return 5;
      case Tok::Slash:
        op = BinaryOp::Divide;
        return 5;
      case Tok::Percent:
        op = BinaryOp::Modulo;
        return 5;
      default:
        return -1;
    }
  }

  // Precedence climbing; every level is left-associative.
  Expr* parse_binary(int min_level) {
    Expr* lhs = parse_unary();
    for (;;) {
      BinaryOp op{};
      const Token& t = peek();
      int level = precedence(t.type, op);
      if (level < min_level) return lhs;
      next();
      Expr* rhs = parse_binary(level + 1);
      lhs = node(Binary{op, span(t), lhs, rhs}, lhs->range.begin, rhs->range.end);
    }
  }

  Expr* parse_unary() {
    const Token& t = peek();
    if (t.type != Tok::Minus && t.type != Tok::Bang) return parse_postfix(parse_term());
    DepthGuard guard(*this);
    next();
    Expr* operand = parse_unary();
    UnaryOp op = t.type == Tok::Minus ? UnaryOp::Negate : UnaryOp::Not;
    return node(Unary{op, operand}, t.begin, operand->range.end);
  }

  Expr* number_literal(const Token& t) {
    Literal lit;
    lit.kind = LiteralKind::Number;
    lit.text = text(t);
    auto res = std::from_chars(lit.text.data(), lit.text.data() + lit.text.size(), lit.number);
    if (res.ec == std::errc::result_out_of_range) lit.number = std::strtod(std::string(lit.text).c_str(), nullptr);
    return node(lit, t.begin, t.end);
  }

  Expr* parse_term() {
    const Token& t = peek();
    switch (t.type) {
      case Tok::Number:
        next();
        return number_literal(t);
      case Tok::Ident:
        return parse_name();
      case Tok::OParen: {
        next();
        NewlineMode nl(*this, false);
        const Expr* inner = parse_expression();
        const Token& close = peek();
        if (close.type != Tok::CParen) expected(close, "\")\"", &t, "parenthesis", ")");
        next();
        return node(Parens{inner}, t.begin, close.end);
      }
      case Tok::OBrack:
        return parse_tuple();
      case Tok::OBrace:
        return parse_object();
      case Tok::OQuote:
        next();
        return parse_template(t, Tok::CQuote);
      case Tok::OHeredoc:
        next();
        return parse_template(t, Tok::CHeredoc);
      default:
        expected(t, "an expression");
    }
  }

  Expr* parse_name() {
    const Token& t = next();
    std::string_view name = text(t);
    if (name == "true" || name == "false") {
      Literal lit;
      lit.kind = LiteralKind::Bool;
      lit.text = name;
      lit.boolean = name == "true";
      return node(lit, t.begin, t.end);
    }
    if (name == "null") {
      Literal lit;
      lit.text = name;
      return node(lit, t.begin, t.end);
    }
    std::uint32_t name_end = t.end;
    if (peek().type == Tok::DoubleColon) {  // provider::aws::fn(...)
      while (peek().type == Tok::DoubleColon) {
        next();
        const Token& part = peek();
        if (part.type != Tok::Ident) expected(part, "a function name after \"::\"");
        next();
        name_end = part.end;
      }
      if (peek().type != Tok::OParen) expected(peek(), "\"(\" after a namespaced function name");
    }
    if (peek().type == Tok::OParen) return parse_call(t.begin, name_end);
    ScopeTraversal st;
    st.root = name;
    st.root_span = span(t);
    return node(st, t.begin, t.end);
  }

  Expr* parse_call(std::uint32_t name_begin, std::uint32_t name_end) {
    const Token& open = next();
    NewlineMode nl(*this, false);
    std::size_t mark = exprs_.size();
    bool expand = false;
    std::string_view name = text_.substr(name_begin, name_end - name_begin);
    for (;;) {
      const Token& t = peek();
      if (t.type == Tok::CParen) break;
      exprs_.push_back(parse_expression());
      const Token& sep = peek();
      if (sep.type == Tok::Ellipsis) {
        next();
        expand = true;
        const Token& close = peek();
        if (close.type != Tok::CParen)
          expected(close, "\")\" right after the expanded final argument \"...\"", &open, "parenthesis", ")");
        break;
      }
      if (sep.type == Tok::Comma) {
        next();
        continue;
      }
      if (sep.type == Tok::CParen) break;
      expected(sep, fmt::format("\",\" or \")\" in the arguments of {}()", name), &open, "parenthesis", ")");
    }
    const Token& close = next();
    Call call;
    call.name = name;
    call.name_span = span(name_begin, name_end);
    call.args = commit(exprs_, mark);
    call.expand_final = expand;
    call.open_paren = span(open);
    call.close_paren = span(close);
    return node(call, name_begin, close.end);
  }

  // `for` opens a for expression when a variable name follows it.
  bool at_for() const { return is_keyword(peek(), "for") && peek2().type == Tok::Ident; }

  Expr* parse_tuple() {
    const Token& open = next();
    NewlineMode nl(*this, false);
    if (at_for()) return parse_for(open, false);
    std::size_t mark = exprs_.size();
    for (;;) {
      const Token& t = peek();
      if (t.type == Tok::CBrack) break;
      exprs_.push_back(parse_expression());
      const Token& sep = peek();
      if (sep.type == Tok::Comma) {
        next();
        continue;
      }
      if (sep.type == Tok::CBrack) break;
      expected(sep, "\",\" or \"]\" after a list element", &open, "list", "]");
    }
    const Token& close = next();
    return node(Tuple{commit(exprs_, mark)}, open.begin, close.end);
  }

  Expr* parse_object() {
    const Token& open = next();
    {
      // A for expression is newline-blind even though objects are not.
      NewlineMode nl(*this, false);
      if (at_for()) return parse_for(open, true);
    }
    NewlineMode nl(*this, true);
    std::size_t mark = items_.size();
    for (;;) {
      const Token& t = peek();
      if (t.type == Tok::Newline) {
        next();
        continue;
      }
      if (t.type == Tok::CBrace) break;
      if (t.type == Tok::Eof) expected(t, "\"}\"", &open, "object", "}");
      ObjectItem item;
      item.key = parse_expression();
      const Token& sep = peek();
      if (sep.type != Tok::Equal && sep.type != Tok::Colon)
        expected(sep, "\"=\" or \":\" after the object key", &open, "object", "}");
      next();
      item.colon = sep.type == Tok::Colon;
      item.value = parse_expression();
      items_.push_back(item);
      const Token& after = peek();
      if (after.type == Tok::Newline || after.type == Tok::Comma) {
        next();
        continue;
      }
      if (after.type == Tok::CBrace) break;
      expected(after, "a line break or \",\" after the object item", &open, "object", "}");
    }
    const Token& close = next();
    return node(Object{commit(items_, mark)}, open.begin, close.end);
  }

  Expr* parse_for(const Token& open, bool object) {
    NewlineMode nl(*this, false);
    const Token& kw = next();  // "for"
    For f;
    f.object = object;
    const Token& first = peek();
    if (first.type != Tok::Ident) expected(first, "a variable name after \"for\"");
    next();
    f.value_var = text(first);
    f.value_var_span = span(first);
    if (peek().type == Tok::Comma) {
      next();
      const Token& second = peek();
      if (second.type != Tok::Ident) expected(second, "a second variable name after \",\"");
      next();
      f.key_var = f.value_var;
      f.key_var_span = f.value_var_span;
      f.value_var = text(second);
      f.value_var_span = span(second);
    }
    if (!is_keyword(peek(), "in")) expected(peek(), "\"in\" after the variables of the for expression");
    next();
    f.collection = parse_expression();
    if (peek().type != Tok::Colon) expected(peek(), "\":\" after the collection of the for expression");
    next();
    f.value_expr = parse_expression();
    if (peek().type == Tok::FatArrow) {
      const Token& arrow = next();
      if (!object) error(arrow, "a key (\"=>\") is only valid in a for expression that builds an object ({for ...})");
      f.key_expr = f.value_expr;
      f.value_expr = parse_expression();
    }
    if (peek().type == Tok::Ellipsis) {
      const Token& dots = next();
      if (!object) error(dots, "grouping (\"...\") is only valid in a for expression that builds an object");
      f.grouping = true;
    }
    if (is_keyword(peek(), "if")) {
      next();
      f.condition = parse_expression();
    }
    Tok closer = object ? Tok::CBrace : Tok::CBrack;
    const Token& close = peek();
    if (close.type != closer)
      expected(close, object ? "\"}\" to end the for expression" : "\"]\" to end the for expression", &open,
               "for expression", object ? "}" : "]");
    next();
    if (object && !f.key_expr)
      error(kw, "a for expression that builds an object needs a key: {for k, v in coll : k => v}");
    return node(f, open.begin, close.end);
  }

  // Attribute access, indexing and splats after a term. Constant steps after
  // a variable extend its ScopeTraversal; anything else builds nodes.
  Expr* parse_postfix(Expr* from) {
    Expr* cur = from;
    const std::uint32_t begin = from->range.begin;
    bool pending = from->kind() == ExprKind::ScopeTraversal;
    std::size_t step_mark = steps_.size();
    std::uint32_t pending_end = from->range.end;
    auto settle = [&] {
      if (!pending) return;
      pending = false;
      auto& st = std::get<ScopeTraversal>(cur->node);
      st.steps = commit(steps_, step_mark);
      cur->range.end = pending_end;
      cur->span = span(begin, pending_end);
    };
    for (;;) {
      const Token& t = peek();
      if (t.type == Tok::Dot) {
        const Token& dot = next();
        const Token& a = peek();
        if (a.type == Tok::Ident) {
          next();
          if (pending) {
            steps_.push_back(Step{StepKind::Attr, text(a), nullptr, span(dot.begin, a.end), {dot.begin, a.end}});
            pending_end = a.end;
          } else {
            cur = node(GetAttr{cur, text(a), span(a)}, begin, a.end);
          }
        } else if (a.type == Tok::Number) {
          next();
          const Expr* key = legacy_index(a);
          if (pending) {
            steps_.push_back(Step{StepKind::LegacyIndex, {}, key, span(dot.begin, a.end), {dot.begin, a.end}});
            pending_end = a.end;
          } else {
            cur = node(Index{cur, key, span(dot.begin, a.end), true}, begin, a.end);
          }
        } else if (a.type == Tok::Star) {
          next();
          settle();
          cur = attribute_splat(cur, begin, dot, a);
        } else {
          expected(a, "an attribute name after \".\"");
        }
        continue;
      }
      if (t.type == Tok::OBrack) {
        const Token& open = next();
        if (peek().type == Tok::Star) {
          next();
          const Token& close = peek();
          if (close.type != Tok::CBrack) expected(close, "\"]\" after \"[*\"");
          next();
          settle();
          Expr* item = node(SplatItem{}, open.begin, close.end);
          DepthGuard guard(*this);
          Expr* each = parse_postfix(item);  // a full splat takes every step after it
          cur = node(Splat{cur, each, item, true, span(open.begin, close.end)}, begin, each->range.end);
          continue;
        }
        const Expr* key;
        const Token* close;
        {
          NewlineMode nl(*this, false);
          key = parse_expression();
          if (peek().type != Tok::CBrack) expected(peek(), "\"]\" to end the index", &open, "index", "]");
          close = &next();
        }
        if (pending && is_literal_key(key)) {
          steps_.push_back(Step{StepKind::Index, {}, key, span(open.begin, close->end), {open.begin, close->end}});
          pending_end = close->end;
        } else {
          settle();
          cur = node(Index{cur, key, span(open.begin, close->end), false}, begin, close->end);
        }
        continue;
      }
      break;
    }
    settle();
    return cur;
  }

  const Expr* legacy_index(const Token& num) {
    std::string_view s = text(num);
    std::size_t dot = s.find('.');
    if (dot != std::string_view::npos)
      error(num, fmt::format("chained legacy indexes \".{}\" are not allowed; write [{}][{}] instead", s,
                             s.substr(0, dot), s.substr(dot + 1)));
    return number_literal(num);
  }

  // source.*.a.b: only attribute steps (and legacy .0) apply to each element.
  Expr* attribute_splat(Expr* source, std::uint32_t begin, const Token& dot, const Token& star) {
    Expr* item = node(SplatItem{}, dot.begin, star.end);
    Expr* each = item;
    std::uint32_t end = star.end;
    while (peek().type == Tok::Dot) {
      const Token& d = next();
      const Token& a = peek();
      if (a.type == Tok::Ident) {
        next();
        each = node(GetAttr{each, text(a), span(a)}, item->range.end, a.end);
      } else if (a.type == Tok::Number) {
        next();
        each = node(Index{each, legacy_index(a), span(d.begin, a.end), true}, item->range.end, a.end);
      } else if (a.type == Tok::Star) {
        error(a, "a splat (\".*\") cannot be nested inside an attribute-only splat");
      } else {
        expected(a, "an attribute name after \".\"");
      }
      end = a.end;
    }
    return node(Splat{source, each, item, false, span(dot.begin, star.end)}, begin, end);
  }

  // ---- templates ----------------------------------------------------------

  // Decodes a literal chunk: backslash escapes in quoted strings, and the
  // $${ / %%{ escapes in both quoted strings and heredocs.
  std::string_view decode_literal(const Token& t, bool quoted) {
    std::string_view raw = text(t);
    bool plain = raw.find("${") == std::string_view::npos && raw.find("%{") == std::string_view::npos &&
                 (!quoted || raw.find('\\') == std::string_view::npos);
    if (plain) return raw;
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size();) {
      char c = raw[i];
      if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
        out += c;
        out += '{';
        i += 3;
        continue;
      }
      if (c != '\\' || !quoted) {
        out += c;
        ++i;
        continue;
      }
      std::uint32_t at = t.begin + static_cast<std::uint32_t>(i);
      char e = i + 1 < raw.size() ? raw[i + 1] : '\0';
      switch (e) {
        case 'n':
          out += '\n';
          i += 2;
          continue;
        case 'r':
          out += '\r';
          i += 2;
          continue;
        case 't':
          out += '\t';
          i += 2;
          continue;
        case '"':
          out += '"';
          i += 2;
          continue;
        case '\\':
          out += '\\';
          i += 2;
          continue;
        case 'u':
        case 'U': {
          std::size_t digits = e == 'u' ? 4 : 8;
          char32_t cp = 0;
          for (std::size_t k = 0; k < digits; ++k) {
            int h = i + 2 + k < raw.size() ? hex_value(raw[i + 2 + k]) : -1;
            if (h < 0)
              error(at, at + 2,
                    fmt::format("invalid escape sequence: \"\\{}\" needs {} hexadecimal digits", e, digits));
            cp = cp * 16 + static_cast<char32_t>(h);
          }
          if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            error(at, at + 2 + static_cast<std::uint32_t>(digits),
                  fmt::format("invalid escape sequence: U+{:X} is not a Unicode character",
                              static_cast<std::uint32_t>(cp)));
          append_utf8(out, cp);
          i += 2 + digits;
          continue;
        }
        default: {
          std::size_t k = i + 1;
          if (k < raw.size()) decode_utf8(raw, k);
          error(at, t.begin + static_cast<std::uint32_t>(k),
                fmt::format("invalid escape sequence \"{}\" in a string; write \"\\\\\" for a backslash",
                            raw.substr(i, k - i)));
        }
      }
    }
    return file_.arena.copy(out);
  }

  // Parses the template after `open` (a quote or heredoc opener) up to the
  // `closer` token.
  Expr* parse_template(const Token& open, Tok closer) {
    DepthGuard guard(*this);
    const bool heredoc = closer == Tok::CHeredoc;
    const bool flush = heredoc && text_[open.begin + 2] == '-';
    Token close;
    Template tpl;
    tpl.parts = template_parts(closer, flush, close, tpl.passthrough);
    tpl.heredoc = heredoc;
    tpl.flush = flush;
    if (heredoc) tpl.marker = text_.substr(open.begin + (flush ? 3 : 2), open.end - open.begin - (flush ? 3 : 2));
    return node(tpl, open.begin, close.end);
  }

  // The parts of a template up to the `closer` token (CQuote, CHeredoc, or
  // Eof for a bare template); `close` receives that token.
  ExprList template_parts(Tok closer, bool flush, Token& close, bool& passthrough) {
    const bool quoted = closer == Tok::CQuote;
    const std::size_t mark = raw_.size();
    bool trim_next = false;  // the previous sequence ended with ~}
    for (;;) {
      const Token& t = next();
      if (t.type == closer) {
        close = t;
        break;
      }
      bool trim = trim_next;
      trim_next = false;
      switch (t.type) {
        case Tok::QuotedLit:
        case Tok::StringLit: {
          RawPart p;
          p.begin = t.begin;
          p.end = t.end;
          p.text = decode_literal(t, quoted);
          if (trim) p.text = trim_left_space(p.text);
          raw_.push_back(p);
          break;
        }
        case Tok::TemplateInterp:
        case Tok::TemplateControl: {
          // ${~ and %{~ strip the whitespace at the end of the literal just before.
          if (t.end - t.begin == 3 && raw_.size() > mark && raw_.back().kind == RawPart::Kind::Literal)
            raw_.back().text = trim_right_space(raw_.back().text);
          NewlineMode nl(*this, false);
          RawPart p = t.type == Tok::TemplateInterp ? parse_interpolation() : parse_directive(t);
          p.begin = t.begin;
          const Token& end = peek();
          if (end.type != Tok::TemplateSeqEnd)
            expected(end, fmt::format("\"}}\" to end the \"{}\" at {}", text(t), where(t.begin)));
          next();
          p.end = end.end;
          trim_next = end.end - end.begin == 2;  // ~}
          raw_.push_back(p);
          break;
        }
        case Tok::Invalid:
          lex_failure();
        default:
          error(t, fmt::format("unexpected {} in a template", describe(t)));
      }
    }
    passthrough = raw_.size() - mark == 1 && raw_[mark].kind == RawPart::Kind::Interp;
    if (flush) flush_heredoc(mark);
    meld_literals(mark);
    std::size_t i = mark;
    ExprList parts = build_sequence(i, nullptr);
    raw_.resize(mark);
    return parts;
  }

  RawPart parse_interpolation() {
    RawPart p;
    p.kind = RawPart::Kind::Interp;
    p.expr = parse_expression();
    return p;
  }

  RawPart parse_directive(const Token& open) {
    RawPart p;
    const Token& kw = peek();
    std::string_view k = kw.type == Tok::Ident ? text(kw) : std::string_view{};
    if (k == "if") {
      next();
      p.kind = RawPart::Kind::If;
      p.expr = parse_expression();
    } else if (k == "else") {
      next();
      p.kind = RawPart::Kind::Else;
    } else if (k == "endif") {
      next();
      p.kind = RawPart::Kind::EndIf;
    } else if (k == "endfor") {
      next();
      p.kind = RawPart::Kind::EndFor;
    } else if (k == "for") {
      next();
      p.kind = RawPart::Kind::For;
      const Token& first = peek();
      if (first.type != Tok::Ident) expected(first, "a variable name after \"for\"");
      next();
      p.value = text(first);
      p.value_span = span(first);
      if (peek().type == Tok::Comma) {
        next();
        const Token& second = peek();
        if (second.type != Tok::Ident) expected(second, "a second variable name after \",\"");
        next();
        p.key = p.value;
        p.key_span = p.value_span;
        p.value = text(second);
        p.value_span = span(second);
      }
      if (!is_keyword(peek(), "in")) expected(peek(), "\"in\" after the variables of the for directive");
      next();
      p.expr = parse_expression();
    } else {
      expected(kw, fmt::format("if, else, endif, for or endfor after \"{}\"", text(open)));
    }
    return p;
  }

  // <<- heredocs lose the indentation common to all their lines. As in
  // hclsyntax, blank lines do not count, and a line that starts with an
  // interpolation has no indentation.
  void flush_heredoc(std::size_t mark) {
    std::size_t min_spaces = SIZE_MAX;
    bool line_start = true;
    std::size_t adjust_mark = adjust_.size();
    for (std::size_t k = mark; k < raw_.size(); ++k) {
      RawPart& p = raw_[k];
      bool literal = p.kind == RawPart::Kind::Literal;
      if (line_start) {
        line_start = false;
        std::size_t spaces = 0;
        if (literal) {
          std::string_view trimmed = trim_left_space(p.text);
          if (trimmed.empty() && !p.text.empty() && p.text.back() == '\n') {
            spaces = SIZE_MAX;
          } else {
            std::string_view lead = p.text.substr(0, p.text.size() - trimmed.size());
            for (std::size_t i = 0; i < lead.size();) {
              decode_utf8(lead, i);
              ++spaces;
            }
            adjust_.push_back(k);
          }
        }
        min_spaces = std::min(min_spaces, spaces);
      }
      if (literal && !p.text.empty() && p.text.back() == '\n') line_start = true;
    }
    for (std::size_t a = adjust_mark; a < adjust_.size(); ++a) {
      RawPart& p = raw_[adjust_[a]];
      std::size_t i = 0;
      for (std::size_t n = 0; n < min_spaces && i < p.text.size(); ++n) decode_utf8(p.text, i);
      p.text = p.text.substr(i);
      p.begin += static_cast<std::uint32_t>(i);
    }
    adjust_.resize(adjust_mark);
  }

  // Joins adjacent literal chunks (heredoc lines, text around escapes).
  void meld_literals(std::size_t mark) {
    std::size_t out = mark;
    for (std::size_t k = mark; k < raw_.size(); ++k) {
      RawPart& p = raw_[k];
      if (out > mark && p.kind == RawPart::Kind::Literal && raw_[out - 1].kind == RawPart::Kind::Literal) {
        RawPart& prev = raw_[out - 1];
        if (prev.text.data() + prev.text.size() == p.text.data() || p.text.empty()) {
          prev.text = std::string_view(prev.text.data(), prev.text.size() + p.text.size());
        } else if (prev.text.empty()) {
          prev.text = p.text;
        } else {
          std::string joined;
          joined.reserve(prev.text.size() + p.text.size());
          joined.append(prev.text).append(p.text);
          prev.text = file_.arena.copy(joined);
        }
        prev.end = p.end;
        continue;
      }
      raw_[out++] = p;
    }
    raw_.resize(out);
  }

  // Turns raw parts from `i` into template parts, matching directives. Stops
  // at an %{else}/%{endif}/%{endfor} that `stop` accepts.
  ExprList build_sequence(std::size_t& i, const RawPart* opener) {
    DepthGuard guard(*this);
    std::size_t mark = exprs_.size();
    for (; i < raw_.size(); ++i) {
      const RawPart p = raw_[i];
      switch (p.kind) {
        case RawPart::Kind::Literal: {
          Literal lit;
          lit.kind = LiteralKind::String;
          lit.text = p.text;
          exprs_.push_back(node(lit, p.begin, p.end));
          break;
        }
        case RawPart::Kind::Interp:
          exprs_.push_back(p.expr);
          break;
        case RawPart::Kind::If: {
          ++i;
          TemplateIf tif;
          tif.condition = p.expr;
          tif.then_part = sub_template(i, &raw_[i - 1]);
          if (i < raw_.size() && raw_[i].kind == RawPart::Kind::Else) {
            ++i;
            tif.else_part = sub_template(i, &raw_[i - 1]);
          }
          if (i >= raw_.size() || raw_[i].kind != RawPart::Kind::EndIf) directive_error(i, p, "%{if}", "%{endif}");
          exprs_.push_back(node(tif, p.begin, raw_[i].end));
          break;
        }
        case RawPart::Kind::For: {
          ++i;
          TemplateFor tfor;
          tfor.key_var = p.key;
          tfor.key_var_span = p.key_span;
          tfor.value_var = p.value;
          tfor.value_var_span = p.value_span;
          tfor.collection = p.expr;
          tfor.body = sub_template(i, &raw_[i - 1]);
          if (i >= raw_.size() || raw_[i].kind != RawPart::Kind::EndFor) directive_error(i, p, "%{for}", "%{endfor}");
          exprs_.push_back(node(tfor, p.begin, raw_[i].end));
          break;
        }
        case RawPart::Kind::Else:
        case RawPart::Kind::EndIf:
        case RawPart::Kind::EndFor:
          if (opener) return commit(exprs_, mark);  // the caller checks it is the right one
          error(p.begin, p.end,
                fmt::format("unexpected \"{}\" with no open directive", text_.substr(p.begin, p.end - p.begin)));
      }
    }
    return commit(exprs_, mark);
  }

  const Expr* sub_template(std::size_t& i, const RawPart* opener) {
    std::uint32_t begin = opener->end;
    Template tpl;
    tpl.parts = build_sequence(i, opener);
    std::uint32_t end = tpl.parts.empty() ? begin : tpl.parts.back()->range.end;
    if (!tpl.parts.empty()) begin = tpl.parts.front()->range.begin;
    return node(tpl, begin, end);
  }

  [[noreturn]] void directive_error(std::size_t i, const RawPart& open, std::string_view name,
                                    std::string_view closer) {
    if (i < raw_.size())
      error(raw_[i].begin, raw_[i].end,
            fmt::format("expected \"{}\" to close the \"{}\" at {}, found \"{}\"", closer, name, where(open.begin),
                        text_.substr(raw_[i].begin, raw_[i].end - raw_[i].begin)));
    error(open.begin, open.end,
          fmt::format("unclosed directive: \"{}\" at {} has no matching \"{}\"", name, where(open.begin), closer));
  }

  File& file_;
  std::string_view text_;
  const Locator& locator_;
  const std::vector<Token>& toks_;
  const std::optional<LexError>& lex_error_;
  Diagnostics& diags_;
  ParseMode mode_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::vector<bool> nl_stack_;
  // Scratch stacks: a node's children are pushed here while it is parsed,
  // then copied into the arena in one piece.
  std::vector<const Expr*> exprs_;
  std::vector<ObjectItem> items_;
  std::vector<Step> steps_;
  std::vector<Attribute> attrs_;
  std::vector<Block> blocks_;
  std::vector<Label> labels_;
  std::vector<RawPart> raw_;
  std::vector<std::size_t> adjust_;
  std::vector<const Attribute*> names_;
};

}  // namespace

ParseResult parse(FileId id, std::string_view text, ParseMode mode) {
  ParseResult result;
  File& file = result.file;
  file.id = id;
  try {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (text.size() >= UINT32_MAX) {
      result.diagnostics.push_back(Diagnostic{Span{id, 1, 1, 1, 1}, "file too large to parse (4 GiB or more)"});
      return result;
    }
    file.arena.expect(text.size() * 3);  // the text and its syntax tree
    file.text = file.arena.copy(text);
    file.lines = LineIndex(file.text);
    std::size_t valid = valid_utf8_prefix(file.text);
    if (valid < file.text.size()) {
      result.diagnostics.push_back(
          Diagnostic{file.lines.span(id, valid, valid + 1), "invalid UTF-8 byte sequence; HCL files must be UTF-8"});
      return result;
    }
    LexResult lexed = lex(file.text, file.lines);
    file.comments = std::move(lexed.comments);
    Locator locator(id, file.text);
    for (Comment& c : file.comments) c.span = locator.span(c.range.begin, c.range.end);
    Parser parser(file, locator, lexed.tokens, lexed.error, result.diagnostics, mode);
    parser.parse_file();
  } catch (const Abort&) {
    // The diagnostic is already recorded.
  } catch (const std::exception& e) {
    result.diagnostics.push_back(Diagnostic{Span{id, 1, 1, 1, 1}, fmt::format("internal parser error: {}", e.what())});
  }
  return result;
}

// --- Fragments -------------------------------------------------------------

struct FragmentParser::State {
  State(File& f, std::vector<TextCopy> c) : file(f), copies(std::move(c)), locator(f.id, f.text, copies) {}
  File& file;
  std::vector<TextCopy> copies;
  Locator locator;

  template <class F>
  const Expr* run(ByteRange content, FragmentKind kind, Diagnostics& diagnostics, F&& parse_with) {
    std::size_t before = diagnostics.size();
    try {
      LexResult lexed = lex_fragment(file.text, content.begin, content.end, kind, [this](std::size_t offset) {
        return locator.where(static_cast<std::uint32_t>(offset));
      });
      Parser parser(file, locator, lexed.tokens, lexed.error, diagnostics, ParseMode::Config);
      return parse_with(parser);
    } catch (const Abort&) {
      // The diagnostic is already recorded.
    } catch (const std::exception& e) {
      diagnostics.push_back(
          Diagnostic{locator.span(content.begin, content.end), fmt::format("internal parser error: {}", e.what())});
    }
    if (diagnostics.size() == before)
      diagnostics.push_back(Diagnostic{locator.span(content.begin, content.end), "invalid expression"});
    return nullptr;
  }
};

FragmentParser::FragmentParser(File& file, std::vector<TextCopy> copies)
    : state_(std::make_unique<State>(file, std::move(copies))) {}

FragmentParser::~FragmentParser() = default;

const Expr* FragmentParser::template_at(ByteRange content, ByteRange whole, Diagnostics& diagnostics) {
  return state_->run(content, FragmentKind::Template, diagnostics,
                     [&](Parser& p) { return p.parse_bare_template(whole); });
}

const Expr* FragmentParser::expression_at(ByteRange content, Diagnostics& diagnostics) {
  return state_->run(content, FragmentKind::Expression, diagnostics,
                     [&](Parser& p) { return p.parse_lone_expression(); });
}

Span FragmentParser::span(std::uint32_t begin, std::uint32_t end) const { return state_->locator.span(begin, end); }

}  // namespace kclint::hcl

// Dockerfile parser: physical lines → logical lines (continuations, comments,
// directives) → instructions with exact spans → build stages, following the
// rules of BuildKit's parser. Bad input becomes diagnostics, never exceptions.
#include "parsers/dockerfile/dockerfile.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "analyzer/ir/source.h"
#include "parsers/dockerfile/lexer.h"

namespace kclint::dockerfile {

const Flag* Instruction::flag(std::string_view name) const {
  for (const Flag& f : flags)
    if (f.name == name) return &f;
  return nullptr;
}
const std::vector<KeyValue>* Instruction::pairs() const { return std::get_if<std::vector<KeyValue>>(&parsed); }
const From* Instruction::from() const { return std::get_if<From>(&parsed); }
const User* Instruction::user() const { return std::get_if<User>(&parsed); }
const std::vector<Port>* Instruction::ports() const { return std::get_if<std::vector<Port>>(&parsed); }
const HealthCheck* Instruction::healthcheck() const { return std::get_if<HealthCheck>(&parsed); }

namespace {

using namespace detail;

// A logical line longer than this is reported and skipped.
constexpr std::size_t kMaxLogicalLine = std::size_t{1} << 20;
// Parsing stops after this many instructions.
constexpr std::size_t kMaxInstructions = 100000;

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}
std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool valid_stage_name(std::string_view name) {  // ^[a-z][a-z0-9-_.]*$
  if (name.empty() || name[0] < 'a' || name[0] > 'z') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

// Build arguments BuildKit provides without an ARG; their values are not
// known statically.
bool builtin_arg(std::string_view n) {
  static constexpr std::string_view kNames[] = {
      "BUILDPLATFORM", "BUILDOS",     "BUILDARCH",  "BUILDVARIANT", "TARGETPLATFORM", "TARGETOS", "TARGETARCH",
      "TARGETVARIANT", "TARGETSTAGE", "HTTP_PROXY", "HTTPS_PROXY",  "FTP_PROXY",      "NO_PROXY", "ALL_PROXY",
      "http_proxy",    "https_proxy", "ftp_proxy",  "no_proxy",     "all_proxy"};
  return std::find(std::begin(kNames), std::end(kNames), n) != std::end(kNames);
}

// Maps byte offsets to spans. Remembers the last position so the many words
// of one long line cost one scan of it, not one each.
class Locator {
 public:
  Locator(FileId file, std::string_view text) : file_(file), text_(text), index_(text) {}

  Span span(std::size_t begin, std::size_t end) {
    LineIndex::Pos a = pos(begin);
    LineIndex::Pos b = pos(std::max(begin, end));
    return Span{file_, a.line, a.column, b.line, b.column};
  }

 private:
  LineIndex::Pos pos(std::size_t off) {
    off = std::min(off, text_.size());
    std::uint32_t lo = 1, hi = static_cast<std::uint32_t>(index_.line_count());
    while (lo < hi) {
      std::uint32_t mid = lo + (hi - lo + 1) / 2;
      if (index_.line_start(mid) <= off)
        lo = mid;
      else
        hi = mid - 1;
    }
    std::size_t from = index_.line_start(lo);
    std::uint32_t col = 1;
    if (cache_line_ == lo && cache_off_ <= off) {
      from = cache_off_;
      col = cache_col_;
    }
    for (std::size_t i = from; i < off; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
    cache_line_ = lo;
    cache_off_ = off;
    cache_col_ = col;
    return {lo, col};
  }

  FileId file_;
  std::string_view text_;
  LineIndex index_;
  std::uint32_t cache_line_ = 0;
  std::size_t cache_off_ = 0;
  std::uint32_t cache_col_ = 1;
};

// An instruction's text with continuation lines joined, and where each piece
// of it came from in the source.
struct LogicalLine {
  struct Piece {
    std::size_t logical;
    std::size_t source;
    std::size_t length;
  };
  std::string text;
  std::vector<Piece> pieces;

  void append(std::string_view s, std::size_t source) {
    if (s.empty()) return;
    pieces.push_back({text.size(), source, s.size()});
    text.append(s);
  }
  // Source offset of the character at logical offset `off` (or of the end).
  std::size_t source(std::size_t off) const {
    if (pieces.empty()) return 0;
    auto it = std::upper_bound(pieces.begin(), pieces.end(), off,
                               [](std::size_t o, const Piece& p) { return o < p.logical; });
    if (it != pieces.begin()) --it;
    if (off < it->logical + it->length) return it->source + (off - it->logical);
    return it->source + it->length;
  }
  // Source offset just after the character before logical offset `off`.
  std::size_t source_end(std::size_t off) const { return off == 0 ? source(0) : source(off - 1) + 1; }
};

struct Var {
  std::optional<std::string> value;  // nullopt: declared, value unknown
  bool from_env = false;
};
using Scope = std::unordered_map<std::string, Var>;

class Parser {
 public:
  Parser(FileId file, std::string_view text) : text_(text), loc_(file, text) {}
  ParseResult run();

 private:
  struct Line {
    std::size_t begin, end, next;  // content [begin, end) without the line break
  };
  struct FlagValue {
    std::size_t begin, end;
  };

  Line line_at(std::size_t pos) const;
  bool directive(std::string_view body, std::size_t at, std::size_t end);
  void comment(std::size_t at, std::size_t end);
  bool append_segment(LogicalLine& ll, std::size_t begin, std::size_t end) const;
  void instruction(const LogicalLine& ll, std::size_t last_end);
  bool parse_instruction(const LogicalLine& ll, std::size_t start, bool nested, Instruction& ins);
  std::size_t parse_flags(const LogicalLine& ll, std::size_t i, Instruction& ins, std::vector<FlagValue>& values);
  Heredoc read_heredoc(const LogicalLine& ll, const HeredocMarker& m, std::size_t& end);
  void attach(Instruction ins);
  void new_stage(Instruction ins);

  // Instruction forms.
  void exec_or_shell(const LogicalLine& ll, std::size_t b, std::size_t e, bool& json, std::vector<Word>& out,
                     bool check_quotes);
  void words(const LogicalLine& ll, std::size_t b, std::size_t e, std::vector<Word>& out, bool check_quotes);
  void key_values(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins);
  void arg(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins);
  void from(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins, const std::vector<FlagValue>& fv);
  void user(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins, const Lookup& lookup);
  void expose(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins, const Lookup& lookup);
  void healthcheck(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins);
  void onbuild(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins);

  Word make_word(const LogicalLine& ll, std::size_t b, std::size_t e, const Lookup* lookup);
  Span span(const LogicalLine& ll, std::size_t b, std::size_t e) {
    std::size_t sb = ll.source(b);
    return loc_.span(sb, e > b ? ll.source_end(e) : sb);
  }
  void error(const Span& at, std::string message) { result_.diagnostics.push_back({at, std::move(message)}); }
  void unterminated_quote(const LogicalLine& ll, std::size_t at) {
    error(span(ll, at, at + 1), ll.text[at] == '"' ? "unterminated double quote" : "unterminated single quote");
  }

  Lookup meta_lookup() const;
  Lookup stage_lookup() const;

  std::string_view text_;
  Locator loc_;
  char esc_ = '\\';
  bool directives_done_ = false;
  bool stopped_ = false;
  std::size_t pos_ = 0;
  std::size_t count_ = 0;
  ParseResult result_;
  Scope meta_;                       // global ARGs
  std::vector<Scope> stage_scopes_;  // ARG/ENV known in each stage so far
  std::optional<Span> first_instruction_;
  std::vector<std::pair<Span, std::string>> before_from_;  // non-ARG instructions before the first FROM
};

Parser::Line Parser::line_at(std::size_t pos) const {
  std::size_t nl = text_.find('\n', pos);
  std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
  std::size_t next = nl == std::string_view::npos ? text_.size() : nl + 1;
  while (end > pos && text_[end - 1] == '\r') --end;
  return {pos, end, next};
}

// `# name=value` with name syntax, escape or check, before anything else.
bool Parser::directive(std::string_view body, std::size_t at, std::size_t end) {
  if (body.empty() || body[0] != '#') return false;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r'; };
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::size_t i = 1;
  while (i < body.size() && blank(body[i])) ++i;
  std::size_t nb = i;
  if (i >= body.size() || !alpha(body[i])) return false;
  while (i < body.size() && (alpha(body[i]) || (body[i] >= '0' && body[i] <= '9'))) ++i;
  std::string name = lower(body.substr(nb, i - nb));
  while (i < body.size() && blank(body[i])) ++i;
  if (i >= body.size() || body[i] != '=') return false;
  ++i;
  while (i < body.size() && blank(body[i])) ++i;
  std::size_t ve = body.size();
  while (ve > i && blank(body[ve - 1])) --ve;
  if (ve == i) return false;
  if (name != "syntax" && name != "escape" && name != "check") return false;

  ParserDirective d{name, std::string(body.substr(i, ve - i)), loc_.span(at, end), loc_.span(at + i, at + ve)};
  for (const ParserDirective& seen : result_.file.directives)
    if (seen.name == name) {
      error(d.span, fmt::format("only one {} parser directive can be used", name));
      return true;
    }
  if (name == "escape") {
    if (d.value == "\\" || d.value == "`")
      esc_ = result_.file.escape = d.value[0];
    else
      error(d.value_span, fmt::format("invalid escape character \"{}\": must be \\ or `", d.value));
  }
  result_.file.directives.push_back(std::move(d));
  return true;
}

void Parser::comment(std::size_t at, std::size_t end) {
  result_.file.comments.push_back({std::string(trim(text_.substr(at + 1, end - at - 1))), loc_.span(at, end)});
}

// Appends a physical line to `ll`, without its continuation escape; true when
// the instruction continues on the next line.
bool Parser::append_segment(LogicalLine& ll, std::size_t begin, std::size_t end) const {
  std::size_t k = end;
  while (k > begin && (text_[k - 1] == ' ' || text_[k - 1] == '\t')) --k;
  bool more = k > begin && text_[k - 1] == esc_;
  ll.append(text_.substr(begin, (more ? k - 1 : end) - begin), begin);
  return more;
}

ParseResult Parser::run() {
  std::size_t valid = valid_utf8_prefix(text_);
  if (valid < text_.size()) error(loc_.span(valid, valid + 1), "invalid UTF-8");

  while (pos_ < text_.size() && !stopped_) {
    Line ln = line_at(pos_);
    pos_ = ln.next;
    std::size_t lead = ln.begin;
    while (lead < ln.end && is_space(text_[lead])) ++lead;
    std::string_view body = text_.substr(lead, ln.end - lead);
    if (!directives_done_) {
      if (directive(body, lead, ln.end)) continue;
      directives_done_ = true;
    }
    if (body.empty()) continue;
    if (body[0] == '#') {
      comment(lead, ln.end);
      continue;
    }

    LogicalLine ll;
    bool more = append_segment(ll, lead, ln.end);
    std::size_t last_end = ln.end;
    while (more && pos_ < text_.size()) {
      Line c = line_at(pos_);
      pos_ = c.next;
      std::size_t cl = c.begin;
      while (cl < c.end && is_space(text_[cl])) ++cl;
      if (cl == c.end) continue;  // empty continuation line: Docker tolerates it
      if (text_[cl] == '#') {     // comment lines inside an instruction are dropped
        comment(cl, c.end);
        continue;
      }
      more = append_segment(ll, c.begin, c.end);
      last_end = c.end;
    }
    if (ll.text.size() > kMaxLogicalLine) {
      error(loc_.span(lead, lead), "instruction is longer than 1 MiB; skipped");
      continue;
    }
    if (trim(ll.text).empty()) continue;
    instruction(ll, last_end);
  }

  File& f = result_.file;
  if (f.stages.empty()) {
    if (first_instruction_) error(*first_instruction_, "no FROM instruction");
  } else {
    for (auto& [at, keyword] : before_from_)
      error(at, fmt::format("instruction \"{}\" before the first FROM (only ARG may come before it)", keyword));
  }
  std::stable_sort(result_.diagnostics.begin(), result_.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.span.line, a.span.column) < std::tie(b.span.line, b.span.column);
                   });
  return std::move(result_);
}

void Parser::instruction(const LogicalLine& ll, std::size_t last_end) {
  if (++count_ > kMaxInstructions) {
    error(span(ll, 0, 0), fmt::format("more than {} instructions; the rest of the file is not read", kMaxInstructions));
    stopped_ = true;
    return;
  }
  Instruction ins;
  bool known = parse_instruction(ll, 0, false, ins);

  // Heredoc bodies follow the instruction line (RUN, COPY, ADD and their
  // ONBUILD forms; not the exec form).
  std::size_t end = last_end;
  Instruction* target = ins.trigger ? ins.trigger.get() : &ins;
  const std::string& kw = target->keyword;
  if (known && (kw == "RUN" || kw == "COPY" || kw == "ADD") && !target->json_form &&
      ll.text.find("<<") != std::string::npos) {
    for (const HeredocMarker& m : find_heredocs(ll.text)) {
      target->heredocs.push_back(read_heredoc(ll, m, end));
      if (!target->heredocs.back().terminator_span.valid()) break;  // the file ended
    }
  }
  Span tail = loc_.span(end, end);
  auto extend = [&](Instruction& i) {
    i.span = i.keyword_span;
    i.span.end_line = tail.end_line;
    i.span.end_column = tail.end_column;
  };
  extend(ins);
  if (ins.trigger) extend(*ins.trigger);
  if (known) attach(std::move(ins));
}

Heredoc Parser::read_heredoc(const LogicalLine& ll, const HeredocMarker& m, std::size_t& end) {
  Heredoc h;
  h.name = m.name;
  h.strip_tabs = m.strip_tabs;
  h.quoted = m.quoted;
  h.marker_span = span(ll, m.begin, m.end);
  const std::size_t body_begin = pos_;
  while (pos_ < text_.size()) {
    Line ln = line_at(pos_);
    std::string_view content = text_.substr(ln.begin, ln.end - ln.begin);
    std::string_view stripped = content;
    if (h.strip_tabs)
      while (!stripped.empty() && stripped.front() == '\t') stripped.remove_prefix(1);
    pos_ = ln.next;
    if (stripped == h.name) {
      h.body_span = loc_.span(body_begin, ln.begin);
      h.terminator_span = loc_.span(ln.begin, ln.end);
      end = ln.end;
      return h;
    }
    h.body.append(stripped);
    h.body += '\n';
    end = ln.end;
  }
  h.body_span = loc_.span(body_begin, text_.size());
  error(h.marker_span, fmt::format("unterminated heredoc \"{}\"", h.name));
  return h;
}

Word Parser::make_word(const LogicalLine& ll, std::size_t b, std::size_t e, const Lookup* lookup) {
  Word w;
  w.raw = ll.text.substr(b, e - b);
  Expanded x = expand(w.raw, esc_, lookup);
  w.text = std::move(x.text);
  w.unresolved = x.unresolved;
  w.span = span(ll, b, e);
  return w;
}

std::size_t Parser::parse_flags(const LogicalLine& ll, std::size_t i, Instruction& ins,
                                std::vector<FlagValue>& values) {
  const std::string& s = ll.text;
  while (true) {
    std::size_t b = i;
    while (b < s.size() && is_space(s[b])) ++b;
    if (b + 1 >= s.size() || s[b] != '-' || s[b + 1] != '-') return b;
    RawWord w = next_word(s, b, s.size(), esc_);
    std::string_view raw(s.data() + w.begin, w.end - w.begin);
    if (raw == "--") {  // ends the flags
      i = w.end;
      while (i < s.size() && is_space(s[i])) ++i;
      return i;
    }
    Flag f;
    f.span = span(ll, w.begin, w.end);
    std::size_t eq = raw.find('=');
    f.name = expand(raw.substr(2, eq == std::string_view::npos ? raw.size() : eq - 2), esc_, nullptr).text;
    if (eq != std::string_view::npos) {
      std::size_t vb = w.begin + eq + 1;
      f.has_value = true;
      f.value = expand(std::string_view(s.data() + vb, w.end - vb), esc_, nullptr).text;
      f.value_span = span(ll, vb, w.end);
      values.push_back({vb, w.end});
    } else {
      values.push_back({w.end, w.end});
    }
    ins.flags.push_back(std::move(f));
    i = w.end;
  }
}

bool Parser::parse_instruction(const LogicalLine& ll, std::size_t start, bool nested, Instruction& ins) {
  const std::string& s = ll.text;
  std::size_t kb = start;
  while (kb < s.size() && is_space(s[kb])) ++kb;
  std::size_t ke = kb;
  while (ke < s.size() && !is_space(s[ke])) ++ke;
  ins.keyword = upper(std::string_view(s.data() + kb, ke - kb));
  ins.keyword_span = span(ll, kb, ke);

  std::vector<FlagValue> flag_values;
  std::size_t ab = parse_flags(ll, ke, ins, flag_values);
  std::size_t ae = s.size();
  while (ae > ab && is_space(s[ae - 1])) --ae;
  ins.raw = s.substr(ab, ae - ab);
  ins.raw_span = span(ll, ab, ae);

  const std::string& k = ins.keyword;
  auto require_args = [&](std::size_t n) {
    if (ins.args.size() < n)
      error(ins.keyword_span, n == 1 ? fmt::format("{} requires at least one argument", k)
                                     : fmt::format("{} requires at least two arguments", k));
  };
  // ONBUILD triggers run in another build: nothing of this stage applies.
  const Lookup unknown = [](std::string_view) { return VarResult{}; };
  const Lookup lookup = nested ? unknown : stage_lookup();

  if (k == "RUN" || k == "CMD" || k == "ENTRYPOINT") {
    exec_or_shell(ll, ab, ae, ins.json_form, ins.args, false);
  } else if (k == "SHELL") {
    exec_or_shell(ll, ab, ae, ins.json_form, ins.args, false);
    if (ins.args.empty())
      require_args(1);
    else if (!ins.json_form)
      error(ins.raw_span, "SHELL requires the arguments to be in JSON form");
  } else if (k == "COPY" || k == "ADD") {
    exec_or_shell(ll, ab, ae, ins.json_form, ins.args, true);
    require_args(2);
  } else if (k == "VOLUME") {
    exec_or_shell(ll, ab, ae, ins.json_form, ins.args, true);
    require_args(1);
  } else if (k == "ENV" || k == "LABEL") {
    key_values(ll, ab, ae, ins);
  } else if (k == "ARG") {
    arg(ll, ab, ae, ins);
  } else if (k == "FROM") {
    from(ll, ab, ae, ins, flag_values);
  } else if (k == "USER") {
    user(ll, ab, ae, ins, lookup);
  } else if (k == "EXPOSE") {
    expose(ll, ab, ae, ins, lookup);
  } else if (k == "WORKDIR" || k == "STOPSIGNAL") {
    words(ll, ab, ae, ins.args, true);
    require_args(1);
  } else if (k == "MAINTAINER") {
    words(ll, ab, ae, ins.args, false);
    require_args(1);
  } else if (k == "HEALTHCHECK") {
    healthcheck(ll, ab, ae, ins);
  } else if (k == "ONBUILD") {
    words(ll, ab, ae, ins.args, false);
    if (!nested) onbuild(ll, ab, ae, ins);  // `ONBUILD ONBUILD` is reported by the outer one
  } else {
    error(ins.keyword_span, fmt::format("unknown instruction \"{}\"", k));
    return false;
  }
  return true;
}

void Parser::words(const LogicalLine& ll, std::size_t b, std::size_t e, std::vector<Word>& out, bool check_quotes) {
  bool reported = false;
  for (const RawWord& w : split_words(ll.text, b, e, esc_)) {
    if (check_quotes && !reported && w.unterminated_quote != kNpos) {
      unterminated_quote(ll, w.unterminated_quote);
      reported = true;
    }
    out.push_back(make_word(ll, w.begin, w.end, nullptr));
  }
}

void Parser::exec_or_shell(const LogicalLine& ll, std::size_t b, std::size_t e, bool& json, std::vector<Word>& out,
                           bool check_quotes) {
  std::string_view rest(ll.text.data() + b, e - b);
  if (!rest.empty() && rest.front() == '[') {
    std::vector<JsonElement> elements;
    JsonForm form = parse_json_array(rest, elements);
    if (form == JsonForm::StringArray) {
      json = true;
      for (JsonElement& el : elements) {
        Word w;
        w.text = std::move(el.text);
        w.raw = std::string(rest.substr(el.begin, el.end - el.begin));
        w.span = span(ll, b + el.begin, b + el.end);
        out.push_back(std::move(w));
      }
      return;
    }
    if (form == JsonForm::NotStringArray)
      error(span(ll, b, e), "JSON arrays in a Dockerfile must contain only strings");
  }
  words(ll, b, e, out, check_quotes);
}

// ENV and LABEL: `name=value ...` or the legacy `name value`.
void Parser::key_values(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins) {
  const std::string& k = ins.keyword;
  std::vector<RawWord> raw_words = split_words(ll.text, b, e, esc_);
  words(ll, b, e, ins.args, true);
  std::vector<KeyValue> pairs;
  if (raw_words.empty()) {
    error(ins.keyword_span, fmt::format("{} requires at least one argument", k));
  } else if (std::string_view(ll.text).substr(raw_words[0].begin, raw_words[0].end - raw_words[0].begin).find('=') ==
             std::string_view::npos) {
    const RawWord& key = raw_words[0];
    std::size_t vb = key.end;
    while (vb < e && is_space(ll.text[vb])) ++vb;
    if (vb >= e) {
      error(span(ll, key.begin, key.end), fmt::format("{} must have two arguments", k));
    } else {
      pairs.push_back({make_word(ll, key.begin, key.end, nullptr), make_word(ll, vb, e, nullptr), true});
    }
  } else {
    for (const RawWord& w : raw_words) {
      std::string_view raw(ll.text.data() + w.begin, w.end - w.begin);
      std::size_t eq = raw.find('=');
      if (eq == std::string_view::npos) {
        error(span(ll, w.begin, w.end),
              fmt::format("{}: can't find = in \"{}\"; must be of the form name=value", k, raw));
        continue;
      }
      KeyValue kv{make_word(ll, w.begin, w.begin + eq, nullptr), make_word(ll, w.begin + eq + 1, w.end, nullptr), true};
      if (kv.key.text.empty()) error(span(ll, w.begin, w.end), fmt::format("{} names can not be blank", k));
      pairs.push_back(std::move(kv));
    }
  }
  ins.parsed = std::move(pairs);
}

void Parser::arg(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins) {
  std::vector<KeyValue> pairs;
  bool reported = false;
  for (const RawWord& w : split_words(ll.text, b, e, esc_)) {
    if (!reported && w.unterminated_quote != kNpos) {
      unterminated_quote(ll, w.unterminated_quote);
      reported = true;
    }
    ins.args.push_back(make_word(ll, w.begin, w.end, nullptr));
    std::string_view raw(ll.text.data() + w.begin, w.end - w.begin);
    std::size_t eq = raw.find('=');
    KeyValue kv;
    if (eq == std::string_view::npos) {
      kv.key = ins.args.back();
    } else {
      kv.key = make_word(ll, w.begin, w.begin + eq, nullptr);
      kv.value = make_word(ll, w.begin + eq + 1, w.end, nullptr);
      kv.has_value = true;
      if (kv.key.text.empty()) error(span(ll, w.begin, w.end), "ARG names can not be blank");
    }
    pairs.push_back(std::move(kv));
  }
  if (pairs.empty()) error(ins.keyword_span, "ARG requires at least one argument");
  ins.parsed = std::move(pairs);
}

void Parser::from(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins,
                  const std::vector<FlagValue>& fv) {
  const Lookup lookup = meta_lookup();
  From f;
  for (std::size_t i = 0; i < ins.flags.size(); ++i)
    if (ins.flags[i].name == "platform" && ins.flags[i].has_value)
      f.platform = make_word(ll, fv[i].begin, fv[i].end, &lookup);
  std::vector<RawWord> raw_words = split_words(ll.text, b, e, esc_);
  words(ll, b, e, ins.args, true);
  if (raw_words.empty()) {
    error(ins.keyword_span, "FROM requires at least one argument");
  } else {
    f.image = make_word(ll, raw_words[0].begin, raw_words[0].end, &lookup);
    if (raw_words.size() == 3 && lower(ins.args[1].raw) == "as") {
      f.name = ins.args[2];
      if (!valid_stage_name(lower(f.name->text)))
        error(f.name->span, fmt::format("invalid name for build stage \"{}\": it must start with a letter and "
                                        "contain only letters, digits, '-', '_' and '.'",
                                        f.name->text));
    } else if (raw_words.size() != 1) {
      error(ins.raw_span, "FROM requires either one or three arguments (image [AS name])");
    }
  }
  ins.parsed = std::move(f);
}

// USER user[:group]: the whole argument is one word, as in Docker.
void Parser::user(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins, const Lookup& lookup) {
  words(ll, b, e, ins.args, true);
  if (b == e) {
    error(ins.keyword_span, "USER requires at least one argument");
    return;
  }
  // The first ':' outside quotes and `${...}` splits user and group.
  const std::string& s = ll.text;
  std::size_t colon = kNpos;
  char quote = 0;
  int braces = 0;
  for (std::size_t i = b; i < e && colon == kNpos; ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote)
        quote = 0;
      else if (c == esc_ && quote == '"')
        ++i;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == esc_) {
      ++i;
    } else if (c == '$' && i + 1 < e && s[i + 1] == '{') {
      ++braces;
      ++i;
    } else if (c == '}' && braces > 0) {
      --braces;
    } else if (c == ':' && braces == 0) {
      colon = i;
    }
  }
  User u;
  if (colon != kNpos) {
    u.user = make_word(ll, b, colon, &lookup);
    u.group = make_word(ll, colon + 1, e, &lookup);
  } else {
    u.user = make_word(ll, b, e, &lookup);
    std::size_t p = u.user.unresolved ? std::string::npos : u.user.text.find(':');
    if (p != std::string::npos) {  // the colon came from a substituted value
      Word group = u.user;
      group.text = u.user.text.substr(p + 1);
      u.user.text.resize(p);
      u.group = std::move(group);
    }
  }
  ins.parsed = std::move(u);
}

void Parser::expose(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins, const Lookup& lookup) {
  std::vector<RawWord> raw_words = split_words(ll.text, b, e, esc_);
  words(ll, b, e, ins.args, true);
  std::vector<Port> ports;
  auto number = [](std::string_view s) -> std::uint32_t {
    if (s.empty() || s.size() > 5) return 0;
    std::uint32_t n = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return 0;
      n = n * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return n <= 65535 ? n : 0;
  };
  for (const RawWord& w : raw_words) {
    Port p;
    p.word = make_word(ll, w.begin, w.end, &lookup);
    std::string_view t = p.word.text;
    std::size_t slash = t.find('/');
    p.protocol = slash == std::string_view::npos ? "tcp" : lower(t.substr(slash + 1));
    std::string_view range = t.substr(0, slash);
    std::size_t dash = range.find('-');
    p.first = number(range.substr(0, dash));
    p.last = dash == std::string_view::npos ? p.first : number(range.substr(dash + 1));
    if (p.first == 0 || p.last < p.first) p.first = p.last = 0;
    ports.push_back(std::move(p));
  }
  if (ports.empty()) error(ins.keyword_span, "EXPOSE requires at least one argument");
  ins.parsed = std::move(ports);
}

void Parser::healthcheck(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins) {
  if (b == e) {
    error(ins.keyword_span, "HEALTHCHECK requires at least one argument");
    return;
  }
  const std::string& s = ll.text;
  std::size_t te = b;
  while (te < e && !is_space(s[te])) ++te;
  std::size_t cb = te;
  while (cb < e && is_space(s[cb])) ++cb;
  HealthCheck h;
  h.type = make_word(ll, b, te, nullptr);
  h.command_raw = s.substr(cb, e - cb);
  h.command_span = span(ll, cb, e);
  std::string type = upper(h.type.text);
  if (type == "NONE") {
    h.none = true;
    if (cb < e) error(h.command_span, "HEALTHCHECK NONE takes no arguments");
  } else if (type == "CMD") {
    exec_or_shell(ll, cb, e, h.json_form, h.command, false);
    if (h.command.empty()) error(h.type.span, "missing command after HEALTHCHECK CMD");
  } else {
    error(h.type.span, fmt::format("unknown HEALTHCHECK type \"{}\" (try CMD)", h.type.text));
  }
  ins.json_form = h.json_form;
  ins.args.push_back(h.type);
  ins.args.insert(ins.args.end(), h.command.begin(), h.command.end());
  ins.parsed = std::move(h);
}

void Parser::onbuild(const LogicalLine& ll, std::size_t b, std::size_t e, Instruction& ins) {
  if (b == e) {
    error(ins.keyword_span, "ONBUILD requires at least one argument");
    return;
  }
  auto trigger = std::make_unique<Instruction>();
  if (!parse_instruction(ll, b, true, *trigger)) return;
  const std::string& k = trigger->keyword;
  if (k == "ONBUILD")
    error(trigger->keyword_span, "chaining ONBUILD via \"ONBUILD ONBUILD\" isn't allowed");
  else if (k == "FROM" || k == "MAINTAINER")
    error(trigger->keyword_span, fmt::format("{} isn't allowed as an ONBUILD trigger", k));
  ins.trigger = std::move(trigger);
}

Lookup Parser::meta_lookup() const {
  return [this](std::string_view name) -> VarResult {
    auto it = meta_.find(std::string(name));
    if (it != meta_.end())
      return it->second.value ? VarResult{VarState::Value, *it->second.value} : VarResult{VarState::Unknown, {}};
    return {builtin_arg(name) ? VarState::Unknown : VarState::Unset, {}};
  };
}

// Inside a stage a name nobody declared may still come from the base image's
// environment, so it is Unknown rather than unset.
Lookup Parser::stage_lookup() const {
  if (stage_scopes_.empty()) return [](std::string_view) { return VarResult{}; };
  const Scope* scope = &stage_scopes_.back();
  return [scope](std::string_view name) -> VarResult {
    auto it = scope->find(std::string(name));
    if (it != scope->end() && it->second.value) return {VarState::Value, *it->second.value};
    return {};
  };
}

void Parser::attach(Instruction ins) {
  File& f = result_.file;
  if (!first_instruction_) first_instruction_ = ins.keyword_span;
  if (ins.keyword == "FROM") return new_stage(std::move(ins));
  if (f.stages.empty()) {
    if (ins.keyword != "ARG") {
      before_from_.emplace_back(ins.keyword_span, ins.keyword);
      return;
    }
    const Lookup lookup = meta_lookup();
    for (const KeyValue& kv : *ins.pairs()) {
      Var& v = meta_[kv.key.text];
      if (!kv.has_value) continue;  // a later `ARG X` keeps what an earlier one set
      Expanded x = expand(kv.value.raw, esc_, &lookup);
      v.value = x.unresolved ? std::nullopt : std::optional<std::string>(std::move(x.text));
    }
    f.global_args.push_back(std::move(ins));
    return;
  }
  Scope& scope = stage_scopes_.back();
  const Lookup lookup = stage_lookup();
  if (ins.keyword == "ARG") {
    for (const KeyValue& kv : *ins.pairs()) {
      auto it = scope.find(kv.key.text);
      if (it != scope.end() && (it->second.from_env || !kv.has_value)) continue;  // ENV wins over ARG
      Var v;
      if (kv.has_value) {
        Expanded x = expand(kv.value.raw, esc_, &lookup);
        if (!x.unresolved) v.value = std::move(x.text);
      } else if (auto g = meta_.find(kv.key.text); g != meta_.end()) {
        v.value = g->second.value;  // `ARG X` in a stage takes the global default
      }
      scope[kv.key.text] = std::move(v);
    }
  } else if (ins.keyword == "ENV") {
    for (const KeyValue& kv : *ins.pairs()) {
      Expanded x = expand(kv.value.raw, esc_, &lookup);
      Var v;
      v.from_env = true;
      if (!x.unresolved) v.value = std::move(x.text);
      scope[kv.key.text] = std::move(v);
    }
  }
  f.stages.back().instructions.push_back(std::move(ins));
}

void Parser::new_stage(Instruction ins) {
  std::vector<Stage>& stages = result_.file.stages;
  const From& from = *ins.from();
  Stage st;
  st.base_image = from.image;
  if (from.name) {
    st.name = lower(from.name->text);
    st.name_span = from.name->span;
    for (const Stage& prev : stages)
      if (prev.name == st.name) {
        error(st.name_span, fmt::format("duplicate stage name \"{}\"", st.name));
        break;
      }
  }
  if (!st.base_image.unresolved && !st.base_image.text.empty()) {
    std::string base = lower(st.base_image.text);
    for (std::size_t i = 0; i < stages.size() && st.base_stage < 0; ++i)
      if (stages[i].name == base) st.base_stage = static_cast<int>(i);
    if (st.base_stage < 0 && base.size() <= 6 &&
        std::all_of(base.begin(), base.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      std::size_t index = std::stoul(base);
      if (index < stages.size()) st.base_stage = static_cast<int>(index);
    }
  }
  Scope scope;
  if (st.base_stage >= 0)
    for (const auto& [name, var] : stage_scopes_[static_cast<std::size_t>(st.base_stage)])
      if (var.from_env) scope.emplace(name, var);  // ENV is inherited through FROM <stage>; ARG is not
  stage_scopes_.push_back(std::move(scope));
  st.instructions.push_back(std::move(ins));
  stages.push_back(std::move(st));
}

}  // namespace

ParseResult parse(FileId file, std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a BOM is not a column
  return Parser(file, text).run();
}

}  // namespace kclint::dockerfile

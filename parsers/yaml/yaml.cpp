// YAML loader: yaml-cpp's event parser checks the syntax and decodes scalars;
// the builder turns events into Values, expands aliases under a budget, maps
// CloudFormation tags, and reads the source text to find where each node ends.
#include "parsers/yaml/yaml.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <exception>
#include <istream>
#include <optional>
#include <streambuf>
#include <string>
#include <utility>

#include "parsers/common/loader_support.h"
#include "parsers/yaml/cfn_tags.h"
#include "parsers/yaml/scan.h"
#include "parsers/yaml/schema.h"

namespace kclint::yaml {
namespace {

using loader::npos;
constexpr std::string_view kStandardTag = "tag:yaml.org,2002:";

// Thrown by the builder after it recorded a fatal diagnostic; caught in parse().
struct Stop {};

// A std::istream source over the text, without copying it.
class ViewBuf final : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view s) {
    char* p = const_cast<char*>(s.data());  // the get area is only ever read
    setg(p, p, p + s.size());
  }
};

// A tag hidden from yaml-cpp (see parse()): `tag` is written at
// [tag_begin, tag_end) and belongs to the plain scalar at `content`.
struct Blank {
  std::size_t tag_begin, tag_end, content;
  std::string tag;
};

// A node being built: where its parts are in the source, and its tag.
struct Node {
  std::size_t start = 0;  // first property (tag, anchor), or the content
  LineIndex::Pos start_pos{1, 1};
  std::size_t content = 0;  // the content, after the properties
  std::size_t end = 0;
  std::size_t tag_begin = 0, tag_end = 0;  // the tag as written; empty when none
  std::string tag;  // as yaml-cpp gives it: "?" plain, "!" non-plain, "tag:yaml.org,2002:str", "!Ref"
  YAML::anchor_t anchor = 0;
  std::size_t produced_before = 0;
  std::size_t bytes_before = 0;
};

class Builder final : public YAML::EventHandler {
 public:
  Builder(FileId file, std::string_view text, const Options& options, const std::vector<Blank>& blanks,
          Diagnostics& diagnostics, Diagnostics& warnings)
      : text_(text),
        positions_(file, text),
        options_(options),
        max_values_(value_budget(options.limits, text.size())),
        max_alias_bytes_(alias_byte_budget(options.limits, text.size())),
        blanks_(blanks),
        diagnostics_(diagnostics),
        warnings_(warnings) {}

  // Tagged plain scalars seen so far (tag first, no anchor) that are not blanked yet.
  const std::vector<Blank>& tagged_plain() const { return tagged_plain_; }

  bool document_complete() const { return complete_; }
  Value take_document() {
    complete_ = false;
    return std::move(document_);
  }

  // Records a diagnostic for an error yaml-cpp reported at `mark`.
  void report(const YAML::Mark& mark, std::string message) {
    std::size_t at = offset(mark);
    std::size_t end = at < text_.size() && text_[at] != '\n' && text_[at] != '\r' ? at + 1 : at;
    diagnostics_.push_back({positions_.span(at, end), std::move(message)});
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    frames_.clear();
    anchors_.clear();
    document_ = Value();
    complete_ = false;
    produced_ = 0;
    bytes_ = alias_bytes_ = 0;
    last_end_ = offset(mark);
  }
  void OnDocumentEnd() override { complete_ = true; }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    bool has_props = offset(mark) < text_.size() && (text_[offset(mark)] == '!' || text_[offset(mark)] == '&');
    const Blank* blank = tag == "?" ? find_blank(offset(mark)) : nullptr;
    Node node = begin_node(mark, blank ? blank->tag : tag, anchor, has_props, /*cross_lines=*/!value.empty());
    bytes_ += value.size();
    if (blank) {
      node.start = node.tag_begin = blank->tag_begin;
      node.tag_end = blank->tag_end;
      node.start_pos = positions_.pos(node.start);
    }
    char c = node.content < text_.size() ? text_[node.content] : '\0';
    bool quoted = c == '"' || c == '\'';
    if (quoted) {
      node.end = scan::quoted_end(text_, node.content);
      if (node.end == npos) fail(node.content, node.content + 1, "invalid YAML: quoted scalar is not closed");
    } else if (c == '|' || c == '>') {
      node.end = scan::block_end(text_, node.content, value.find_first_not_of('\n') == std::string::npos);
    } else if (value.empty()) {
      node.content = node.end = node.tag_end > node.start ? node.tag_end : node.content;
    } else {
      node.end = scan::plain_end(text_, node.content, value);
      if (!blank && anchor == 0 && is_custom(tag) && node.tag_begin == node.start && node.tag_end > node.start)
        tagged_plain_.push_back(Blank{node.tag_begin, node.tag_end, node.content, tag});
    }
    if (key_position()) {
      add_key(value, node);
      return;
    }
    Value v;
    if (node.tag == "?") {
      v = resolve_plain(value);
    } else if (node.tag.starts_with(kStandardTag)) {
      v = resolve_standard(std::string_view(node.tag).substr(kStandardTag.size()), value);
    } else {
      v = Value::string(value);  // "!" (quoted or block) and local tags: the text as written
    }
    finish(std::move(v), node, quoted);
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    std::size_t at = offset(mark);
    bool has_props = anchor != 0 && at < text_.size() && text_[at] == '&';
    Node node = begin_node(mark, "?", anchor, has_props, /*cross_lines=*/false);
    std::size_t literal = scan::null_literal_end(text_, node.content);
    bool value_position = !frames_.empty() && frames_.back().is_map && frames_.back().has_key;
    if (literal != npos &&
        (has_props || (at >= last_end_ && !(value_position && scan::followed_by_colon(text_, literal))))) {
      node.end = literal;
    } else if (has_props) {
      node.content = node.end = node.tag_end > node.start ? node.tag_end : scan::properties(text_, at, false).end;
    } else {
      // An empty node: yaml-cpp marks the next token; put it after its indicator.
      node.start = node.content = node.end = scan::empty_node(text_, last_end_, at > last_end_ ? at : npos);
      node.start_pos = positions_.pos(node.start);
    }
    if (key_position()) {
      add_key(std::string(text_.substr(node.content, node.end - node.content)), node);
      return;
    }
    finish(Value::null(), node, false);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    std::size_t at = offset(mark);
    std::size_t end = scan::alias_end(text_, at);
    if (anchor >= anchors_.size() || !anchors_[anchor]) {
      fail(at, end,
           fmt::format("invalid YAML: alias {} refers to a node that contains it", text_.substr(at, end - at)));
    }
    const Anchored& target = *anchors_[anchor];
    count(target.count, at, /*alias=*/true);
    alias_bytes_ += target.bytes;
    bytes_ += target.bytes;
    if (alias_bytes_ > max_alias_bytes_)
      fail(at, end, fmt::format("YAML alias expansion exceeds {} bytes", max_alias_bytes_));
    if (key_position()) {
      Node node;
      node.start = node.content = at;
      node.start_pos = positions_.pos(at);
      node.end = end;
      add_key(target.value.is_string() ? *target.value.string_value() : target.value.describe(), node);
      return;
    }
    Value copy = target.value;
    copy.set_span(positions_.span(at, end));
    place(std::move(copy), end);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, style, /*is_map=*/false);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, style, /*is_map=*/true);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node node;
    bool is_map = false;
    bool bracketed = false;  // a flow collection written with its brackets
    bool is_key = false;     // the collection is itself a mapping key
    std::size_t last_end = 0;
    Value::List list;
    Value::Map map;
    loader::MemberLookup lookup;
    bool has_key = false;  // a key waits for its value
    std::string key;
    Span key_span;
    std::size_t replace = npos;  // the member a duplicate key overwrites
  };
  struct Anchored {
    Value value;
    std::size_t count;  // values in it, charged again at each alias
    std::size_t bytes;  // bytes of its scalars and keys, likewise
  };

  std::size_t offset(const YAML::Mark& mark) const {
    return mark.pos < 0 ? last_end_ : std::min(static_cast<std::size_t>(mark.pos), text_.size());
  }

  static bool is_custom(std::string_view tag) { return tag != "?" && tag != "!" && !tag.starts_with(kStandardTag); }

  const Blank* find_blank(std::size_t content) const {
    auto it = std::lower_bound(blanks_.begin(), blanks_.end(), content,
                               [](const Blank& b, std::size_t at) { return b.content < at; });
    return it != blanks_.end() && it->content == content ? &*it : nullptr;
  }

  bool key_position() const { return !frames_.empty() && frames_.back().is_map && !frames_.back().has_key; }

  [[noreturn]] void fail(std::size_t begin, std::size_t end, std::string message) {
    diagnostics_.push_back({positions_.span(begin, end), std::move(message)});
    throw Stop{};
  }

  void count(std::size_t n, std::size_t at, bool alias) {
    produced_ += n;
    if (produced_ <= max_values_) return;
    fail(at, at,
         alias || !anchors_.empty() ? fmt::format("YAML alias expansion exceeds {} values", max_values_)
                                    : fmt::format("YAML document exceeds {} values", max_values_));
  }

  Node begin_node(const YAML::Mark& mark, std::string_view tag, YAML::anchor_t anchor, bool has_props,
                  bool cross_lines) {
    Node node;
    node.start = node.content = node.end = node.tag_begin = node.tag_end = offset(mark);
    node.tag = tag;
    node.anchor = anchor;
    node.produced_before = produced_;
    node.bytes_before = bytes_;
    count(1, node.start, false);
    if (has_props) {
      scan::Properties p = scan::properties(text_, node.start, cross_lines);
      node.content = p.content;
      node.end = p.end;
      node.tag_begin = p.tag_begin;
      node.tag_end = p.tag_end;
    }
    node.start_pos = positions_.pos(node.start);
    return node;
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YAML::EmitterStyle::value style,
            bool is_map) {
    std::size_t at = offset(mark);
    if (frames_.size() >= options_.limits.max_depth)
      fail(at, at + 1, fmt::format("YAML nesting depth exceeds {}", options_.limits.max_depth));
    // Without a tag or anchor of its own, a block map's mark is its first key's, properties included.
    bool has_props = (tag != "?" || anchor != 0) && at < text_.size() && (text_[at] == '!' || text_[at] == '&');
    Frame f;
    f.node = begin_node(mark, tag, anchor, has_props, /*cross_lines=*/true);
    f.is_map = is_map;
    f.bracketed = style == YAML::EmitterStyle::Flow && f.node.content < text_.size() &&
                  text_[f.node.content] == (is_map ? '{' : '[');
    f.is_key = key_position();
    f.last_end = last_end_ = f.bracketed ? f.node.content + 1 : f.node.content;
    frames_.push_back(std::move(f));
  }

  void close() {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    f.node.end = f.last_end;
    if (f.bracketed) {
      std::size_t end = scan::flow_close(text_, f.last_end, f.is_map ? '}' : ']');
      if (end != npos) f.node.end = end;
    }
    if (f.is_key) {
      add_key(std::string(text_.substr(f.node.content, f.node.end - f.node.content)), f.node);
      return;
    }
    finish(f.is_map ? Value::map(std::move(f.map)) : Value::list(std::move(f.list)), f.node, false);
  }

  // Gives a complete node its span, applies its tag, remembers its anchor and
  // places it in its parent.
  void finish(Value v, const Node& node, bool quoted) {
    LineIndex::Pos content_pos = positions_.pos(node.content);
    LineIndex::Pos end_pos = positions_.pos(node.end);
    Span node_span = positions_.span(node.start_pos, end_pos);
    v.set_span(node_span);
    if (is_custom(node.tag) && options_.cfn_tags) {
      std::string_view long_form = cfn_long_form(node.tag);
      if (long_form.empty()) {
        std::string_view written = node.tag_end > node.tag_begin
                                       ? text_.substr(node.tag_begin, node.tag_end - node.tag_begin)
                                       : std::string_view(node.tag);
        diagnostics_.push_back(
            {positions_.span(node.tag_begin, node.tag_end), fmt::format("unknown tag \"{}\"", written)});
      } else {
        v.set_span(positions_.span(content_pos, end_pos));
        if (long_form == "Fn::GetAtt" && v.is_string()) v = split_get_att(std::move(v), node, quoted);
        Value::Map call;
        call.push_back(
            Value::Member{std::string(long_form), positions_.span(node.tag_begin, node.tag_end), std::move(v)});
        v = Value::map(std::move(call), node_span);
      }
    }
    remember(node, v);
    place(std::move(v), node.end);
  }

  // `!GetAtt Resource.Attribute` → [Resource, Attribute], split at the first dot.
  Value split_get_att(Value v, const Node& node, bool quoted) {
    const std::string& s = *v.string_value();
    std::size_t dot = s.find('.');
    Span whole = v.span();
    Value::List parts;
    if (dot == std::string::npos) {
      parts.push_back(std::move(v));
    } else {
      std::size_t at = node.content + (quoted ? 1 : 0);
      bool exact = text_.substr(at, s.size()) == s;  // no escapes or folding: parts have exact spans
      parts.push_back(Value::string(s.substr(0, dot), exact ? positions_.span(at, at + dot) : whole));
      parts.push_back(Value::string(s.substr(dot + 1), exact ? positions_.span(at + dot + 1, at + s.size()) : whole));
    }
    return Value::list(std::move(parts), whole);
  }

  void remember(const Node& node, const Value& v) {
    if (node.anchor == 0) return;
    std::size_t n = produced_ - node.produced_before;
    count(n, node.start, true);  // keeping a copy costs as much as making one
    if (anchors_.size() <= node.anchor) anchors_.resize(node.anchor + 1);
    anchors_[node.anchor] = Anchored{v, n, bytes_ - node.bytes_before};
  }

  void add_key(std::string key, const Node& node) {
    LineIndex::Pos begin = node.content == node.start ? node.start_pos : positions_.pos(node.content);
    Span span = positions_.span(begin, positions_.pos(node.end));
    if (node.anchor != 0) remember(node, Value::string(key, span));
    Frame& f = frames_.back();
    f.replace = f.lookup.find(f.map, key);
    if (f.replace != npos) {
      const Span& first = f.map[f.replace].key_span;
      warnings_.push_back({span, fmt::format("duplicate key \"{}\" (first at {}:{})", key, first.line, first.column)});
    }
    f.key = std::move(key);
    f.key_span = span;
    f.has_key = true;
    f.last_end = last_end_ = node.end;
  }

  void place(Value v, std::size_t end) {
    last_end_ = end;
    if (frames_.empty()) {
      document_ = std::move(v);
      return;
    }
    Frame& f = frames_.back();
    f.last_end = end;
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
    f.has_key = false;
  }

  std::string_view text_;
  loader::PositionMap positions_;
  const Options& options_;
  std::size_t max_values_;
  std::size_t max_alias_bytes_;
  const std::vector<Blank>& blanks_;  // sorted by content
  std::vector<Blank> tagged_plain_;
  Diagnostics& diagnostics_;
  Diagnostics& warnings_;
  std::vector<Frame> frames_;
  std::vector<std::optional<Anchored>> anchors_;  // by yaml-cpp anchor id
  Value document_;
  bool complete_ = false;
  std::size_t produced_ = 0;
  std::size_t bytes_ = 0;        // scalar and key bytes in the document so far, alias copies included
  std::size_t alias_bytes_ = 0;  // of which copied by aliases
  std::size_t last_end_ = 0;  // end of the last node or key, for placing empty nodes
};

// Parses the documents of `text` (only the first when `first_only`) until the
// stream ends or a fatal error.
//
// yaml-cpp 0.7 rejects a tagged plain scalar whose continuation lines are
// indented no deeper than its tag (`- !Sub a\n  b`, `key:\n  !Sub a\n  b`),
// which real templates contain. When a parse fails, the tagged plain scalars
// it saw are hidden from yaml-cpp by overwriting their tags with spaces (same
// offsets, same structure) and the builder applies them itself; then it parses
// again. A few rounds make progress past each such scalar.
StreamResult parse(FileId file, std::string_view text, const Options& options, bool first_only) {
  constexpr int kMaxRounds = 8;
  StreamResult result;
  text = loader::strip_bom(text);
  if (auto bad = loader::check_encoding(file, text, "YAML")) {
    result.diagnostics.push_back(std::move(*bad));
    return result;
  }
  std::vector<Blank> blanks;
  std::string patched;
  for (int round = 1;; ++round) {
    StreamResult attempt;
    Builder builder(file, text, options, blanks, attempt.diagnostics, attempt.warnings);
    try {
      ViewBuf buffer(blanks.empty() ? text : std::string_view(patched));
      std::istream in(&buffer);
      YAML::Parser parser(in);
      while (parser.HandleNextDocument(builder)) {
        attempt.documents.push_back(builder.take_document());
        if (first_only) break;
      }
    } catch (const Stop&) {
    } catch (const YAML::Exception& e) {
      if (first_only && builder.document_complete()) {
        // Scanning just past the first document tripped on the second one,
        // which is not ours to read.
        attempt.documents.push_back(builder.take_document());
      } else if (!builder.tagged_plain().empty() && round < kMaxRounds) {
        for (const Blank& b : builder.tagged_plain()) blanks.push_back(b);
        std::sort(blanks.begin(), blanks.end(), [](const Blank& a, const Blank& b) { return a.content < b.content; });
        patched.assign(text);
        for (const Blank& b : blanks) std::fill(patched.begin() + b.tag_begin, patched.begin() + b.tag_end, ' ');
        continue;
      } else if (dynamic_cast<const YAML::DeepRecursion*>(&e)) {
        builder.report(e.mark, fmt::format("YAML nesting depth exceeds {}", options.limits.max_depth));
      } else {
        builder.report(e.mark, "invalid YAML: " + e.msg);
      }
    } catch (const std::exception& e) {
      attempt.diagnostics.push_back({Span{file, 1, 1, 1, 1}, fmt::format("YAML could not be loaded: {}", e.what())});
    }
    return attempt;
  }
}

}  // namespace

LoadResult load(FileId file, std::string_view text, const Options& options) {
  StreamResult stream = parse(file, text, options, /*first_only=*/true);
  LoadResult result{Value(), std::move(stream.diagnostics), std::move(stream.warnings)};
  if (!stream.documents.empty()) result.value = std::move(stream.documents.front());
  return result;
}

StreamResult load_all(FileId file, std::string_view text, const Options& options) {
  return parse(file, text, options, /*first_only=*/false);
}

}  // namespace kclint::yaml

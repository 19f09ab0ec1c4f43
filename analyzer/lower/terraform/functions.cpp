// Terraform's built-in functions, evaluated statically. A function whose
// deciding argument is Unknown returns Unknown with the call's source text;
// file() and templatefile() read local files inside the project root only.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <set>

#include <fmt/format.h>
#include <re2/re2.h>

#include "analyzer/lower/terraform/eval.h"
#include "parsers/hcl/parser.h"
#include "parsers/json/json.h"

namespace kclint::tf {

namespace {

std::string lower_str(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::optional<std::uint32_t> parse_ipv4(std::string_view s) {
  std::uint32_t out = 0;
  int parts = 0;
  std::size_t pos = 0;
  while (parts < 4) {
    std::size_t dot = s.find('.', pos);
    std::string_view part = s.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    if (part.empty() || part.size() > 3) return std::nullopt;
    unsigned v = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + unsigned(c - '0');
    }
    if (v > 255) return std::nullopt;
    out = (out << 8) | v;
    ++parts;
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  if (parts != 4) return std::nullopt;
  return out;
}

std::string ipv4_text(std::uint32_t a) {
  return fmt::format("{}.{}.{}.{}", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
}

// Terraform's format verbs: %s %d %f %q %v %t %% with optional flags/width/precision.
std::optional<std::string> format_string(std::string_view f, const std::vector<Value>& args, std::size_t first) {
  std::string out;
  std::size_t next = first;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') {
      out += f[i];
      continue;
    }
    if (i + 1 < f.size() && f[i + 1] == '%') {
      out += '%';
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    std::string spec;
    while (j < f.size() && std::strchr("+- #0123456789.", f[j])) spec += f[j++];
    if (j >= f.size() || next >= args.size()) return std::nullopt;
    char verb = f[j];
    const Value& a = args[next++];
    std::string text;
    switch (verb) {
      case 'd': {
        std::optional<double> d = a.as_number();
        if (!d) return std::nullopt;
        text = fmt::format(fmt::runtime("{:" + std::string(spec.find('0') == 0 ? "0" : "") +
                                        (spec.find('0') == 0 ? spec.substr(1) : spec) + "d}"),
                           static_cast<long long>(*d));
        break;
      }
      case 'f':
      case 'g':
      case 'e': {
        std::optional<double> d = a.as_number();
        if (!d) return std::nullopt;
        text = fmt::format(fmt::runtime("{:" + spec + verb + "}"), *d);
        break;
      }
      case 'q': {
        std::optional<std::string> s = a.as_text();
        if (!s) return std::nullopt;
        text = "\"" + *s + "\"";
        break;
      }
      case 's':
      case 'v':
      case 't': {
        std::optional<std::string> s = a.as_text();
        if (!s) return std::nullopt;
        text = *s;
        std::size_t width = 0;
        bool left = spec.find('-') != std::string::npos;
        for (char c : spec)
          if (c >= '0' && c <= '9') width = width * 10 + std::size_t(c - '0');
        if (text.size() < width) text = left ? text + std::string(width - text.size(), ' ') : std::string(width - text.size(), ' ') + text;
        break;
      }
      default: return std::nullopt;
    }
    out += text;
    i = j;
  }
  return out;
}

void flatten_into(const Value& v, Value::List& out, int depth) {
  if (const Value::List* l = v.list_value(); l && depth < 64) {
    for (const Value& e : *l) flatten_into(e, out, depth + 1);
  } else {
    out.push_back(v);
  }
}

// replace() with a "/regex/" pattern: Go's regexp syntax (which RE2 reads) and
// Go's replacement template ($1, ${1}, ${name}, $$). Nullopt when the pattern
// does not compile.
std::optional<std::string> regex_replace(const std::string& str, std::string_view pattern, std::string_view with) {
  RE2::Options options;
  options.set_log_errors(false);
  RE2 re(pattern, options);
  if (!re.ok()) return std::nullopt;
  const int groups = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> match(static_cast<std::size_t>(groups) + 1);
  auto group_index = [&](std::string_view name) -> int {
    if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return name.size() < 6 ? std::atoi(std::string(name).c_str()) : -1;
    auto it = re.NamedCapturingGroups().find(std::string(name));
    return it == re.NamedCapturingGroups().end() ? -1 : it->second;
  };
  auto expand = [&](std::string& out) {
    for (std::size_t i = 0; i < with.size(); ++i) {
      if (with[i] != '$' || i + 1 >= with.size()) {
        out += with[i];
        continue;
      }
      if (with[i + 1] == '$') {
        out += '$';
        ++i;
        continue;
      }
      std::string_view name;
      std::size_t end = i + 1;
      if (with[end] == '{') {
        std::size_t close = with.find('}', end);
        if (close == std::string_view::npos) {
          out += with[i];
          continue;
        }
        name = with.substr(end + 1, close - end - 1);
        end = close + 1;
      } else {
        while (end < with.size() && (std::isalnum(static_cast<unsigned char>(with[end])) || with[end] == '_')) ++end;
        name = with.substr(i + 1, end - i - 1);
        if (name.empty()) {
          out += with[i];
          continue;
        }
      }
      int g = group_index(name);
      if (g >= 0 && g <= groups && match[static_cast<std::size_t>(g)].data())
        out.append(match[static_cast<std::size_t>(g)].data(), match[static_cast<std::size_t>(g)].size());
      i = end - 1;
    }
  };
  std::string out;
  std::size_t pos = 0;
  bool last_empty_at = false;  // an empty match may not follow a match ending at the same place
  while (pos <= str.size()) {
    if (!re.Match(str, pos, str.size(), RE2::UNANCHORED, match.data(), groups + 1)) break;
    std::size_t begin = static_cast<std::size_t>(match[0].data() - str.data());
    std::size_t end = begin + match[0].size();
    if (match[0].empty() && last_empty_at && begin == pos) {
      if (pos >= str.size()) break;
      std::size_t next = pos + 1;  // one UTF-8 character on
      while (next < str.size() && (static_cast<unsigned char>(str[next]) & 0xC0) == 0x80) ++next;
      out.append(str, pos, next - pos);
      pos = next;
      last_empty_at = false;
      continue;
    }
    out.append(str, pos, begin - pos);
    expand(out);
    pos = end;
    last_empty_at = true;
    if (match[0].empty()) {
      if (pos >= str.size()) break;
      std::size_t next = pos + 1;
      while (next < str.size() && (static_cast<unsigned char>(str[next]) & 0xC0) == 0x80) ++next;
      out.append(str, pos, next - pos);
      pos = next;
      last_empty_at = false;
    }
  }
  if (pos < str.size()) out.append(str, pos, std::string::npos);
  return out;
}

// yamlencode(): YAML in the block style Terraform prints (keys sorted, every
// string and key double-quoted, sequences not indented under their key).
// Nullopt when a value inside is not known.
bool yaml_scalar(const Value& v, std::string& out) {
  switch (v.type()) {
    case Value::Type::Null: out += "null"; return true;
    case Value::Type::Bool:
    case Value::Type::Number: out += *v.as_text(); return true;
    case Value::Type::String: {
      out += '"';
      for (unsigned char c : *v.string_value()) {
        switch (c) {
          case '"': out += "\\\""; break;
          case '\\': out += "\\\\"; break;
          case '\n': out += "\\n"; break;
          case '\t': out += "\\t"; break;
          case '\r': out += "\\r"; break;
          default:
            if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02X}", static_cast<unsigned>(c));
            else out += static_cast<char>(c);
        }
      }
      out += '"';
      return true;
    }
    default: return false;
  }
}

bool yaml_block(const Value& v, int indent, std::string& out, int depth) {
  if (depth > 64) return false;
  std::string pad(static_cast<std::size_t>(indent), ' ');
  if (const Value::List* l = v.list_value()) {
    for (const Value& e : *l) {
      out += pad + "- ";
      if ((e.is_list() && !e.list_value()->empty()) || (e.is_map() && !e.map_value()->empty())) {
        // The first line of a nested block goes after "- ", the rest under it.
        std::string inner;
        if (!yaml_block(e, indent + 2, inner, depth + 1)) return false;
        out += inner.substr(static_cast<std::size_t>(indent) + 2);
      } else {
        if (e.is_list()) out += "[]";
        else if (e.is_map()) out += "{}";
        else if (!yaml_scalar(e, out)) return false;
        out += '\n';
      }
    }
    return true;
  }
  if (v.is_map()) {
    for (const Value::Member* m : sorted_members(v)) {
      out += pad;
      yaml_scalar(Value::string(m->key), out);
      out += ':';
      const Value& e = m->value;
      if (e.is_list() && !e.list_value()->empty()) {
        out += '\n';
        if (!yaml_block(e, indent, out, depth + 1)) return false;
      } else if (e.is_map() && !e.map_value()->empty()) {
        out += '\n';
        if (!yaml_block(e, indent + 2, out, depth + 1)) return false;
      } else {
        out += ' ';
        if (e.is_list()) out += "[]";
        else if (e.is_map()) out += "{}";
        else if (!yaml_scalar(e, out)) return false;
        out += '\n';
      }
    }
    return true;
  }
  return false;
}

std::optional<std::string> yaml_encode(const Value& v) {
  std::string out;
  if (v.is_list() && v.list_value()->empty()) return std::string("[]\n");
  if (v.is_map() && v.map_value()->empty()) return std::string("{}\n");
  if (v.is_list() || v.is_map()) {
    if (!yaml_block(v, 0, out, 0)) return std::nullopt;
    return out;
  }
  if (!yaml_scalar(v, out)) return std::nullopt;
  return out + "\n";
}

}  // namespace

Value Engine::templatefile(const hcl::Expr& e, const std::string& text, const Value& vars, Ctx& ctx, int depth) {
  (void)ctx;
  // The template text is parsed as the body of a heredoc, which has exactly
  // the syntax of a template file.
  std::string marker = "KCLINT_TEMPLATE_EOT";
  std::string src = "t = <<" + marker + "\n" + text + (text.empty() || text.back() == '\n' ? "" : "\n") + marker + "\n";
  FileId id = FileId(0x40000000u + synthetic_.size());
  hcl::ParseResult parsed = hcl::parse(id, src, hcl::ParseMode::Tfvars);
  if (!parsed.ok()) return Value::unknown(source_text(e), e.span);
  auto file = std::make_unique<hcl::File>(std::move(parsed.file));
  const hcl::Attribute* a = file->body.attribute("t");
  synthetic_.push_back(std::move(file));
  if (!a) return Value::unknown(source_text(e), e.span);
  Ctx t;
  for (const Value::Member& m : *vars.map_value()) t.names.emplace_back(m.key, m.value);
  Value v = eval(*a->expr, t, depth + 1);
  if (v.is_unknown()) return Value::unknown(source_text(e), e.span);
  if (std::string* s = const_cast<std::string*>(v.string_value()); s && !text.empty() && text.back() != '\n' &&
                                                                   !s->empty() && s->back() == '\n')
    s->pop_back();
  respan(v, e.span);
  return v;
}

Value Engine::call(const hcl::Expr& e, const hcl::Call& c, Ctx& ctx, int depth) {
  std::string_view name = c.name;
  if (std::size_t ns = name.rfind("::"); ns != std::string_view::npos) name = name.substr(ns + 2);
  Span s = e.span;
  auto unknown = [&]() { return Value::unknown(source_text(e), s); };

  if (name == "try") {
    for (const hcl::Expr* a : c.args) {
      bool saved = ctx.error;
      ctx.error = false;
      Value v = eval(*a, ctx, depth + 1);
      bool failed = ctx.error;
      ctx.error = saved;
      if (!failed) return v;
    }
    ctx.error = true;
    return unknown();
  }
  if (name == "can") {
    if (c.args.size() != 1) return unknown();
    bool saved = ctx.error;
    ctx.error = false;
    Value v = eval(*c.args[0], ctx, depth + 1);
    bool failed = ctx.error;
    ctx.error = saved;
    if (failed) return Value::boolean(false, s);
    if (v.is_unknown()) return unknown();
    return Value::boolean(true, s);
  }

  std::vector<Value> args;
  for (std::size_t i = 0; i < c.args.size(); ++i) {
    Value v = eval(*c.args[i], ctx, depth + 1);
    if (c.expand_final && i + 1 == c.args.size()) {
      if (const Value::List* l = v.list_value()) {
        for (const Value& x : *l) args.push_back(x);
        continue;
      }
      return unknown();
    }
    args.push_back(std::move(v));
  }
  auto fail = [&]() {
    ctx.error = true;
    return unknown();
  };
  auto any_unknown = [&](std::size_t from = 0) {
    for (std::size_t i = from; i < args.size(); ++i)
      if (args[i].is_unknown() || args[i].is_reference()) return true;
    return false;
  };
  auto all_concrete = [&]() {
    for (const Value& a : args) {
      if (!a.is_concrete()) return false;
      if (a.string_value() && has_placeholder(*a.string_value())) return false;
    }
    return true;
  };
  auto text = [&](std::size_t i) -> std::optional<std::string> {
    if (i >= args.size()) return std::nullopt;
    if (args[i].is_list() || args[i].is_map()) return render_json(args[i]);  // a jsonencode() result
    return args[i].as_text();
  };
  auto num = [&](std::size_t i) -> std::optional<double> { return i < args.size() ? args[i].as_number() : std::nullopt; };

  // --- encoding ---
  if (name == "jsonencode") {
    // Kept as the structure it encodes (spans intact); consumers of JSON
    // strings (policies, container definitions) accept either form.
    if (args.size() != 1) return fail();
    return args[0];
  }
  if (name == "jsondecode") {
    if (args.size() != 1) return fail();
    if (args[0].is_list() || args[0].is_map()) return args[0];
    const std::string* str = args[0].string_value();
    if (!str) return unknown();
    LoadResult r = json::load(kNoFile, *str);
    if (!r.diagnostics.empty()) return fail();
    respan(r.value, args[0].span().valid() ? args[0].span() : s);
    return r.value;
  }
  if (name == "yamlencode") {
    if (args.size() != 1) return fail();
    if (!all_concrete()) return unknown();
    std::optional<std::string> yaml = yaml_encode(args[0]);
    return yaml ? Value::string(std::move(*yaml), s) : unknown();
  }
  if (name == "base64encode" || name == "base64decode" || name == "md5" || name == "sha1" ||
      name == "sha256" || name == "uuid" || name == "timestamp" || name == "filebase64" || name == "filemd5" ||
      name == "filesha256" || name == "bcrypt")
    return unknown();

  // --- files ---
  if (name == "file" || name == "templatefile" || name == "fileexists") {
    if (args.empty()) return fail();
    const std::string* p = args[0].string_value();
    if (!p || has_placeholder(*p)) return unknown();
    std::optional<std::string> rel = resolve_path(ctx.mod, *p);
    Span reading = name == "fileexists" ? Span{} : s;
    std::optional<std::string> content = rel ? read_project_file(*rel, reading) : std::nullopt;
    if (name == "fileexists") return Value::boolean(content.has_value(), s);
    if (!content) return unknown();
    // Reading and parsing cost steps by size: a file() in a loop must not fill memory.
    if (!spend(s, content->size() / 64)) return unknown();
    if (name == "file") return Value::string(std::move(*content), s);
    Value vars = args.size() > 1 && args[1].is_map() ? args[1] : Value::map({});
    return templatefile(e, *content, vars, ctx, depth);
  }

  // --- collections ---
  if (name == "length") {
    if (args.size() != 1) return fail();
    if (const Value::List* l = args[0].list_value()) return Value::number(double(l->size()), s);
    if (const Value::Map* m = args[0].map_value()) return Value::number(double(m->size()), s);
    if (const std::string* str = args[0].string_value()) {
      if (has_placeholder(*str)) return unknown();
      std::size_t n = 0;
      for (unsigned char ch : *str) n += (ch & 0xC0) != 0x80;
      return Value::number(double(n), s);
    }
    return args[0].is_null() ? fail() : unknown();
  }
  if (name == "merge") {
    Value out = Value::map({}, s);
    for (const Value& a : args) {
      if (a.is_null()) continue;
      if (!a.is_map()) return a.is_unknown() || a.is_reference() ? unknown() : fail();
      for (const Value::Member& m : *a.map_value()) out.set(m.key, m.value, m.key_span);
    }
    return out;
  }
  if (name == "concat") {
    Value::List out;
    for (const Value& a : args) {
      if (!a.is_list()) return a.is_unknown() || a.is_reference() ? unknown() : fail();
      out.insert(out.end(), a.list_value()->begin(), a.list_value()->end());
    }
    return Value::list(std::move(out), s);
  }
  if (name == "flatten") {
    if (args.size() != 1) return fail();
    if (!args[0].is_list()) return unknown();
    Value::List out;
    for (const Value& x : *args[0].list_value()) {
      if (x.is_unknown()) return unknown();
      flatten_into(x, out, 0);
    }
    return Value::list(std::move(out), s);
  }
  if (name == "distinct" || name == "toset" || name == "compact") {
    if (args.size() != 1) return fail();
    if (!args[0].is_list()) return args[0].is_map() && name == "toset" ? fail() : unknown();
    Value::List out;
    for (const Value& x : *args[0].list_value()) {
      if (name == "compact" && (x.is_null() || (x.string_value() && x.string_value()->empty()))) continue;
      bool seen = false;
      for (const Value& y : out) seen = seen || (x.is_concrete() && values_equal(x, y));
      if (!seen) out.push_back(x);
    }
    if (name == "toset" && std::all_of(out.begin(), out.end(), [](const Value& v) { return v.is_string(); }))
      std::stable_sort(out.begin(), out.end(),
                       [](const Value& a, const Value& b) { return *a.string_value() < *b.string_value(); });
    return Value::list(std::move(out), s);
  }
  if (name == "tolist") {
    if (args.size() != 1) return fail();
    return args[0].is_list() ? args[0] : unknown();
  }
  if (name == "tomap") {
    if (args.size() != 1) return fail();
    return args[0].is_map() ? args[0] : unknown();
  }
  if (name == "lookup") {
    if (args.size() < 2) return fail();
    if (!args[0].is_map()) return unknown();
    std::optional<std::string> key = args[1].as_text();
    if (!key) return unknown();
    if (const Value* v = args[0].get(*key)) return *v;
    if (args.size() > 2) return args[2];
    return fail();
  }
  if (name == "element") {
    if (args.size() != 2) return fail();
    std::optional<double> i = num(1);
    if (args[0].is_unknown() && i) return Value::unknown(*args[0].unknown_source() + "[" + number_text(*i) + "]", s);
    const Value::List* l = args[0].list_value();
    if (!l || !i) return unknown();
    if (l->empty()) return fail();
    long long n = static_cast<long long>(*i) % static_cast<long long>(l->size());
    return (*l)[std::size_t(n < 0 ? n + (long long)l->size() : n)];
  }
  if (name == "slice") {
    if (args.size() != 3) return fail();
    std::optional<double> from = num(1), to = num(2);
    if (!from || !to || *from < 0 || *to < *from) return unknown();
    if (args[0].is_unknown()) {
      // slice(data.aws_availability_zones.x.names, 0, 3): one distinct Unknown per index
      Value::List out;
      for (double i = *from; i < *to && i < *from + 64; ++i)
        out.push_back(Value::unknown(*args[0].unknown_source() + "[" + number_text(i) + "]", s));
      return Value::list(std::move(out), s);
    }
    const Value::List* l = args[0].list_value();
    if (!l) return unknown();
    if (*to > double(l->size())) return fail();
    return Value::list(Value::List(l->begin() + std::ptrdiff_t(*from), l->begin() + std::ptrdiff_t(*to)), s);
  }
  if (name == "keys" || name == "values") {
    if (args.size() != 1) return fail();
    if (!args[0].is_map()) return unknown();
    Value::List out;
    for (const Value::Member* m : sorted_members(args[0]))
      out.push_back(name == "keys" ? Value::string(m->key, m->key_span) : m->value);
    return Value::list(std::move(out), s);
  }
  if (name == "contains") {
    if (args.size() != 2) return fail();
    if (!args[0].is_list() || !args[1].is_concrete()) return unknown();
    bool unsure = false;
    for (const Value& x : *args[0].list_value()) {
      if (!x.is_concrete()) unsure = true;
      else if (values_equal(x, args[1])) return Value::boolean(true, s);
    }
    return unsure ? unknown() : Value::boolean(false, s);
  }
  if (name == "index") {
    if (args.size() != 2 || !args[0].is_list() || !args[1].is_concrete()) return unknown();
    const Value::List& l = *args[0].list_value();
    for (std::size_t i = 0; i < l.size(); ++i)
      if (values_equal(l[i], args[1])) return Value::number(double(i), s);
    return fail();
  }
  if (name == "coalesce") {
    for (const Value& a : args) {
      if (a.is_unknown() || a.is_reference()) return a.is_reference() ? a : unknown();
      if (a.is_null() || (a.string_value() && a.string_value()->empty())) continue;
      return a;
    }
    return fail();
  }
  if (name == "coalescelist") {
    for (const Value& a : args) {
      if (!a.is_list()) return unknown();
      if (!a.list_value()->empty()) return a;
    }
    return Value::list({}, s);
  }
  if (name == "one") {
    if (args.size() != 1) return fail();
    if (args[0].is_null()) return Value::null(s);
    const Value::List* l = args[0].list_value();
    if (!l) return unknown();
    if (l->empty()) return Value::null(s);
    if (l->size() == 1) return (*l)[0];
    return fail();
  }
  if (name == "zipmap") {
    if (args.size() != 2 || !args[0].is_list() || !args[1].is_list()) return unknown();
    const Value::List& k = *args[0].list_value();
    const Value::List& v = *args[1].list_value();
    if (k.size() != v.size()) return fail();
    Value out = Value::map({}, s);
    for (std::size_t i = 0; i < k.size(); ++i) {
      std::optional<std::string> key = k[i].as_text();
      if (!key) return unknown();
      out.set(*key, v[i], k[i].span());
    }
    return out;
  }
  if (name == "range") {
    if (!all_concrete() || args.empty() || args.size() > 3) return unknown();
    double start = 0, end = 0, step = 1;
    if (args.size() == 1) end = *num(0);
    else start = num(0).value_or(0), end = num(1).value_or(0);
    if (args.size() == 3) step = num(2).value_or(1);
    if (step == 0) return fail();
    Value::List out;
    for (double i = start; (step > 0 ? i < end : i > end) && out.size() < 1024; i += step) out.push_back(Value::number(i, s));
    return Value::list(std::move(out), s);
  }
  if (name == "reverse") {
    if (args.size() != 1 || !args[0].is_list()) return unknown();
    Value::List l = *args[0].list_value();
    std::reverse(l.begin(), l.end());
    return Value::list(std::move(l), s);
  }
  if (name == "sort") {
    if (!all_concrete() || args.size() != 1 || !args[0].is_list()) return unknown();
    Value::List l = *args[0].list_value();
    std::stable_sort(l.begin(), l.end(), [](const Value& a, const Value& b) { return a.as_text() < b.as_text(); });
    return Value::list(std::move(l), s);
  }
  if (name == "setproduct") {
    if (!all_concrete()) return unknown();
    Value::List acc{Value::list({}, s)};
    for (const Value& a : args) {
      if (!a.is_list()) return fail();
      Value::List next;
      for (const Value& prefix : acc)
        for (const Value& x : *a.list_value()) {
          Value::List p = *prefix.list_value();
          p.push_back(x);
          next.push_back(Value::list(std::move(p), s));
          if (next.size() > 4096) return unknown();
        }
      acc = std::move(next);
    }
    return Value::list(std::move(acc), s);
  }
  if (name == "sum") {
    if (args.size() != 1 || !args[0].is_list()) return unknown();
    double total = 0;
    for (const Value& x : *args[0].list_value()) {
      std::optional<double> d = x.as_number();
      if (!d) return unknown();
      total += *d;
    }
    return Value::number(total, s);
  }

  // --- numbers ---
  if (name == "min" || name == "max") {
    std::vector<Value> nums = args;
    if (nums.empty()) return fail();
    double best = 0;
    for (std::size_t i = 0; i < nums.size(); ++i) {
      std::optional<double> d = nums[i].as_number();
      if (!d) return unknown();
      if (i == 0 || (name == "min" ? *d < best : *d > best)) best = *d;
    }
    return Value::number(best, s);
  }
  if (name == "abs" || name == "ceil" || name == "floor" || name == "tonumber" || name == "signum") {
    if (args.size() != 1) return fail();
    if (args[0].is_null() && name == "tonumber") return Value::null(s);
    std::optional<double> d = num(0);
    if (!d) return args[0].is_string() && !has_placeholder(*args[0].string_value()) ? fail() : unknown();
    if (name == "abs") return Value::number(std::fabs(*d), s);
    if (name == "ceil") return Value::number(std::ceil(*d), s);
    if (name == "floor") return Value::number(std::floor(*d), s);
    if (name == "signum") return Value::number(*d > 0 ? 1 : (*d < 0 ? -1 : 0), s);
    return Value::number(*d, s);
  }
  if (name == "tobool") {
    if (args.size() != 1) return fail();
    std::optional<bool> b = args[0].as_bool();
    return b ? Value::boolean(*b, s) : unknown();
  }

  // --- strings ---
  if (name == "tostring") {
    if (args.size() != 1) return fail();
    if (args[0].is_null()) return Value::null(s);
    if (args[0].is_string()) return args[0];
    std::optional<std::string> t = args[0].as_text();
    return t ? Value::string(*t, s) : unknown();
  }
  if (any_unknown()) return unknown();
  if (name == "format") {
    std::optional<std::string> f = text(0);
    if (!f || !all_concrete()) return unknown();
    std::optional<std::string> out = format_string(*f, args, 1);
    return out ? Value::string(*out, s) : fail();
  }
  if (name == "formatlist") {
    std::optional<std::string> f = text(0);
    if (!f || !all_concrete()) return unknown();
    std::size_t n = 0;
    bool any_list = false;
    for (std::size_t i = 1; i < args.size(); ++i)
      if (const Value::List* l = args[i].list_value()) n = any_list ? std::min(n, l->size()) : l->size(), any_list = true;
    Value::List out;
    for (std::size_t k = 0; k < n; ++k) {
      std::vector<Value> row{args[0]};
      for (std::size_t i = 1; i < args.size(); ++i) row.push_back(args[i].is_list() ? (*args[i].list_value())[k] : args[i]);
      std::optional<std::string> t = format_string(*f, row, 1);
      if (!t) return fail();
      out.push_back(Value::string(*t, s));
    }
    return Value::list(std::move(out), s);
  }
  if (name == "join") {
    std::optional<std::string> sep = text(0);
    if (!sep) return unknown();
    std::string out;
    bool first = true;
    for (std::size_t i = 1; i < args.size(); ++i) {
      if (!args[i].is_list()) return unknown();
      for (const Value& x : *args[i].list_value()) {
        std::string part;
        if (std::optional<std::string> t = x.as_text()) part = *t;
        else if (x.is_null()) continue;
        else part = placeholder(x);
        out += (first ? "" : *sep) + part;
        first = false;
      }
    }
    return Value::string(std::move(out), s);
  }
  if (name == "split") {
    std::optional<std::string> sep = text(0), str = text(1);
    if (!sep || !str || sep->empty()) return unknown();
    Value::List out;
    std::size_t pos = 0;
    while (true) {
      std::size_t at = str->find(*sep, pos);
      out.push_back(Value::string(str->substr(pos, at == std::string::npos ? std::string::npos : at - pos), s));
      if (at == std::string::npos) break;
      pos = at + sep->size();
    }
    return Value::list(std::move(out), s);
  }
  if (name == "replace") {
    std::optional<std::string> str = text(0), from = text(1), to = text(2);
    if (!str || !from || !to) return unknown();
    if (from->size() > 1 && from->front() == '/' && from->back() == '/') {  // a regular expression
      std::optional<std::string> out = regex_replace(*str, std::string_view(*from).substr(1, from->size() - 2), *to);
      return out ? Value::string(std::move(*out), s) : fail();
    }
    if (from->empty()) return Value::string(*str, s);
    std::string out;
    std::size_t pos = 0;
    while (true) {
      std::size_t at = str->find(*from, pos);
      if (at == std::string::npos) break;
      out.append(*str, pos, at - pos);
      out += *to;
      pos = at + from->size();
    }
    out.append(*str, pos, std::string::npos);
    return Value::string(std::move(out), s);
  }
  if (name == "lower" || name == "upper" || name == "trimspace" || name == "chomp" || name == "title") {
    std::optional<std::string> str = text(0);
    if (!str) return unknown();
    std::string out = *str;
    if (name == "lower") out = lower_str(out);
    else if (name == "upper")
      for (char& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    else if (name == "trimspace") out = trim(out);
    else if (name == "chomp")
      while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    else
      for (std::size_t i = 0; i < out.size(); ++i)
        if (i == 0 || out[i - 1] == ' ') out[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[i])));
    return Value::string(std::move(out), s);
  }
  if (name == "trimprefix" || name == "trimsuffix" || name == "trim" || name == "startswith" || name == "endswith" ||
      name == "strcontains") {
    std::optional<std::string> str = text(0), arg = text(1);
    if (!str || !arg) return unknown();
    if (name == "trimprefix")
      return Value::string(str->rfind(*arg, 0) == 0 ? str->substr(arg->size()) : *str, s);
    bool ends = str->size() >= arg->size() && str->compare(str->size() - arg->size(), arg->size(), *arg) == 0;
    if (name == "trimsuffix") return Value::string(ends ? str->substr(0, str->size() - arg->size()) : *str, s);
    if (name == "startswith") return Value::boolean(str->rfind(*arg, 0) == 0, s);
    if (name == "endswith") return Value::boolean(ends, s);
    if (name == "strcontains") return Value::boolean(str->find(*arg) != std::string::npos, s);
    std::size_t b = str->find_first_not_of(*arg);
    if (b == std::string::npos) return Value::string("", s);
    std::size_t en = str->find_last_not_of(*arg);
    return Value::string(str->substr(b, en - b + 1), s);
  }
  if (name == "substr") {
    std::optional<std::string> str = text(0);
    std::optional<double> off = num(1), len = num(2);
    if (!str || !off || !len) return unknown();
    long long o = static_cast<long long>(*off), n = static_cast<long long>(*len);
    if (o < 0) o += static_cast<long long>(str->size());
    if (o < 0 || o > static_cast<long long>(str->size())) return fail();
    return Value::string(str->substr(std::size_t(o), n < 0 ? std::string::npos : std::size_t(n)), s);
  }
  if (name == "cidrsubnet" || name == "cidrhost" || name == "cidrnetmask") {
    std::optional<std::string> prefix = text(0);
    if (!prefix) return unknown();
    std::size_t slash = prefix->find('/');
    if (slash == std::string::npos) return fail();
    std::optional<std::uint32_t> addr = parse_ipv4(std::string_view(*prefix).substr(0, slash));
    if (!addr) return unknown();  // IPv6 is not evaluated
    int bits = std::atoi(prefix->c_str() + slash + 1);
    if (bits < 0 || bits > 32) return fail();
    std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t(0) << (32 - bits);
    std::uint32_t net = *addr & mask;
    if (name == "cidrnetmask") return Value::string(ipv4_text(mask), s);
    if (name == "cidrhost") {
      std::optional<double> host = num(1);
      if (!host) return unknown();
      return Value::string(ipv4_text(net + std::uint32_t(static_cast<long long>(*host))), s);
    }
    std::optional<double> newbits = num(1), netnum = num(2);
    if (!newbits || !netnum) return unknown();
    int nb = int(*newbits);
    if (nb < 0 || bits + nb > 32 || *netnum < 0 || *netnum >= std::ldexp(1.0, nb)) return fail();
    std::uint32_t sub = nb == 0 ? net : net | (std::uint32_t(*netnum) << (32 - bits - nb));
    return Value::string(ipv4_text(sub) + "/" + std::to_string(bits + nb), s);
  }
  return unknown();
}

}  // namespace kclint::tf

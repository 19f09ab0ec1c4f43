// GitHub Actions workflows and composite actions (action.yml) → IR: one
// ci.workflow / ci.action, a ci.job per job and a ci.step per step, with Needs
// edges between jobs. Run scripts are split into physical lines and logical
// commands, each with the span where it is written, so rules can point inside
// a script.
#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "analyzer/lower/lower.h"
#include "parsers/yaml/yaml.h"

namespace kclint {

namespace {

constexpr std::size_t npos = std::string_view::npos;

std::uint32_t code_points(std::string_view s) {
  std::uint32_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

std::string_view trim(std::string_view s) {
  s = trim_left(s);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A value whose text holds `${{ … }}` is only known when the workflow runs.
Value expression_aware(const Value& v) {
  if (const std::string* s = v.string_value(); s && s->find("${{") != std::string::npos)
    return Value::unknown(*s, v.span());
  if (const Value::Map* m = v.map_value()) {
    Value out = Value::map({}, v.span());
    for (const Value::Member& mem : *m) out.set(mem.key, expression_aware(mem.value), mem.key_span);
    return out;
  }
  if (const Value::List* l = v.list_value()) {
    Value::List out;
    for (const Value& e : *l) out.push_back(expression_aware(e));
    return Value::list(std::move(out), v.span());
  }
  return v;
}

// Maps the lines of a run script back to the source. For literal block
// scalars (`run: |`) and one-line scalars each line's span is exact; folded
// or escaped text is found by searching the scalar's lines, else the line
// gets the whole scalar's span.
class ScriptMapper {
 public:
  ScriptMapper(const SourceFile& file, const Value& run) : file_(file), run_(run) {
    const Span& s = run.span();
    if (!s.valid()) return;
    std::string_view first = file.lines.line_text(s.line);
    std::size_t at = byte_of_column(first, s.column);
    literal_ = at < first.size() && first[at] == '|';
    cursor_ = s.line;
  }

  Span line_span(std::size_t index, std::string_view text) {
    const Span& s = run_.span();
    if (!s.valid()) return s;
    std::string_view body = trim_left(text);
    if (body.empty()) return s;
    if (literal_) {
      std::uint32_t line = s.line + 1 + static_cast<std::uint32_t>(index);
      if (line <= s.end_line) {
        std::string_view src = file_.lines.line_text(line);
        if (src.size() >= text.size() && src.substr(src.size() - text.size()) == text &&
            trim_left(src.substr(0, src.size() - text.size())).empty())
          return at(line, src.size() - text.size(), text.size());
      }
    }
    // Search the scalar's lines from where the previous line was found.
    for (std::uint32_t line = cursor_; line <= s.end_line; ++line) {
      std::string_view src = file_.lines.line_text(line);
      std::size_t from = line == s.line ? byte_of_column(src, s.column) : 0;
      std::size_t found = src.find(body, std::min(from, src.size()));
      if (found == npos) continue;
      cursor_ = line + 1;
      std::size_t lead = text.size() - body.size();
      if (found >= lead && src.substr(found - lead, lead) == text.substr(0, lead)) return at(line, found - lead, text.size());
      return at(line, found, body.size());
    }
    return s;
  }

 private:
  static std::size_t byte_of_column(std::string_view line, std::uint32_t column) {
    std::size_t i = 0;
    for (std::uint32_t c = 1; c < column && i < line.size(); ++c) {
      ++i;
      while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
  }
  Span at(std::uint32_t line, std::size_t begin, std::size_t length) const {
    std::string_view src = file_.lines.line_text(line);
    std::uint32_t col = code_points(src.substr(0, begin)) + 1;
    return Span{file_.id, line, col, line, col + code_points(src.substr(begin, length))};
  }

  const SourceFile& file_;
  const Value& run_;
  bool literal_ = false;
  std::uint32_t cursor_ = 0;
};

// Shell quoting state carried across the lines of a script.
struct QuoteState {
  char quote = 0;  // '\'' or '"' while inside a quoted string
  // Scans `line`; returns the offset of a comment start outside quotes, or npos.
  std::size_t scan(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (quote == '\'') {
        if (c == '\'') quote = 0;
      } else if (c == '\\') {
        ++i;
      } else if (quote == '"') {
        if (c == '"') quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        return i;
      }
    }
    return npos;
  }
};

// `<<EOF`, `<<-'EOF'`, `<< "EOF"`: the heredoc delimiter a command opens, if any.
std::string heredoc_delimiter(std::string_view line) {
  for (std::size_t at = line.find("<<"); at != npos; at = line.find("<<", at + 2)) {
    std::size_t i = at + 2;
    if (i < line.size() && line[i] == '<') continue;  // here-string <<<
    if (i < line.size() && line[i] == '-') ++i;
    while (i < line.size() && line[i] == ' ') ++i;
    char q = i < line.size() && (line[i] == '\'' || line[i] == '"') ? line[i] : 0;
    if (q) ++i;
    std::size_t b = i;
    while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_')) ++i;
    if (i > b) return std::string(line.substr(b, i - b));
  }
  return {};
}

// The run script as lines (`run_lines`) and logical commands (`run_commands`):
// continuation lines and multi-line quoted strings joined, comments, blank
// lines and heredoc bodies dropped. A command's span runs from its first
// character to the end of its last line.
void lower_script(const SourceFile& file, const Value& run, Resource& step) {
  const std::string* text = run.string_value();
  if (!text) return;
  std::vector<std::string> lines;
  for (std::size_t b = 0; b <= text->size();) {
    std::size_t e = text->find('\n', b);
    if (e == npos) e = text->size();
    std::string line = text->substr(b, e - b);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (e == text->size() && line.empty()) break;
    lines.push_back(std::move(line));
    b = e + 1;
  }
  ScriptMapper mapper(file, run);
  Value::List line_values, commands;
  std::vector<Span> spans;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    spans.push_back(mapper.line_span(i, lines[i]));
    line_values.push_back(Value::string(lines[i], spans.back()));
  }
  QuoteState q;
  std::string heredoc, current;
  Span first, last;
  auto flush = [&] {
    std::string_view t = trim(current);
    if (!t.empty()) commands.push_back(Value::string(std::string(t), join(first, last)));
    current.clear();
    first = last = Span{};
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (!heredoc.empty()) {
      std::string_view t = trim(line);
      while (!t.empty() && t.front() == '\t') t.remove_prefix(1);
      if (t == heredoc) heredoc.clear();
      continue;
    }
    bool in_quote = q.quote != 0;
    std::string_view body = in_quote ? line : trim_left(line);
    if (!in_quote && current.empty() && (body.empty() || body.front() == '#')) continue;
    std::size_t comment = q.scan(body);
    std::string_view code = comment == npos ? body : body.substr(0, comment);
    if (!in_quote) code = trim(code);
    Span s = spans[i];
    if (current.empty()) {
      first = s;
      // Start the command at its first character, not at the indentation.
      std::size_t lead = line.size() - trim_left(line).size();
      if (s.valid() && s.line == s.end_line && s.end_column - s.column == code_points(line)) first.column += code_points(line.substr(0, lead));
    } else {
      current += in_quote ? "\n" : " ";
    }
    last = s;
    bool continued = q.quote == 0 && !code.empty() && code.back() == '\\';
    if (continued) code.remove_suffix(1);
    current += code;
    if (std::string d = heredoc_delimiter(code); !d.empty() && q.quote == 0) heredoc = d;
    if (!continued && q.quote == 0) flush();
  }
  flush();
  step.attrs.set("run_lines", Value::list(std::move(line_values), run.span()));
  step.attrs.set("run_commands", Value::list(std::move(commands), run.span()));
}

// `uses:` taken apart: a local path (`./x`), a Docker image (`docker://x`), or
// `owner/repo[/path]@ref` of an action or reusable workflow.
Value action_ref(const Value& uses) {
  const std::string* s = uses.string_value();
  if (!s) return Value::null();
  Span at = uses.span();
  Value out = Value::map({}, at);
  if (s->starts_with("./") || s->starts_with("../")) {
    out.set("local", Value::string(s->substr(0, s->find('@')), at));
  } else if (s->starts_with("docker://")) {
    out.set("docker", Value::string(s->substr(9), at));
  } else {
    std::size_t amp = s->find('@');
    std::string name = s->substr(0, amp);
    std::size_t slash = name.find('/');
    std::size_t second = slash == std::string::npos ? std::string::npos : name.find('/', slash + 1);
    out.set("owner", Value::string(name.substr(0, slash), at));
    out.set("repo", Value::string(slash == std::string::npos ? "" : name.substr(slash + 1, second - slash - 1), at));
    out.set("path", Value::string(second == std::string::npos ? "" : name.substr(second + 1), at));
    out.set("ref", amp == std::string::npos ? Value::null(at) : Value::string(s->substr(amp + 1), at));
  }
  return out;
}

Span key_span(const Value& map, std::string_view key) {
  const Value::Member* m = map.member(key);
  return m ? m->key_span : Span{};
}

// Copies `key` of `from` into `to` as `name` (null when absent).
void copy(const Value& from, Resource& to, std::string_view key, std::string name, bool expressions = false) {
  const Value::Member* m = from.member(key);
  if (!m) {
    to.attrs.set(std::move(name), Value::null());
    return;
  }
  to.attrs.set(std::move(name), expressions ? expression_aware(m->value) : m->value, m->key_span);
}

Resource lower_step(const SourceFile& file, const Value& v, std::size_t index, std::string address) {
  Resource step;
  step.kind = Kind::Step;
  step.native_type = "GitHub Actions step";
  step.address = std::move(address);
  step.file = file.id;
  step.span = v.span();
  step.attrs.set("index", Value::number(static_cast<double>(index), v.span()));
  copy(v, step, "id", "id");
  copy(v, step, "name", "name");
  copy(v, step, "uses", "uses");
  if (const Value* uses = v.get("uses")) step.attrs.set("action", action_ref(*uses));
  copy(v, step, "with", "with", true);
  copy(v, step, "run", "run");
  copy(v, step, "env", "env", true);
  copy(v, step, "if", "if");
  copy(v, step, "continue-on-error", "continue_on_error", true);
  copy(v, step, "shell", "shell");
  copy(v, step, "working-directory", "working_directory", true);
  if (const Value* run = v.get("run")) lower_script(file, *run, step);
  const Value* label = v.get("name");
  if (!label || !label->string_value()) label = v.get("id");
  if (!label || !label->string_value()) label = v.get("uses");
  step.name = label && label->string_value() ? *label->string_value() : fmt::format("step {}", index + 1);
  const Value* commands = step.attr("run_commands");
  if ((!label || !label->string_value()) && commands && commands->list_value() && !commands->list_value()->empty()) {
    std::string first = *commands->list_value()->front().string_value();  // an unnamed run step reads as its command
    std::size_t cut = 40;
    while (cut < first.size() && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80) --cut;
    step.name = first.size() > 40 ? first.substr(0, cut) + "…" : first;
  }
  return step;
}

void lower_steps(const SourceFile& file, const Value* steps, const std::string& prefix, FileUnit& unit) {
  if (!steps || !steps->list_value()) return;
  const Value::List& list = *steps->list_value();
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_map()) continue;
    unit.resources.push_back(lower_step(file, list[i], i, fmt::format("{}.steps[{}]", prefix, i)));
  }
}

// The top of a workflow or action file; a diagnostic when it is not a map.
const Value* document(SourceFile& file, yaml::LoadResult& doc, std::string_view what) {
  for (Diagnostic& d : doc.diagnostics) file.diagnostics.push_back(std::move(d));
  if (doc.value.is_map()) return &doc.value;
  if (!doc.value.is_null() && file.diagnostics.empty()) {
    Span at = doc.value.span().valid() ? doc.value.span() : Span{file.id, 1, 1, 1, 1};
    file.diagnostics.push_back({at, fmt::format("not a {}: the document must be a mapping", what)});
  }
  return nullptr;
}

std::string base_name(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Event names of `on:` (a string, a list of strings or a map), with their spans.
Value triggers(const Value* on) {
  Value::List out;
  if (!on) return Value::list({});
  if (on->string_value()) out.push_back(*on);
  if (const Value::List* l = on->list_value())
    for (const Value& e : *l)
      if (e.string_value()) out.push_back(e);
  if (const Value::Map* m = on->map_value())
    for (const Value::Member& mem : *m) out.push_back(Value::string(mem.key, mem.key_span));
  return Value::list(std::move(out), on->span());
}

}  // namespace

FileUnit lower_workflow(SourceFile& file) {
  FileUnit unit;
  yaml::LoadResult doc = yaml::load(file.id, file.text);
  const Value* root = document(file, doc, "GitHub Actions workflow");
  if (!root) return unit;

  Resource wf;
  wf.kind = Kind::Workflow;
  wf.native_type = "GitHub Actions workflow";
  wf.address = file.rel_path;
  wf.file = file.id;
  wf.span = root->span();
  const Value* name = root->get("name");
  wf.name = name && name->string_value() ? *name->string_value() : base_name(file.rel_path);
  copy(*root, wf, "name", "name");
  copy(*root, wf, "on", "on");
  wf.attrs.set("triggers", triggers(root->get("on")), key_span(*root, "on"));
  copy(*root, wf, "permissions", "permissions");
  copy(*root, wf, "env", "env", true);
  copy(*root, wf, "concurrency", "concurrency", true);
  copy(*root, wf, "defaults", "defaults");
  unit.resources.push_back(std::move(wf));

  const Value* jobs = root->get("jobs");
  if (!jobs || !jobs->map_value()) return unit;
  std::map<std::string, std::size_t, std::less<>> job_index;
  std::vector<std::pair<std::size_t, const Value*>> needs;
  for (const Value::Member& m : *jobs->map_value()) {
    const Value& v = m.value;
    Resource job;
    job.kind = Kind::Job;
    job.native_type = "GitHub Actions job";
    job.address = fmt::format("{}:jobs.{}", file.rel_path, m.key);
    job.name = m.key;
    job.file = file.id;
    job.span = join(m.key_span, v.span());
    job.attrs.set("id", Value::string(m.key, m.key_span));
    copy(v, job, "name", "name");
    if (const Value* n = v.get("needs"); n && n->string_value()) {
      job.attrs.set("needs", Value::list({*n}, n->span()), key_span(v, "needs"));
    } else if (n && n->list_value()) {
      job.attrs.set("needs", *n, key_span(v, "needs"));
    } else {
      job.attrs.set("needs", Value::list({}));
    }
    copy(v, job, "if", "if");
    copy(v, job, "environment", "environment", true);
    copy(v, job, "permissions", "permissions");
    copy(v, job, "runs-on", "runs_on", true);
    copy(v, job, "uses", "uses");
    if (const Value* uses = v.get("uses")) job.attrs.set("action", action_ref(*uses));
    copy(v, job, "with", "with", true);
    copy(v, job, "secrets", "secrets", true);
    copy(v, job, "env", "env", true);
    copy(v, job, "strategy", "strategy", true);
    copy(v, job, "concurrency", "concurrency", true);
    copy(v, job, "continue-on-error", "continue_on_error", true);
    copy(v, job, "defaults", "defaults");
    std::size_t index = unit.resources.size();
    job_index.emplace(m.key, index);
    needs.emplace_back(index, job.attr("needs"));
    unit.resources.push_back(std::move(job));
    lower_steps(file, v.get("steps"), fmt::format("{}:jobs.{}", file.rel_path, m.key), unit);
  }
  for (auto& [from, list] : needs) {
    for (const Value& n : *list->list_value()) {
      const std::string* id = n.string_value();
      if (!id) continue;
      if (auto it = job_index.find(*id); it != job_index.end())
        unit.edges.push_back({EdgeKind::Needs, from, it->second, n.span()});
    }
  }
  return unit;
}

FileUnit lower_action(SourceFile& file) {
  FileUnit unit;
  yaml::LoadResult doc = yaml::load(file.id, file.text);
  const Value* root = document(file, doc, "GitHub Actions action");
  if (!root) return unit;
  Resource action;
  action.kind = Kind::Action;
  action.native_type = "GitHub Actions action";
  action.address = file.rel_path;
  action.file = file.id;
  action.span = root->span();
  const Value* name = root->get("name");
  action.name = name && name->string_value() ? *name->string_value() : file.rel_path;
  copy(*root, action, "name", "name");
  copy(*root, action, "runs", "runs");
  const Value* runs = root->get("runs");
  const Value* using_ = runs ? runs->get("using") : nullptr;
  action.attrs.set("using", using_ ? *using_ : Value::null());
  unit.resources.push_back(std::move(action));
  if (runs) lower_steps(file, runs->get("steps"), fmt::format("{}:runs", file.rel_path), unit);
  return unit;
}

}  // namespace kclint

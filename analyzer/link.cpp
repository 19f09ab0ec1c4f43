// Cross-file links: workflow jobs and steps → their parents, reusable
// workflows and local actions (Calls); build steps → the Dockerfile stage they
// build (Builds); deploy / run-task / register steps → task definitions
// (Deploys, RunsTask, References); task definition images → the stage or ECR
// repository that produces them (RunsImage). Also records the repository's
// migration folders (Project::migration_markers).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include <re2/re2.h>

#include "analyzer/lower/lower.h"

namespace kclint {

namespace {

namespace fs = std::filesystem;
constexpr std::size_t npos = std::string_view::npos;
constexpr char kUnresolved = '\x01';

// --- Shell words ----------------------------------------------------------

// Splits a command line into simple commands (words; quotes removed;
// `${{ … }}` kept whole), at `;`, `&&`, `||`, `|`, `&`, `(`, `)`, `$(` and backticks.
std::vector<std::vector<std::string>> shell_commands(std::string_view s) {
  std::vector<std::vector<std::string>> out(1);
  std::string word;
  bool in_word = false;
  char quote = 0;
  auto end_word = [&] {
    if (in_word) out.back().push_back(std::move(word));
    word.clear();
    in_word = false;
  };
  auto separate = [&] {
    end_word();
    if (!out.back().empty()) out.emplace_back();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (s.substr(i).starts_with("${{")) {
      std::size_t close = s.find("}}", i);
      std::size_t end = close == npos ? s.size() : close + 2;
      word.append(s.substr(i, end - i));
      in_word = true;
      i = end - 1;
      continue;
    }
    if (quote == '\'') {
      if (c == '\'') quote = 0;
      else word += c;
      continue;
    }
    if (c == '$' && i + 1 < s.size() && s[i + 1] == '(') {
      quote = 0;
      separate();
      ++i;
      continue;
    }
    if (quote == '"') {
      if (c == '"') quote = 0;
      else if (c == '\\' && i + 1 < s.size() && (s[i + 1] == '"' || s[i + 1] == '\\' || s[i + 1] == '$')) word += s[++i];
      else word += c;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < s.size()) {
      word += s[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      end_word();
    } else if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '`') {
      separate();
    } else {
      word += c;
      in_word = true;
    }
  }
  end_word();
  if (out.back().empty()) out.pop_back();
  return out;
}

bool is_program(const std::string& word, std::string_view name) {
  return word == name || (word.size() > name.size() && word.ends_with(name) && word[word.size() - name.size() - 1] == '/');
}

// `--opt value` / `--opt=value` pairs after `start` (an option followed by
// another option is a flag with an empty value).
std::multimap<std::string, std::string> long_options(const std::vector<std::string>& w, std::size_t start) {
  std::multimap<std::string, std::string> out;
  for (std::size_t i = start; i < w.size(); ++i) {
    if (!w[i].starts_with("--")) continue;
    std::size_t eq = w[i].find('=');
    if (eq != npos) {
      out.emplace(w[i].substr(0, eq), w[i].substr(eq + 1));
    } else if (i + 1 < w.size() && !w[i + 1].starts_with("--")) {
      out.emplace(w[i], w[i + 1]);
      ++i;
    } else {
      out.emplace(w[i], "");
    }
  }
  return out;
}

std::optional<std::string> option(const std::multimap<std::string, std::string>& o, std::string_view name) {
  auto it = o.find(std::string(name));
  return it == o.end() ? std::nullopt : std::optional<std::string>(it->second);
}

// `aws [global options] SERVICE COMMAND`: the index just after COMMAND, or npos.
std::size_t aws_command(const std::vector<std::string>& w, std::size_t at, std::string_view service,
                        std::string_view command) {
  static const std::set<std::string, std::less<>> valued = {"--region", "--profile", "--output", "--endpoint-url",
                                                            "--color", "--query", "--cli-read-timeout",
                                                            "--cli-connect-timeout", "--ca-bundle"};
  std::vector<std::size_t> positional;
  for (std::size_t i = at + 1; i < w.size() && positional.size() < 2; ++i) {
    if (w[i].starts_with("--")) {
      if (valued.count(w[i]) && w[i].find('=') == npos) ++i;
      continue;
    }
    positional.push_back(i);
  }
  if (positional.size() == 2 && w[positional[0]] == service && w[positional[1]] == command) return positional[1] + 1;
  return npos;
}

// --- Paths and images -----------------------------------------------------

// A path relative to the project root, or nullopt when it leaves the project.
std::optional<std::string> project_path(std::string_view base, std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find("://") != npos || path.find(kUnresolved) != npos ||
      path.find('$') != npos)
    return std::nullopt;
  std::string s = (fs::path(std::string(base)) / std::string(path)).lexically_normal().generic_string();
  while (s.ends_with("/")) s.pop_back();
  if (s == ".") s.clear();
  if (s.starts_with("..")) return std::nullopt;
  return s;
}

std::string join_path(const std::string& dir, std::string_view name) {
  return dir.empty() ? std::string(name) : dir + "/" + std::string(name);
}

// `registry/ns/name:tag@digest` → `name` (empty when it is not fully known).
std::string image_repository(std::string_view image) {
  if (std::size_t at = image.find('@'); at != npos) image = image.substr(0, at);
  if (std::size_t slash = image.rfind('/'); slash != npos) image = image.substr(slash + 1);
  if (std::size_t colon = image.find(':'); colon != npos) image = image.substr(0, colon);
  if (image.empty() || image.find(kUnresolved) != npos || image.find('$') != npos || image.find('{') != npos) return {};
  return std::string(image);
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

// --- The linker -----------------------------------------------------------

struct Build {
  ResourceId step;
  ResourceId stage;
  Span span;
  std::vector<std::string> repositories;  // image names it tags
};

class Linker {
 public:
  explicit Linker(Project& p) : p_(p) {
    for (const SourceFile& f : p.files()) file_ids_.emplace(f.rel_path, f.id);
    for (ResourceId id = 0; id < p.resource_count(); ++id) {
      const Resource& r = p.resource(id);
      ids_.emplace(&r, id);
      by_file_[r.file].push_back(id);
      if (r.kind == Kind::EcsTaskDefinition)
        if (const Value* fam = r.attr("family"); fam && fam->string_value()) by_family_[*fam->string_value()].push_back(id);
    }
  }

  void run() {
    set_parents();
    for (const Resource* s : p_.of_kind(Kind::Step)) index_step(*s);
    for (const Resource* j : p_.of_kind(Kind::Job)) link_job(*j);
    for (const Resource* s : p_.of_kind(Kind::Step)) link_step(*s);
    for (const Resource* s : p_.of_kind(Kind::Step)) link_render(*s);
    link_images();
  }

 private:
  void edge(EdgeKind kind, ResourceId from, ResourceId to, Span span) {
    if (from == to || !added_.emplace(kind, from, to, span).second) return;
    p_.add_edge(kind, from, to, span);
  }

  ResourceId id(const Resource& r) const { return ids_.at(&r); }

  // step → job → workflow, action step → action, by address.
  void set_parents() {
    for (ResourceId i = 0; i < p_.resource_count(); ++i) {
      Resource& r = p_.resource(i);
      std::string parent;
      if (r.kind == Kind::Step) {
        std::size_t at = r.address.rfind(".steps[");
        if (at != npos) parent = r.address.substr(0, at);
        if (parent.ends_with(":runs")) parent.resize(parent.size() - 5);
      } else if (r.kind == Kind::Job) {
        std::size_t at = r.address.rfind(":jobs.");
        if (at != npos) parent = r.address.substr(0, at);
      }
      if (parent.empty()) continue;
      if (const Resource* found = p_.find(parent); found && found->file == r.file) r.parent = id(*found);
    }
  }

  void index_step(const Resource& s) {
    if (const Value* sid = s.attr("id"); sid && sid->string_value())
      steps_by_id_[{s.parent, *sid->string_value()}] = id(s);
  }

  const Resource* parent(const Resource& r) const { return r.parent == kNoResource ? nullptr : &p_.resource(r.parent); }

  // The env a step sees: its own over its job's over its workflow's (literal values only).
  std::optional<std::string> env(const Resource& step, std::string_view name) const {
    for (const Resource* r = &step; r; r = parent(*r)) {
      const Value* e = r->attr("env");
      if (const Value* v = e ? e->get(name) : nullptr) {
        std::optional<std::string> t = v->as_text();
        return t;
      }
    }
    return std::nullopt;
  }

  // Substitutes $X, ${X} and ${{ env.X }}; what cannot be resolved becomes kUnresolved.
  std::string expand(const Resource& step, std::string_view s) const {
    auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    auto lookup = [&](std::string_view name) {
      bool valid = !name.empty() && std::all_of(name.begin(), name.end(), ident);
      std::optional<std::string> v = valid ? env(step, name) : std::nullopt;
      return v && v->find('$') == std::string::npos ? *v : std::string(1, kUnresolved);
    };
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
      if (s.substr(i).starts_with("${{")) {
        std::size_t close = s.find("}}", i);
        if (close == npos) close = s.size();
        std::string_view inner = s.substr(i + 3, close - i - 3);
        while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
        while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
        out += inner.starts_with("env.") ? lookup(inner.substr(4)) : std::string(1, kUnresolved);
        i = std::min(s.size(), close + 2);
      } else if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '{') {
        std::size_t close = s.find('}', i);
        if (close == npos) close = s.size();
        out += lookup(s.substr(i + 2, close - i - 2));
        i = std::min(s.size(), close + 1);
      } else if (s[i] == '$' && i + 1 < s.size() && ident(s[i + 1])) {
        std::size_t j = i + 1;
        while (j < s.size() && ident(s[j])) ++j;
        out += lookup(s.substr(i + 1, j - i - 1));
        i = j;
      } else {
        out += s[i++];
      }
    }
    return out;
  }

  std::string working_dir(const Resource& step) const {
    const Value* wd = step.attr("working_directory");
    if (!wd || !wd->string_value()) return {};
    return project_path("", expand(step, *wd->string_value())).value_or("");
  }

  std::optional<FileId> file(const std::string& rel) const {
    auto it = file_ids_.find(rel);
    return it == file_ids_.end() ? std::nullopt : std::optional<FileId>(it->second);
  }

  std::vector<ResourceId> in_file(std::optional<FileId> f, Kind kind) const {
    std::vector<ResourceId> out;
    if (!f) return out;
    if (auto it = by_file_.find(*f); it != by_file_.end())
      for (ResourceId r : it->second)
        if (p_.resource(r).kind == kind) out.push_back(r);
    return out;
  }

  // Jobs calling a local reusable workflow.
  void link_job(const Resource& job) {
    const Value* uses = job.attr("uses");
    if (!uses || !uses->string_value() || !uses->string_value()->starts_with("./")) return;
    std::string path = *uses->string_value();
    if (std::size_t at = path.find('@'); at != npos) path.resize(at);
    if (auto rel = project_path("", path))
      for (ResourceId wf : in_file(file(*rel), Kind::Workflow)) edge(EdgeKind::Calls, id(job), wf, uses->span());
  }

  // Task definitions named by a path (a file in the project) or a family.
  std::vector<ResourceId> task_definitions(const Resource& step, const std::string& base, std::string_view ref) {
    std::string text = expand(step, ref);
    if (text.starts_with("file://")) text = text.substr(7);
    if (auto rel = project_path(base, text); rel && text.ends_with(".json")) return in_file(file(*rel), Kind::EcsTaskDefinition);
    if (text.ends_with(".json")) return {};
    std::string family = text;
    if (std::size_t slash = family.rfind("task-definition/"); slash != npos) family = family.substr(slash + 16);
    if (std::size_t colon = family.rfind(':'); colon != npos) family.resize(colon);
    auto it = by_family_.find(family);
    return it == by_family_.end() ? std::vector<ResourceId>{} : it->second;
  }

  // The task definition file an action input names, following
  // `${{ steps.X.outputs.task-definition }}` to the render step X.
  std::vector<ResourceId> action_task_definitions(const Resource& step, int depth = 0) {
    const Value* with = step.attr("with");
    const Value* td = with ? with->get("task-definition") : nullptr;
    if (!td || depth > 8) return {};
    if (const std::string* s = td->string_value()) return task_definitions(step, "", *s);
    static const RE2 output(R"(^\$\{\{\s*steps\.([\w-]+)\.outputs\.task-definition\s*\}\}$)");
    std::string from;
    if (const std::string* src = td->unknown_source(); src && RE2::FullMatch(*src, output, &from)) {
      auto it = steps_by_id_.find({step.parent, from});
      if (it != steps_by_id_.end()) return action_task_definitions(p_.resource(it->second), depth + 1);
      return {};
    }
    if (const std::string* src = td->unknown_source()) return task_definitions(step, "", *src);
    return {};
  }

  static bool uses_action(const Resource& step, std::string_view action) {
    const Value* uses = step.attr("uses");
    const std::string* s = uses ? uses->string_value() : nullptr;
    return s && (s->starts_with(std::string(action) + "@") || *s == action);
  }

  void link_step(const Resource& step) {
    const Value* uses = step.attr("uses");
    if (const std::string* u = uses ? uses->string_value() : nullptr) {
      if (u->starts_with("./")) {
        std::string path = u->substr(0, u->find('@'));
        if (auto rel = project_path("", path))
          for (const char* name : {"action.yml", "action.yaml"})
            for (ResourceId a : in_file(file(join_path(*rel, name)), Kind::Action))
              edge(EdgeKind::Calls, id(step), a, uses->span());
      }
      if (uses_action(step, "docker/build-push-action")) link_build_action(step);
      if (uses_action(step, "aws-actions/amazon-ecs-deploy-task-definition"))
        for (ResourceId t : action_task_definitions(step))
          edge(EdgeKind::Deploys, id(step), t, step.attr("with")->get("task-definition")->span());
    }
    const Value* commands = step.attr("run_commands");
    if (!commands || !commands->list_value()) return;
    std::string base = working_dir(step);
    for (const Value& c : *commands->list_value())
      for (const std::vector<std::string>& w : shell_commands(*c.string_value())) link_command(step, base, w, c.span());
  }

  void link_command(const Resource& step, const std::string& base, const std::vector<std::string>& w, Span span) {
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (is_program(w[i], "docker")) {
        std::size_t at = i + 1;
        if (at < w.size() && (w[at] == "buildx" || w[at] == "image" || w[at] == "builder")) ++at;
        if (at < w.size() && w[at] == "build") link_docker_build(step, base, w, at + 1, span);
        return;
      }
      if (!is_program(w[i], "aws")) continue;
      if (std::size_t at = aws_command(w, i, "ecs", "run-task"); at != npos) {
        if (auto td = option(long_options(w, at), "--task-definition"))
          for (ResourceId t : task_definitions(step, base, *td)) edge(EdgeKind::RunsTask, id(step), t, span);
      } else if (std::size_t at = aws_command(w, i, "ecs", "register-task-definition"); at != npos) {
        if (auto json = option(long_options(w, at), "--cli-input-json"); json && json->starts_with("file://"))
          for (ResourceId t : task_definitions(step, base, *json)) edge(EdgeKind::References, id(step), t, span);
      } else if (std::size_t at = std::min(aws_command(w, i, "ecs", "update-service"), aws_command(w, i, "ecs", "deploy"));
                 at != npos) {
        auto opts = long_options(w, at);
        if (auto td = option(opts, "--task-definition"))
          for (ResourceId t : task_definitions(step, base, *td)) edge(EdgeKind::Deploys, id(step), t, span);
        if (auto service = option(opts, "--service"))
          for (const Resource* s : p_.of_kind(Kind::EcsService))
            if (const Value* n = s->attr("name"); n && n->string_value() && *n->string_value() == expand(step, *service))
              edge(EdgeKind::Deploys, id(step), id(*s), span);
      }
      return;
    }
  }

  // `docker build [options] CONTEXT`.
  void link_docker_build(const Resource& step, const std::string& base, const std::vector<std::string>& w,
                         std::size_t at, Span span) {
    static const std::set<std::string, std::less<>> valued = {
        "-f", "--file", "-t", "--tag", "--target", "--build-arg", "--build-context", "--cache-from", "--cache-to",
        "--label", "--platform", "--progress", "--secret", "--ssh", "-o", "--output", "--network", "--add-host",
        "--iidfile", "--metadata-file", "--builder", "--allow", "--annotation", "--attest", "--shm-size", "--ulimit",
        "-m", "--memory", "--memory-swap", "--cgroup-parent", "--cpu-period", "--cpu-quota", "--cpu-shares", "-c",
        "--cpuset-cpus", "--cpuset-mems", "--isolation", "--security-opt", "--call"};
    std::optional<std::string> dockerfile, target, context;
    std::vector<std::string> tags;
    for (std::size_t i = at; i < w.size(); ++i) {
      std::string opt = w[i], value;
      bool has_value = false;
      if (opt.starts_with("-") && opt.size() > 1) {
        if (std::size_t eq = opt.find('='); eq != npos && opt.starts_with("--")) {
          value = opt.substr(eq + 1);
          opt.resize(eq);
          has_value = true;
        } else if (valued.count(opt) && i + 1 < w.size()) {
          value = w[++i];
          has_value = true;
        }
        if (!has_value) continue;
        if (opt == "-f" || opt == "--file") dockerfile = value;
        else if (opt == "--target") target = value;
        else if (opt == "-t" || opt == "--tag") tags.push_back(value);
      } else if (!context) {
        context = opt;
      }
    }
    if (!context || *context == "-" || context->find("://") != npos || context->starts_with("git@")) return;
    add_build(step, base, *context, dockerfile, target, tags, span);
  }

  void add_build(const Resource& step, const std::string& base, const std::string& context,
                 const std::optional<std::string>& dockerfile, const std::optional<std::string>& target,
                 const std::vector<std::string>& tags, Span span) {
    std::optional<std::string> path;
    if (dockerfile) {
      path = project_path(base, expand(step, *dockerfile));
    } else if (auto dir = project_path(base, expand(step, context))) {
      path = join_path(*dir, "Dockerfile");
    }
    if (!path) return;
    std::optional<std::string> stage_name;
    if (target) {
      stage_name = expand(step, *target);
      if (stage_name->find(kUnresolved) != std::string::npos) return;  // built stage unknown
    }
    Build build{id(step), kNoResource, span, {}};
    for (const std::string& t : tags)
      if (std::string repo = image_repository(expand(step, t)); !repo.empty()) build.repositories.push_back(repo);
    for (ResourceId s : in_file(file(*path), Kind::ContainerImage)) {
      const Resource& stage = p_.resource(s);
      const Value* last = stage.attr("is_last");
      bool match = stage_name ? iequals(stage.name, *stage_name) : (last && last->as_bool() == true);
      if (!match) continue;
      edge(EdgeKind::Builds, id(step), s, span);
      build.stage = s;
      builds_.push_back(build);
    }
  }

  void link_build_action(const Resource& step) {
    const Value* with = step.attr("with");
    auto text = [&](std::string_view key) -> std::optional<std::string> {
      const Value* v = with ? with->get(key) : nullptr;
      if (!v) return std::nullopt;
      if (const std::string* s = v->string_value()) return *s;
      if (const std::string* s = v->unknown_source()) return *s;
      return std::nullopt;
    };
    std::string context = text("context").value_or(".");
    std::vector<std::string> tags;
    if (auto t = text("tags")) {
      std::string list = *t;
      std::replace(list.begin(), list.end(), ',', '\n');
      for (std::size_t b = 0; b < list.size();) {
        std::size_t e = list.find('\n', b);
        if (e == npos) e = list.size();
        std::string tag(list.substr(b, e - b));
        tag.erase(0, tag.find_first_not_of(" \t"));
        if (!tag.empty()) tags.push_back(tag);
        b = e + 1;
      }
    }
    const Value* at = with ? with->get("target") : nullptr;
    if (!at && with) at = with->get("file");
    if (!at) at = step.attr("uses");
    add_build(step, "", context, text("file"), text("target"), tags, at->span());
  }

  // amazon-ecs-render-task-definition: the task definition it fills in, and the
  // image it puts into the named container (a build step's output).
  void link_render(const Resource& step) {
    if (!uses_action(step, "aws-actions/amazon-ecs-render-task-definition")) return;
    const Value* with = step.attr("with");
    std::vector<ResourceId> tds = action_task_definitions(step);
    for (ResourceId t : tds) edge(EdgeKind::References, id(step), t, with->get("task-definition")->span());
    const Value* name = with->get("container-name");
    const Value* image = with->get("image");
    if (!name || !image) return;
    std::string container = name->string_value() ? expand(step, *name->string_value()) : expand(step, name->describe());
    static const RE2 output(R"(steps\.([\w-]+)\.outputs)");
    std::string from;
    if (!image->unknown_source() || !RE2::PartialMatch(*image->unknown_source(), output, &from)) return;
    auto it = steps_by_id_.find({step.parent, from});
    if (it == steps_by_id_.end()) return;
    for (ResourceId t : tds)
      for (const ContainerSpec& c : p_.resource(t).containers)
        if (c.name == container)
          for (const Build& b : builds_)
            if (b.step == it->second) edge(EdgeKind::RunsImage, t, b.stage, c.image.span());
  }

  // Task definition images → the stage a workflow builds and tags with that
  // repository name, and the ECR repository of that name.
  void link_images() {
    std::unordered_map<std::string, std::vector<ResourceId>> repos;
    for (const Resource* r : p_.of_kind(Kind::EcrRepository))
      if (const Value* n = r->attr("name"); n && n->string_value()) repos[*n->string_value()].push_back(id(*r));
    for (const Resource* td : p_.of_kind(Kind::EcsTaskDefinition)) {
      for (const ContainerSpec& c : td->containers) {
        const std::string* image = c.image.string_value();
        std::string repo = image ? image_repository(*image) : "";
        if (repo.empty()) continue;
        for (const Build& b : builds_)
          if (std::find(b.repositories.begin(), b.repositories.end(), repo) != b.repositories.end())
            edge(EdgeKind::RunsImage, id(*td), b.stage, c.image.span());
        if (auto it = repos.find(repo); it != repos.end())
          for (ResourceId r : it->second) edge(EdgeKind::RunsImage, id(*td), r, c.image.span());
      }
    }
  }

  Project& p_;
  std::unordered_map<const Resource*, ResourceId> ids_;
  std::unordered_map<std::string, FileId> file_ids_;
  std::unordered_map<FileId, std::vector<ResourceId>> by_file_;
  std::unordered_map<std::string, std::vector<ResourceId>> by_family_;
  std::map<std::pair<ResourceId, std::string>, ResourceId> steps_by_id_;  // (job, step id) → step
  std::vector<Build> builds_;
  std::set<std::tuple<EdgeKind, ResourceId, ResourceId, Span>> added_;
};

// --- Migration folders ----------------------------------------------------

// Walks the project tree (bounded; no symlinks; skips vendored and hidden
// trees) for the folders that show the project has database migrations.
std::vector<std::string> migration_markers(const std::string& root) {
  static const RE2 django(R"(^0001_\w*\.py$)");
  static const RE2 flyway(R"(^V\d+[\w.]*__\w.*\.sql$)");
  constexpr std::size_t kMaxEntries = 20000;
  constexpr int kMaxDepth = 12;
  std::set<std::string> found;
  std::size_t seen = 0;
  std::vector<std::pair<fs::path, int>> stack{{fs::path(root), 0}};
  const fs::path base(root);
  while (!stack.empty() && seen < kMaxEntries) {
    auto [dir, depth] = stack.back();
    stack.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::directory_iterator() && seen < kMaxEntries; it.increment(ec)) {
      ++seen;
      const fs::path& path = it->path();
      std::string name = path.filename().string();
      std::string parent = dir.filename().string();
      std::string rel_dir = dir.lexically_relative(base).generic_string();
      std::error_code sec;
      fs::file_type type = it->symlink_status(sec).type();
      if (type == fs::file_type::directory) {
        if (name.starts_with(".") || name == "node_modules" || name == "venv" || name == "site-packages" ||
            name == "vendor")
          continue;
        std::string rel = path.lexically_relative(base).generic_string();
        if ((name == "migrations" && parent == "prisma") || name == "alembic" || (name == "migrate" && parent == "db"))
          found.insert(rel);
        if (depth + 1 <= kMaxDepth) stack.emplace_back(path, depth + 1);
      } else if (type == fs::file_type::regular) {
        bool marker = (parent == "migrations" && (RE2::FullMatch(name, django) || name.ends_with(".sql"))) ||
                      (parent == "migration" && RE2::FullMatch(name, flyway)) || name == "alembic.ini";
        if (marker) found.insert(name == "alembic.ini" ? path.lexically_relative(base).generic_string() : rel_dir);
      }
    }
  }
  return {found.begin(), found.end()};
}

}  // namespace

void link_project(Project& project, const LoadOptions& /*options*/) {
  bool workflows = std::any_of(project.files().begin(), project.files().end(), [](const SourceFile& f) {
    return f.format == Format::Workflow || f.format == Format::Action;
  });
  Linker(project).run();
  if (workflows && !project.root.empty()) project.migration_markers = migration_markers(project.root);
}

}  // namespace kclint

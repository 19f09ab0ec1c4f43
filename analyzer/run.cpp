// The run: discovery → projects → load → rules → report.
#include "analyzer/run.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyzer/config.h"
#include "analyzer/discover.h"
#include "analyzer/lower/lower.h"
#include "analyzer/parallel.h"
#include "analyzer/suppress.h"
#include "rules/registry.h"

namespace kclint {

namespace fs = std::filesystem;

namespace {

struct ReadFile {
  Format format = Format::Unknown;
  std::string text;
  std::optional<Diagnostic> problem;
  std::optional<LoadResult> document;  // loaded while classifying (spans in file 0)
};

// Points every span of a document loaded as file 0 at its real file.
void retarget(Value& v, FileId file) {
  Span s = v.span();
  s.file = file;
  v.set_span(s);
  if (Value::List* list = v.list_value())
    for (Value& item : *list) retarget(item, file);
  if (Value::Map* map = v.map_value())
    for (Value::Member& m : *map) {
      m.key_span.file = file;
      retarget(m.value, file);
    }
}

bool under(const fs::path& p, const fs::path& dir);

// A symbolic link is read only when its target lies inside the project root
// (`canonical_root`); what it refuses, and why.
std::optional<std::string> refused_link(const fs::path& abs, const fs::path& canonical_root) {
  std::error_code ec;
  if (!fs::is_symlink(abs, ec)) return std::nullopt;
  fs::path target = fs::canonical(abs, ec);
  if (ec) return fmt::format("symbolic link cannot be resolved ({}); not read", ec.message());
  if (!under(target, canonical_root)) return std::string("symbolic link to a file outside the project root; not followed");
  return std::nullopt;
}

// One read of the whole file; size, binary and UTF-8 checks before parsing.
ReadFile read_and_classify(const fs::path& abs, const std::string& rel, const std::string* override_text,
                           const fs::path& canonical_root) {
  ReadFile out;
  if (override_text) {
    out.text = override_text->size() > kMaxFileBytes ? std::string() : *override_text;
    out.format = classify(rel, out.text);
    if (override_text->size() > kMaxFileBytes)
      out.problem = Diagnostic{{}, fmt::format("input is over the {} MiB limit; not analysed", kMaxFileBytes >> 20)};
    else if (looks_binary(out.text))
      out.problem = Diagnostic{{}, "binary input (contains NUL bytes); not analysed"};
    return out;
  }
  Format by_name = classify(rel, "");
  if (std::optional<std::string> refused = refused_link(abs, canonical_root)) {
    out.format = by_name;
    out.problem = Diagnostic{{}, std::move(*refused)};
    return out;
  }
  int fd = ::open(abs.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0) {
    if (fd >= 0) ::close(fd);
    out.format = by_name;
    out.problem = Diagnostic{{}, fmt::format("cannot read file: {}", std::strerror(errno))};
    return out;
  }
  std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
  bool too_large = size > kMaxFileBytes;
  std::size_t want = too_large ? 65536 : static_cast<std::size_t>(size);
  out.text.resize(want);
  std::size_t got = 0;
  while (got < want) {
    ssize_t n = ::read(fd, out.text.data() + got, want - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.text.resize(got);
  if (!too_large && !looks_binary(out.text)) {
    LoadResult document;
    out.format = classify(rel, out.text, &document);
    if (!document.value.is_null() || !document.diagnostics.empty()) out.document = std::move(document);
  } else {
    out.format = classify(rel, out.text);
  }
  if (too_large) {
    out.text.clear();
    out.problem = Diagnostic{{}, fmt::format("file is {} bytes, over the {} MiB limit; not analysed", size, kMaxFileBytes >> 20)};
  } else if (looks_binary(out.text)) {
    out.text.clear();
    out.problem = Diagnostic{{}, "binary file (contains NUL bytes); not analysed"};
  }
  return out;
}

std::string display_path(const fs::path& abs, const fs::path& cwd) {
  fs::path rel = abs.lexically_relative(cwd);
  return rel.empty() ? abs.generic_string() : rel.generic_string();
}

bool under(const fs::path& p, const fs::path& dir) {
  auto d = dir.begin(), q = p.begin();
  for (; d != dir.end(); ++d, ++q)
    if (q == p.end() || *d != *q) return false;
  return true;
}

// The outermost of the `given` paths (absolute, lexically normal) that holds
// `p`: p itself or an ancestor; empty when none does. One set look-up per
// ancestor, shortest first: files × given paths would be quadratic when a
// hook passes hundreds of files.
std::string_view outermost_given(std::string_view p, const std::set<std::string, std::less<>>& given) {
  for (std::size_t end = p.find('/'); end != std::string_view::npos; end = p.find('/', end + 1)) {
    std::string_view prefix = p.substr(0, end == 0 ? 1 : end);
    if (given.contains(prefix)) return prefix;
  }
  return given.contains(p) ? p : std::string_view();
}

// The root of the project a file belongs to: the nearest directory with a
// .kclint.yaml or .git; without one, the scanned path itself. The cache maps
// directories to their nearest marker directory (empty: none up to /), never
// to a fallback, which depends on the path being scanned.
fs::path project_root_of(const fs::path& file, const fs::path& fallback, std::map<fs::path, fs::path>& cache) {
  std::vector<fs::path> visited;
  fs::path dir = file.parent_path();
  fs::path found;
  while (true) {
    if (auto it = cache.find(dir); it != cache.end()) {
      found = it->second;
      break;
    }
    visited.push_back(dir);
    std::error_code ec;
    if (fs::exists(dir / ".kclint.yaml", ec) || fs::exists(dir / ".git", ec)) {
      found = dir;
      break;
    }
    if (dir == dir.root_path() || !dir.has_parent_path()) break;
    dir = dir.parent_path();
  }
  for (const fs::path& v : visited) cache[v] = found;
  if (!found.empty()) return found;
  // No marker: a file under .github/ belongs to the directory that holds
  // .github (so `.github/workflows/x.yml` keeps its meaning), else the fallback.
  std::string path = file.generic_string();
  if (std::size_t at = path.rfind("/.github/"); at != std::string::npos) {
    fs::path holder = fs::path(path.substr(0, at));
    if (under(fallback, holder)) return holder;  // the scan started inside that repository
  }
  return fallback;
}


}  // namespace

std::unique_ptr<Project> load_project(const std::string& root, const std::vector<std::string>& files,
                                      const LoadOptions& options) {
  const unsigned jobs = options.jobs;
  auto project = std::make_unique<Project>();
  project->root = root;
  project->settings = options.settings;
  const fs::path cwd = fs::current_path();
  std::error_code ec;
  const fs::path canonical_root = fs::weakly_canonical(root, ec);

  std::vector<ReadFile> read(files.size());
  parallel_for(files.size(), jobs, [&](std::size_t i) {
    auto over = options.overrides.find(files[i]);
    read[i] = read_and_classify(files[i], fs::path(files[i]).lexically_relative(root).generic_string(),
                                over == options.overrides.end() ? nullptr : &over->second, canonical_root);
  });
  std::vector<FileId> ids;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (read[i].format == Format::Unknown) continue;
    SourceFile& f = project->add_file(display_path(files[i], cwd), read[i].format, std::move(read[i].text));
    f.rel_path = fs::path(files[i]).lexically_relative(root).generic_string();
    if (read[i].problem) {
      Diagnostic d = *read[i].problem;
      d.span = Span{f.id, 1, 1, 1, 1};
      f.diagnostics.push_back(std::move(d));
    } else if (std::size_t ok = valid_utf8_prefix(f.text); ok != f.text.size()) {
      Span at = f.lines.span(f.id, ok, ok + 1);
      f.diagnostics.push_back({at, "invalid UTF-8; file not analysed"});
    } else {
      if (read[i].document) {
        LoadResult& doc = *read[i].document;
        retarget(doc.value, f.id);
        for (auto* list : {&doc.diagnostics, &doc.warnings})
          for (Diagnostic& d : *list) d.span.file = f.id;
        f.syntax = std::move(doc);
      }
      ids.push_back(f.id);
    }
  }

  std::vector<FileUnit> units(ids.size());
  parallel_for(ids.size(), jobs, [&](std::size_t i) {
    SourceFile& f = project->file(ids[i]);
    f.suppressions = scan_suppressions(f.id, f.text, f.lines, comment_style(f.format));
    units[i] = lower_file(f);
  });
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::vector<ResourceId> local;
    for (Resource& r : units[i].resources) {
      r.file = ids[i];
      local.push_back(project->add(std::move(r)));
    }
    for (const LocalEdge& e : units[i].edges) project->add_edge(e.kind, local[e.from], local[e.to], e.span);
  }
  project->finalize();
  lower_project_formats(*project, options);
  assign_environments(*project);
  project->finalize();
  link_project(*project, options);
  project->finalize();
  // Rules read the IR and the text, not the syntax trees: free them now.
  for (SourceFile& f : project->files()) f.syntax.reset();
  return project;
}

namespace {

Location locate(const Project& project, const Span& span, std::string message = {}) {
  Location l;
  if (span.valid()) l.path = project.file(span.file).path;
  l.span = span;
  l.message = std::move(message);
  return l;
}

}  // namespace

RunResult run(const RunOptions& options) {
  RunResult result;
  result.report.rules = all_rules();
  const fs::path cwd = fs::current_path();
  std::vector<fs::path> paths;
  for (const std::string& p : options.paths.empty() ? std::vector<std::string>{"."} : options.paths)
    paths.push_back(fs::absolute(p).lexically_normal());
  for (fs::path& p : paths)
    if (p.filename().empty()) p = p.parent_path();

  std::optional<fs::path> forced_root;
  std::optional<fs::path> stdin_path;
  if (options.stdin_filename) {
    // The buffer is linted as that file, inside the project around it.
    stdin_path = fs::absolute(*options.stdin_filename).lexically_normal();
    paths = {*stdin_path};
    if (!options.project_root) {
      std::map<fs::path, fs::path> cache;
      forced_root = project_root_of(*stdin_path, stdin_path->parent_path(), cache);
    }
  }
  if (options.project_root) {
    forced_root = fs::absolute(*options.project_root).lexically_normal();
    if (forced_root->filename().empty()) forced_root = forced_root->parent_path();
    std::error_code ec;
    if (!fs::is_directory(*forced_root, ec)) {
      result.error = fmt::format("project root '{}' is not a directory", *options.project_root);
      return result;
    }
  }

  // Group the discovered files into projects.
  Discovered found = forced_root ? discover(*forced_root, {*forced_root}, {}) : discover(cwd, paths, {});
  if (forced_root) {
    for (const fs::path& p : paths)
      if (std::error_code ec; !fs::exists(p, ec) && p != stdin_path) found.errors.push_back(display_path(p, cwd));
  }
  if (stdin_path && std::find(found.files.begin(), found.files.end(), *stdin_path) == found.files.end()) {
    found.files.push_back(*stdin_path);  // an unsaved buffer need not exist on disk
    std::sort(found.files.begin(), found.files.end());
  }
  if (!found.errors.empty()) {
    result.error = fmt::format("path does not exist: {}", found.errors.front());
    return result;
  }
  std::set<std::string, std::less<>> given;
  for (const fs::path& p : paths) given.insert(p.string());
  std::map<fs::path, std::vector<std::string>> groups;
  std::map<fs::path, fs::path> cache;
  for (const fs::path& f : found.files) {
    fs::path root = *forced_root;
    if (!forced_root) {
      // Without a marker, a file's project is the directory it was found in
      // as given: the given directory, or a given file's own directory.
      const std::string& file = f.native();
      std::string_view holder = outermost_given(file, given);
      fs::path fallback = holder.empty() || holder == file ? f.parent_path() : fs::path(holder);
      root = project_root_of(f, fallback, cache);
    }
    groups[root].push_back(f.string());
  }

  // One project's load, rules and results; `jobs` threads inside it.
  struct Outcome {
    std::string error;
    std::vector<Result> results;
    std::size_t files_scanned = 0;
    std::unique_ptr<Project> project;  // with keep_projects
  };
  auto lint_project = [&](const fs::path& root, std::vector<std::string> files, unsigned jobs) {
    Outcome out;
    std::string config_path = options.config_path ? *options.config_path : (root / ".kclint.yaml").string();
    ConfigResult cfg = load_config(config_path, options.config_path.has_value());
    if (!cfg.error.empty()) {
      out.error = cfg.error;
      return out;
    }
    Selection selection = cfg.config.selection;
    if (!options.select.empty()) selection.select = options.select;  // the command line wins
    selection.ignore.insert(selection.ignore.end(), options.ignore.begin(), options.ignore.end());
    if (!cfg.config.excludes.empty()) {
      std::erase_if(files, [&](const std::string& f) {
        std::string rel = fs::path(f).lexically_relative(root).generic_string();
        return std::any_of(cfg.config.excludes.begin(), cfg.config.excludes.end(),
                           [&](const std::string& g) { return glob_match(g, rel); });
      });
    }

    LoadOptions load;
    load.jobs = jobs;
    for (const std::string& f : options.var_files) load.var_files.push_back(fs::absolute(f).lexically_normal().string());
    load.vars = options.vars;
    load.settings = cfg.config.settings;
    load.settings.config_file = display_path(fs::absolute(config_path).lexically_normal(), cwd);
    for (const std::string& f : options.cfn_params) load.cfn_params.push_back(fs::absolute(f).lexically_normal().string());
    if (stdin_path) load.overrides[stdin_path->string()] = options.stdin_text;
    std::unique_ptr<Project> project = load_project(root.string(), files, load);
    std::vector<Finding> findings = run_engine(*project, selection, jobs, cfg.config.suppressions);
    out.files_scanned = project->files().size();

    // With --project-root, report only what touches the given paths.
    auto reported = [&](const Span& s) {
      if (!forced_root || !s.valid()) return true;
      return !outermost_given(fs::absolute(project->file(s.file).path).lexically_normal().native(), given).empty();
    };
    for (Finding& f : findings) {
      bool keep = reported(f.span) ||
                  std::any_of(f.related.begin(), f.related.end(), [&](const Related& r) { return reported(r.span); });
      if (!keep) continue;
      Result r;
      r.rule = f.rule;
      r.level = f.level;
      r.message = std::move(f.message);
      r.location = locate(*project, f.span);
      for (const Related& rel : f.related) r.related.push_back(locate(*project, rel.span, rel.message));
      r.fingerprint = std::move(f.fingerprint);
      r.suppression = f.suppression;
      r.justification = std::move(f.justification);
      out.results.push_back(std::move(r));
    }
    if (options.keep_projects) out.project = std::move(project);
    return out;
  };

  // A large project uses every thread inside itself; small ones (a scan of
  // many directories without markers makes one project each) run side by
  // side, one thread each, as per-project costs would dominate otherwise.
  // Outcomes are kept per project and merged in path order.
  constexpr std::size_t kLargeProject = 64;  // files
  std::vector<std::pair<fs::path, std::vector<std::string>>> projects(groups.begin(), groups.end());
  std::vector<Outcome> outcomes(projects.size());
  std::vector<std::size_t> small;
  for (std::size_t i = 0; i < projects.size(); ++i) {
    if (projects.size() > 1 && projects[i].second.size() < kLargeProject)
      small.push_back(i);
    else
      outcomes[i] = lint_project(projects[i].first, std::move(projects[i].second), options.jobs);
  }
  parallel_for(small.size(), options.jobs, [&](std::size_t k) {
    std::size_t i = small[k];
    outcomes[i] = lint_project(projects[i].first, std::move(projects[i].second), 1);
  });
  for (Outcome& o : outcomes) {
    if (!o.error.empty()) {
      result.error = o.error;
      return result;
    }
    result.report.files_scanned += o.files_scanned;
    std::move(o.results.begin(), o.results.end(), std::back_inserter(result.report.results));
    if (o.project) result.projects.push_back(std::move(o.project));
  }
  for (const auto* list : {&options.var_files, &options.cfn_params})
    for (const std::string& f : *list)
      if (std::error_code ec; !fs::is_regular_file(f, ec)) {
        result.error = fmt::format("file does not exist: {}", f);
        return result;
      }
  if (options.baseline) {
    std::ifstream in(*options.baseline, std::ios::binary);
    if (!in) {
      result.error = fmt::format("cannot read baseline '{}'", *options.baseline);
      return result;
    }
    std::stringstream text;
    text << in.rdbuf();
    result.error = apply_baseline(result.report, text.str(), *options.baseline);
    if (!result.error.empty()) return result;
  }
  // Projects are visited in path order and each is sorted, but two projects'
  // paths can interleave: sort the whole report once more.
  std::stable_sort(result.report.results.begin(), result.report.results.end(), [](const Result& a, const Result& b) {
    return std::tie(a.location.path, a.location.span.line, a.location.span.column, a.rule->id) <
           std::tie(b.location.path, b.location.span.line, b.location.span.column, b.rule->id);
  });
  return result;
}

std::string baseline_json(const Report& report) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Result& r : report.results) {
    if (r.suppression != SuppressionKind::None) continue;
    findings.push_back({{"fingerprint", r.fingerprint},
                        {"rule", r.rule->id},
                        {"path", r.location.path},
                        {"message", r.message}});
  }
  nlohmann::ordered_json j;
  j["kclint_baseline"] = 1;
  j["findings"] = std::move(findings);
  return j.dump(2) + "\n";
}

std::string apply_baseline(Report& report, const std::string& text, const std::string& path) {
  std::set<std::pair<std::string, std::string>> accepted;
  try {
    nlohmann::json j = nlohmann::json::parse(text);
    if (!j.is_object() || j.value("kclint_baseline", 0) != 1 || !j["findings"].is_array())
      return fmt::format("'{}' is not a kclint baseline (write one with --write-baseline)", path);
    for (const auto& f : j["findings"])
      accepted.emplace(f.at("fingerprint").get<std::string>(), f.at("rule").get<std::string>());
  } catch (const nlohmann::json::exception& e) {
    return fmt::format("'{}' is not a valid baseline: {}", path, e.what());
  }
  for (Result& r : report.results) {
    if (r.suppression == SuppressionKind::None && accepted.count({r.fingerprint, std::string(r.rule->id)})) {
      r.suppression = SuppressionKind::External;
      r.justification = "accepted in the baseline " + fs::path(path).filename().string();
    }
  }
  return {};
}

}  // namespace kclint

// The run: discovery → projects → load → rules → report.
#include "analyzer/run.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>

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
};

// One read of the whole file; size, binary and UTF-8 checks before parsing.
ReadFile read_and_classify(const fs::path& abs, const std::string& rel) {
  ReadFile out;
  Format by_name = classify(rel, "");
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
  out.format = classify(rel, out.text);
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

// The root of the project a file belongs to: the nearest directory with a
// .kclint.yaml or .git; without one, the scanned path itself.
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
  if (found.empty()) found = fallback;
  for (const fs::path& v : visited) cache[v] = found;
  return found;
}

bool under(const fs::path& p, const fs::path& dir) {
  auto d = dir.begin(), q = p.begin();
  for (; d != dir.end(); ++d, ++q)
    if (q == p.end() || *d != *q) return false;
  return true;
}

}  // namespace

std::unique_ptr<Project> load_project(const std::string& root, const std::vector<std::string>& files,
                                      const LoadOptions& options) {
  const unsigned jobs = options.jobs;
  auto project = std::make_unique<Project>();
  project->root = root;
  const fs::path cwd = fs::current_path();

  std::vector<ReadFile> read(files.size());
  parallel_for(files.size(), jobs, [&](std::size_t i) {
    read[i] = read_and_classify(files[i], fs::path(files[i]).lexically_relative(root).generic_string());
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
  project->finalize();
  link_project(*project, options);
  project->finalize();
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
      if (std::error_code ec; !fs::exists(p, ec)) found.errors.push_back(display_path(p, cwd));
  }
  if (!found.errors.empty()) {
    result.error = fmt::format("path does not exist: {}", found.errors.front());
    return result;
  }
  std::map<fs::path, std::vector<std::string>> groups;
  std::map<fs::path, fs::path> cache;
  for (const fs::path& f : found.files) {
    fs::path root = *forced_root;
    if (!forced_root) {
      auto given = std::find_if(paths.begin(), paths.end(), [&](const fs::path& p) { return under(f, p); });
      fs::path fallback = given == paths.end() ? f.parent_path() : (fs::is_directory(*given) ? *given : given->parent_path());
      root = project_root_of(f, fallback, cache);
    }
    groups[root].push_back(f.string());
  }

  for (auto& [root, files] : groups) {
    std::string config_path = options.config_path ? *options.config_path : (root / ".kclint.yaml").string();
    ConfigResult cfg = load_config(config_path, options.config_path.has_value());
    if (!cfg.error.empty()) {
      result.error = cfg.error;
      return result;
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
    load.jobs = options.jobs;
    std::unique_ptr<Project> project = load_project(root.string(), files, load);
    std::vector<Finding> findings = run_engine(*project, selection, options.jobs);
    result.report.files_scanned += project->files().size();

    // With --project-root, report only what touches the given paths.
    auto reported = [&](const Span& s) {
      if (!forced_root || !s.valid()) return true;
      fs::path abs = fs::absolute(project->file(s.file).path).lexically_normal();
      return std::any_of(paths.begin(), paths.end(), [&](const fs::path& p) { return under(abs, p); });
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
      result.report.results.push_back(std::move(r));
    }
    result.projects.push_back(std::move(project));
  }
  // Projects are visited in path order and each is sorted, but two projects'
  // paths can interleave: sort the whole report once more.
  std::stable_sort(result.report.results.begin(), result.report.results.end(), [](const Result& a, const Result& b) {
    return std::tie(a.location.path, a.location.span.line, a.location.span.column, a.rule->id) <
           std::tie(b.location.path, b.location.span.line, b.location.span.column, b.rule->id);
  });
  return result;
}

}  // namespace kclint

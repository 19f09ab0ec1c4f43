// Command-line interface (CLI11).
#include "analyzer/cli.h"

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "analyzer/parallel.h"
#include "parsers/hcl/hcl2json.h"
#include "analyzer/report/cost.h"
#include "analyzer/report/graph.h"
#include "analyzer/run.h"
#include "rules/registry.h"

namespace kclint {

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

int usage_error(const std::string& message) {
  std::cerr << "kclint: error: " << message << "\nRun 'kclint --help' for usage.\n";
  return kExitUsage;
}

std::vector<std::string> split_ids(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  for (const std::string& item : raw) {
    std::stringstream ss(item);
    std::string id;
    while (std::getline(ss, id, ',')) {
      for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (!id.empty()) out.push_back(id);
    }
  }
  return out;
}

int list_rules(const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const Rule* r : all_rules()) {
      rules.push_back({{"id", r->id},
                       {"name", r->name},
                       {"level", to_string(r->level)},
                       {"family", to_string(r->family)},
                       {"summary", r->summary},
                       {"tags", r->tags},
                       {"help_uri", rule_help_uri(*r)}});
    }
    std::cout << rules.dump(2) << '\n';
    return kExitClean;
  }
  for (const Rule* r : all_rules())
    std::cout << fmt::format("{:<8} {:<7} {:<36} {}\n", r->id, to_string(r->level), r->name, r->summary);
  return kExitClean;
}

int explain(const std::string& id_in) {
  std::string id = id_in;
  for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const Rule* rule = find_rule(id);
  if (!rule) {
    for (const Rule* r : all_rules())
      if (r->name == id_in) rule = r;
  }
  if (!rule) return usage_error(fmt::format("unknown rule '{}' (see 'kclint rules')", id_in));
  std::string_view doc = rule_doc(rule->id);
  if (doc.empty())
    std::cout << rule->id << ' ' << rule->name << "\n\n" << rule->summary << '\n';
  else
    std::cout << doc << (doc.ends_with('\n') ? "" : "\n");
  return kExitClean;
}

int hcl2json(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return usage_error(fmt::format("cannot read '{}'", path));
  std::stringstream text;
  text << in.rdbuf();
  std::string error;
  std::optional<std::string> json = hcl::hcl2json_text(text.str(), &error);
  if (!json) {
    std::cerr << fmt::format("{}:{}\n", path, error);
    return kExitFindings;
  }
  std::cout << *json;
  return kExitClean;
}

// Runs `work`; if it takes over a second and stderr is a terminal, shows a
// spinner there meanwhile (and clears it), so long scans do not look hung.
template <class Work>
auto with_progress(Work&& work) {
  if (!::isatty(STDERR_FILENO)) return work();
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  std::thread spinner([&] {
    std::unique_lock lock(m);
    if (cv.wait_for(lock, std::chrono::seconds(1), [&] { return done; })) return;
    const char* frames = "|/-\\";
    int i = 0;
    while (!done) {  // set by the main thread, under `m`
      std::cerr << "\rkclint: analysing " << frames[i++ % 4] << std::flush;
      cv.wait_for(lock, std::chrono::milliseconds(150), [&] { return done; });
    }
    std::cerr << "\r                    \r" << std::flush;
  });
  auto result = work();
  {
    std::lock_guard lock(m);
    done = true;
  }
  cv.notify_all();
  spinner.join();
  return result;
}

bool use_color(const std::string& mode, bool to_stdout) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return to_stdout && ::isatty(STDOUT_FILENO);
}

}  // namespace

int cli_main(int argc, char** argv) {
  CLI::App app{"kclint — lint Terraform, CloudFormation, Dockerfiles, GitHub Actions workflows and ECS task "
               "definitions as one project.",
               "kclint"};
  app.set_version_flag("--version", std::string("kclint ") + KCLINT_VERSION);
  app.footer(
      "Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage error, invalid "
      "configuration or a path that does not exist.\nRule documentation: 'kclint explain ID'.");

  RunOptions options;
  std::string format = "text", output, fail_on = "error", color = "auto";
  std::vector<std::string> select, ignore;
  int jobs = 0;
  bool show_suppressed = false;
  app.add_option("paths", options.paths, "Files or directories to lint (default: the current directory)");
  app.add_option("--format", format, "Report format")->check(CLI::IsMember({"text", "json", "sarif", "github"}));
  app.add_option("--output,-o", output, "Write the report to FILE instead of standard output");
  app.add_option("--config", options.config_path, "Configuration file (default: .kclint.yaml at the project root)");
  app.add_option("--fail-on", fail_on, "Lowest level that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  // One value per occurrence, so `--ignore CTR001 .` leaves `.` a path.
  app.add_option("--select", select, "Only run these rules or families (comma-separated, e.g. IAM,CTR001)")
      ->allow_extra_args(false);
  app.add_option("--ignore", ignore, "Do not run these rules or families (comma-separated)")->allow_extra_args(false);
  app.add_option("--project-root", options.project_root,
                 "Load the whole project under DIR but report only on the given paths (pre-commit)");
  app.add_option("--jobs,-j", jobs, "Parallel jobs (default: hardware threads)")->check(CLI::Range(1, 256));
  app.add_option("--color", color, "Colour in text output")->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--show-suppressed", show_suppressed, "Also list suppressed findings in text output");
  std::string write_baseline;
  bool use_stdin = false;
  app.add_option("--baseline", options.baseline, "Report only findings that are not in this baseline file");
  app.add_option("--write-baseline", write_baseline, "Record the current findings as accepted in FILE, then exit 0");
  app.add_option("--var-file", options.var_files, "Terraform variable values from a .tfvars file (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--var", options.vars, "A Terraform variable value, NAME=VALUE (repeatable)")->allow_extra_args(false);
  app.add_option("--cfn-params", options.cfn_params, "CloudFormation parameter values from a JSON file (repeatable)")
      ->allow_extra_args(false);
  app.add_flag("--stdin", use_stdin, "Lint standard input as the file named by --stdin-filename (editors)");
  app.add_option("--stdin-filename", options.stdin_filename, "Path the --stdin buffer stands for");

  std::string rules_format = "text";
  CLI::App* rules_cmd = app.add_subcommand("rules", "List every rule with its metadata");
  rules_cmd->add_option("--format", rules_format, "Output format")->check(CLI::IsMember({"text", "json"}));
  std::string explain_id;
  CLI::App* explain_cmd = app.add_subcommand("explain", "Print a rule's documentation");
  explain_cmd->add_option("id", explain_id, "Rule id (e.g. CTR001) or name")->required();

  std::string graph_format = "dot";
  std::vector<std::string> graph_paths;
  CLI::App* graph_cmd = app.add_subcommand("graph", "Draw the project graph kclint built, with findings marked");
  graph_cmd->add_option("paths", graph_paths, "Files or directories (default: the current directory)");
  graph_cmd->add_option("--format", graph_format, "Graph format")->check(CLI::IsMember({"dot", "mermaid"}));

  RunOptions cost_options;
  cost_options.keep_projects = true;
  std::string cost_format = "text", cost_output;
  CLI::App* cost_cmd = app.add_subcommand("cost", "Estimate the monthly cost of the stack, per environment and resource");
  cost_cmd->add_option("paths", cost_options.paths, "Files or directories (default: the current directory)");
  cost_cmd->add_option("--format", cost_format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cost_cmd->add_option("--output,-o", cost_output, "Write the estimate to FILE instead of standard output");
  cost_cmd->add_option("--config", cost_options.config_path, "Configuration file (default: .kclint.yaml at the project root)");
  cost_cmd->add_option("--var-file", cost_options.var_files, "Terraform variable values from a .tfvars file (repeatable)")
      ->allow_extra_args(false);
  cost_cmd->add_option("--var", cost_options.vars, "A Terraform variable value, NAME=VALUE (repeatable)")->allow_extra_args(false);
  cost_cmd->add_option("--cfn-params", cost_options.cfn_params, "CloudFormation parameter values from a JSON file (repeatable)")
      ->allow_extra_args(false);

  std::string hcl_file;
  CLI::App* hcl2json_cmd = app.add_subcommand("hcl2json", "Print a .tf/.tfvars file as JSON in HashiCorp hcl2json's shape");
  hcl2json_cmd->add_option("file", hcl_file, "The HCL file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_error(e.what());
  }

  if (*rules_cmd) return list_rules(rules_format);
  if (*explain_cmd) return explain(explain_id);
  if (*hcl2json_cmd) return hcl2json(hcl_file);
  if (*graph_cmd) {
    RunOptions graph_options;
    graph_options.keep_projects = true;
    graph_options.paths = graph_paths;
    graph_options.jobs = default_jobs();
    RunResult result = run(graph_options);
    if (!result.error.empty()) return usage_error(result.error);
    write_graph(std::cout, result.projects, result.report, graph_format == "dot" ? GraphFormat::Dot : GraphFormat::Mermaid);
    return kExitClean;
  }

  if (*cost_cmd) {
    cost_options.jobs = default_jobs();
    cost_options.select = {"KC000"};  // the estimate needs the project, not the findings
    RunResult result = run(cost_options);
    if (!result.error.empty()) return usage_error(result.error);
    std::ofstream file;
    if (!cost_output.empty()) {
      file.open(cost_output, std::ios::binary | std::ios::trunc);
      if (!file) return usage_error(fmt::format("cannot write '{}'", cost_output));
    }
    std::ostream& out = cost_output.empty() ? std::cout : file;
    if (cost_format == "json") write_cost_json(out, result.projects);
    else write_cost_text(out, result.projects);
    for (const Result& r : result.report.results)
      if (r.rule && r.rule->id == "KC000")
        std::cerr << fmt::format("kclint cost: {}:{}: {} (its resources are not counted)\n", r.location.path,
                                 r.location.span.line, r.message);
    return kExitClean;
  }

  options.jobs = jobs > 0 ? static_cast<unsigned>(jobs) : default_jobs();
  options.select = split_ids(select);
  options.ignore = split_ids(ignore);
  for (const auto* list : {&options.select, &options.ignore})
    for (const std::string& id : *list)
      if (!find_rule(id) && !family_from_string(id))
        return usage_error(fmt::format("unknown rule or family '{}' (see 'kclint rules')", id));

  if (use_stdin != options.stdin_filename.has_value())
    return usage_error("--stdin and --stdin-filename go together");
  if (use_stdin) {
    std::stringstream buffer;
    buffer << std::cin.rdbuf();
    options.stdin_text = buffer.str();
  }

  RunResult result = with_progress([&] { return run(options); });
  if (!result.error.empty()) return usage_error(result.error);

  if (!write_baseline.empty()) {
    std::ofstream baseline(write_baseline, std::ios::binary | std::ios::trunc);
    baseline << baseline_json(result.report);
    if (!baseline) return usage_error(fmt::format("cannot write '{}'", write_baseline));
    std::size_t n = 0;
    for (const Result& r : result.report.results) n += r.suppression == SuppressionKind::None;
    std::cerr << fmt::format("kclint: recorded {} finding{} in {}\n", n, n == 1 ? "" : "s", write_baseline);
    return kExitClean;
  }

  std::ofstream file;
  if (!output.empty()) {
    file.open(output, std::ios::binary | std::ios::trunc);
    if (!file) return usage_error(fmt::format("cannot write '{}'", output));
  }
  std::ostream& out = output.empty() ? std::cout : file;
  if (format == "json")
    write_json(out, result.report);
  else if (format == "sarif")
    write_sarif(out, result.report);
  else if (format == "github")
    write_github(out, result.report);
  else
    write_text(out, result.report, {use_color(color, output.empty()), show_suppressed});
  out.flush();
  if (!out) return usage_error(fmt::format("failed writing the report to '{}'", output.empty() ? "stdout" : output));

  Level threshold = *level_from_string(fail_on);
  if (threshold == Level::None) return kExitClean;
  for (const Result& r : result.report.results)
    if (r.suppression == SuppressionKind::None && r.level >= threshold) return kExitFindings;
  return kExitClean;
}

}  // namespace kclint

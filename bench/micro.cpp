// Google Benchmark micro-benchmarks: each parser over the real-world corpus
// (bytes/s), and the whole pipeline (load, lower, link, rules) on samples/.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <benchmark/benchmark.h>

#include "analyzer/engine.h"
#include "analyzer/run.h"
#include "parsers/dockerfile/dockerfile.h"
#include "parsers/hcl/parser.h"
#include "parsers/json/json.h"
#include "parsers/yaml/yaml.h"

namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(KCLINT_SOURCE_ROOT) / ".." / "shared" / "corpus";

// All corpus files whose name matches `pred`, read once.
std::vector<std::string> corpus_texts(bool (*pred)(const fs::path&)) {
  std::vector<std::string> out;
  if (!fs::exists(kCorpus)) return out;
  for (const auto& e : fs::recursive_directory_iterator(kCorpus)) {
    if (!e.is_regular_file() || !pred(e.path())) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

template <class Parse>
void run_corpus(benchmark::State& state, const std::vector<std::string>& texts, Parse parse) {
  if (texts.empty()) {
    state.SkipWithError("../shared/corpus is absent");
    return;
  }
  std::size_t bytes = 0;
  for (auto _ : state)
    for (const std::string& t : texts) {
      benchmark::DoNotOptimize(parse(t));
      bytes += t.size();
    }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

void BM_ParseHcl(benchmark::State& state) {
  static const auto texts = corpus_texts([](const fs::path& p) { return p.extension() == ".tf"; });
  run_corpus(state, texts, [](const std::string& t) { return kclint::hcl::parse(0, t).diagnostics.size(); });
}
void BM_ParseDockerfile(benchmark::State& state) {
  static const auto texts = corpus_texts([](const fs::path& p) { return p.filename() == "Dockerfile"; });
  run_corpus(state, texts, [](const std::string& t) { return kclint::dockerfile::parse(0, t).diagnostics.size(); });
}
void BM_LoadYaml(benchmark::State& state) {
  static const auto texts = corpus_texts([](const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; });
  run_corpus(state, texts, [](const std::string& t) {
    return kclint::yaml::load(0, t, kclint::yaml::Options{.cfn_tags = true}).diagnostics.size();
  });
}
void BM_LoadJson(benchmark::State& state) {
  static const auto texts = corpus_texts([](const fs::path& p) { return p.extension() == ".json"; });
  run_corpus(state, texts, [](const std::string& t) { return kclint::json::load(0, t).diagnostics.size(); });
}

// The whole pipeline on every sample project: resources per second.
void BM_Pipeline(benchmark::State& state) {
  std::vector<std::pair<std::string, std::vector<std::string>>> projects;
  for (const auto& d : fs::directory_iterator(fs::path(KCLINT_SOURCE_ROOT) / "samples")) {
    if (!d.is_directory()) continue;
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(d.path()))
      if (e.is_regular_file()) files.push_back(e.path().string());
    projects.emplace_back(d.path().string(), std::move(files));
  }
  std::size_t resources = 0;
  for (auto _ : state)
    for (const auto& [root, files] : projects) {
      auto project = kclint::load_project(root, files, kclint::LoadOptions{});
      resources += project->resource_count();
      benchmark::DoNotOptimize(kclint::run_engine(*project, kclint::Selection{}, 1).size());
    }
  state.counters["resources/s"] = benchmark::Counter(static_cast<double>(resources), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_ParseHcl)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseDockerfile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadYaml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadJson)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

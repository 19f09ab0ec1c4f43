// Corpus test: every real YAML and JSON file of ../shared/corpus loads with no
// diagnostic, and the spans of keys and strings cover the text they came from.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "analyzer/ir/source.h"
#include "parsers/json/json.h"
#include "parsers/yaml/yaml.h"

namespace kclint {
namespace {

const std::string kCorpus = std::string(KCLINT_SOURCE_ROOT) + "/../shared/corpus";

struct CorpusFile {
  std::string path;
  std::string format;
  std::string text;
  bool json;
};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The manifest's YAML and JSON inputs. A `.template` is JSON when its first
// non-space byte is `{`.
std::vector<CorpusFile> corpus_files() {
  static const std::set<std::string> kFormats{"cloudformation-yaml",
                                              "github-workflow",
                                              "yaml-other",
                                              "cloudformation-json",
                                              "cloudformation-parameters-json",
                                              "ecs-task-definition",
                                              "ecs-container-definition",
                                              "iam-policy-json",
                                              "json-other"};
  std::vector<CorpusFile> files;
  nlohmann::json manifest = nlohmann::json::parse(read(kCorpus + "/manifest.json"));
  for (const auto& entry : manifest["files"]) {
    std::string format = entry["format"];
    if (!kFormats.count(format)) continue;
    CorpusFile f{entry["path"], format, read(kCorpus + "/" + std::string(entry["path"])), false};
    std::size_t first = f.text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    f.json = f.path.ends_with(".template") ? first != std::string::npos && f.text[first] == '{'
                                           : format.find("json") != std::string::npos || format.starts_with("ecs-");
    files.push_back(std::move(f));
  }
  return files;
}

LoadResult load(const CorpusFile& f) {
  if (f.json) return json::load(0, f.text);
  yaml::Options options;
  options.cfn_tags = f.format == "cloudformation-yaml";
  return yaml::load(0, f.text, options);
}

// Compares single-line key and string spans with the source text they cover
// (quotes stripped; escaped, tagged and block scalars skipped).
class SpanChecker {
 public:
  SpanChecker(std::string_view text, std::string path) : text_(text), index_(text), path_(std::move(path)) {}

  void walk(const Value& v) {
    const Span& s = v.span();
    EXPECT_TRUE(s.valid()) << path_;
    EXPECT_TRUE(s.line < s.end_line || (s.line == s.end_line && s.column <= s.end_column)) << path_;
    if (const Value::Map* m = v.map_value()) {
      for (const Value::Member& member : *m) {
        check(member.key_span, member.key, "key");
        walk(member.value);
      }
    } else if (const Value::List* l = v.list_value()) {
      for (const Value& e : *l) walk(e);
    } else if (const std::string* str = v.string_value()) {
      check(s, *str, "string");
    }
  }
  int checked() const { return checked_; }

 private:
  std::size_t offset(std::uint32_t line, std::uint32_t column) const {
    std::size_t at = index_.line_start(line);
    for (std::uint32_t c = 1; c < column; ++c) {
      ++at;
      while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;
    }
    return at;
  }

  void check(const Span& s, const std::string& want, const char* what) {
    if (!s.valid() || s.line != s.end_line) return;
    std::size_t begin = offset(s.line, s.column);
    std::string_view got = text_.substr(begin, offset(s.end_line, s.end_column) - begin);
    if (!got.empty() && (got[0] == '"' || got[0] == '\'')) {
      if (got.find('\\') != std::string_view::npos || got.find("''") != std::string_view::npos) return;
      got = got.substr(1, got.size() >= 2 ? got.size() - 2 : 0);
    } else if (!got.empty() && std::string_view("|>!&*").find(got[0]) != std::string_view::npos) {
      return;
    }
    ++checked_;
    EXPECT_EQ(got, want) << path_ << ":" << s.line << ":" << s.column << " " << what;
  }

  std::string_view text_;
  LineIndex index_;
  std::string path_;
  int checked_ = 0;
};

TEST(Corpus, EveryYamlAndJsonFileLoadsWithoutDiagnostics) {
  if (!std::filesystem::exists(kCorpus + "/manifest.json")) GTEST_SKIP() << "no corpus at " << kCorpus;
  std::vector<CorpusFile> files = corpus_files();
  ASSERT_GT(files.size(), 500u);
  std::size_t warnings = 0;
  for (const CorpusFile& f : files) {
    LoadResult r = load(f);
    for (const Diagnostic& d : r.diagnostics)
      ADD_FAILURE() << f.path << ":" << d.span.line << ":" << d.span.column << ": " << d.message;
    EXPECT_TRUE(r.value.is_map() || f.format == "iam-policy-json" || r.value.is_list()) << f.path;
    warnings += r.warnings.size();
  }
  RecordProperty("files", static_cast<int>(files.size()));
  RecordProperty("duplicate_key_warnings", static_cast<int>(warnings));
}

TEST(Corpus, SpansCoverTheirSourceText) {
  if (!std::filesystem::exists(kCorpus + "/manifest.json")) GTEST_SKIP() << "no corpus at " << kCorpus;
  int checked = 0;
  for (const CorpusFile& f : corpus_files()) {
    std::string_view body = f.text;
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    SpanChecker checker(body, f.path);
    checker.walk(load(f).value);
    checked += checker.checked();
  }
  EXPECT_GT(checked, 50'000);
}

}  // namespace
}  // namespace kclint

// Differential test: every terraform-hcl / terraform-tfvars file of the shared
// corpus must parse cleanly and render exactly as HashiCorp's hcl2json did.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "parsers/hcl/hcl2json.h"
#include "parsers/hcl/parser.h"

namespace kclint::hcl {
namespace {

using nlohmann::json;

const std::string kShared = KCLINT_SOURCE_ROOT "/../shared";

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

std::string short_dump(const json& v) {
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  return s.size() > 160 ? s.substr(0, 160) + "..." : s;
}

// The JSON Pointer of the first difference, with both values; empty if equal.
std::string first_diff(const json& got, const json& want, const std::string& path) {
  if (got == want) return {};
  if (got.is_object() && want.is_object()) {
    for (auto it = want.begin(); it != want.end(); ++it)
      if (!got.contains(it.key())) return path + "/" + it.key() + ": missing";
    for (auto it = got.begin(); it != got.end(); ++it) {
      if (!want.contains(it.key())) return path + "/" + it.key() + ": unexpected key";
      std::string d = first_diff(*it, want[it.key()], path + "/" + it.key());
      if (!d.empty()) return d;
    }
  }
  if (got.is_array() && want.is_array()) {
    if (got.size() != want.size()) return path + fmt::format(": {} elements, want {}", got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      std::string d = first_diff(got[i], want[i], path + "/" + std::to_string(i));
      if (!d.empty()) return d;
    }
  }
  return path + ": got " + short_dump(got) + ", want " + short_dump(want);
}

TEST(Hcl2JsonGolden, WholeCorpusMatches) {
  std::string manifest_text;
  if (!read_file(kShared + "/corpus/manifest.json", manifest_text))
    GTEST_SKIP() << "shared corpus not found at " << kShared << "/corpus/manifest.json";
  json manifest = json::parse(manifest_text);

  int total = 0, parsed = 0, matched = 0, byte_exact = 0;
  std::vector<std::string> failures;
  for (const json& f : manifest["files"]) {
    std::string format = f["format"];
    if (format != "terraform-hcl" && format != "terraform-tfvars") continue;
    ++total;
    std::string path = f["path"];
    std::string src, golden_text;
    ASSERT_TRUE(read_file(kShared + "/corpus/" + path, src)) << path;
    ASSERT_TRUE(read_file(kShared + "/hcl-golden/" + path + ".json", golden_text)) << "no golden for " << path;

    ParseResult r = parse(0, src, format == "terraform-tfvars" ? ParseMode::Tfvars : ParseMode::Config);
    if (!r.ok()) {
      const Diagnostic& d = r.diagnostics.front();
      failures.push_back(fmt::format("{}:{}:{}: parse error: {}", path, d.span.line, d.span.column, d.message));
      continue;
    }
    ++parsed;
    json got = to_hcl2json(r.file, src);
    json want = json::parse(golden_text);
    std::string diff = first_diff(got, want, "");
    if (!diff.empty()) {
      failures.push_back(path + ": " + diff);
      continue;
    }
    ++matched;
    if (format_hcl2json(got) == golden_text) ++byte_exact;
  }

  std::string report;
  for (std::size_t i = 0; i < failures.size() && i < 40; ++i) report += "  " + failures[i] + "\n";
  EXPECT_EQ(total, 913) << "manifest changed?";
  EXPECT_EQ(parsed, total);
  EXPECT_EQ(matched, total) << failures.size() << " mismatches (first 40):\n" << report;
  // Byte-for-byte equality also pins key order, indentation and number format.
  EXPECT_EQ(byte_exact, matched);
  std::printf("hcl2json goldens: %d files, %d parsed, %d match, %d byte-exact\n", total, parsed, matched, byte_exact);
}

}  // namespace
}  // namespace kclint::hcl

// Fixture discovery and expectation parsing.
#include "tests/support/fixtures.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <re2/re2.h>

#include "parsers/json/json.h"
#include "rules/registry.h"

namespace kclint::testing {

namespace fs = std::filesystem;

fs::path source_root() { return fs::path(KCLINT_SOURCE_ROOT); }

std::vector<FixtureCase> discover_fixtures() {
  std::vector<FixtureCase> out;
  fs::path base = source_root() / "tests" / "fixtures";
  std::error_code ec;
  if (!fs::is_directory(base, ec)) return out;
  for (const Rule* rule : all_rules()) {
    std::string family(to_string(rule->family));
    std::transform(family.begin(), family.end(), family.begin(), [](unsigned char c) { return std::tolower(c); });
    fs::path dir = base / family / std::string(rule->name);
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> entries;
    for (const auto& e : fs::directory_iterator(dir)) entries.push_back(e.path());
    std::sort(entries.begin(), entries.end());
    for (const fs::path& p : entries) {
      if (p.extension() == ".expect") continue;
      std::string name = std::string(rule->id) + "_" + p.filename().string();
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      out.push_back({name, std::string(rule->id), p});
    }
  }
  return out;
}

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::vector<Expectation> read_expectations(const fs::path& file, const std::string& display, std::string* error) {
  std::vector<Expectation> out;
  fs::path sidecar = file;
  sidecar += ".expect";
  std::error_code ec;
  if (fs::exists(sidecar, ec)) {
    std::string text = read_all(file);
    json::LoadResult doc = json::load(0, text);
    std::istringstream lines(read_all(sidecar));
    std::string line;
    int n = 0;
    static const RE2 re(R"re(^\s*(\S*)\s+([A-Z]+[0-9]{3})\s*(?:"(.*)")?\s*$)re");
    while (std::getline(lines, line)) {
      ++n;
      if (line.empty() || line[0] == '#') continue;
      std::string pointer, rule, sub;
      if (!RE2::FullMatch(line, re, &pointer, &rule, &sub)) {
        *error = fmt::format("{}:{}: cannot read expectation '{}'", sidecar.string(), n, line);
        return {};
      }
      const Value* v = &doc.value;
      std::stringstream parts(pointer);
      std::string part;
      std::getline(parts, part, '/');  // leading empty segment
      while (v && std::getline(parts, part, '/')) {
        if (v->is_list()) {
          std::size_t idx = std::strtoul(part.c_str(), nullptr, 10);
          v = idx < v->list_value()->size() ? &(*v->list_value())[idx] : nullptr;
        } else {
          v = v->get(part);
        }
      }
      if (!v || !v->span().valid()) {
        *error = fmt::format("{}:{}: JSON pointer '{}' does not resolve in {}", sidecar.string(), n, pointer,
                             file.string());
        return {};
      }
      out.push_back({display, v->span().line, v->span().column, rule, sub, fmt::format("{}:{}", sidecar.string(), n)});
    }
    return out;
  }

  std::istringstream lines(read_all(file));
  std::string line;
  std::uint32_t n = 0;
  std::vector<Expectation> pending;
  static const RE2 expect_re(R"re(^\s*(?:#|//)\s*expect:\s*([A-Z]+[0-9]{3})\s*(?:"(.*)")?\s*$)re");
  while (std::getline(lines, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string rule, sub;
    if (RE2::FullMatch(line, expect_re, &rule, &sub)) {
      pending.push_back({display, 0, 0, rule, sub, fmt::format("{}:{}", display, n)});
      continue;
    }
    if (line.find("expect:") != std::string::npos && RE2::PartialMatch(line, R"(^\s*(#|//)\s*expect:)")) {
      *error = fmt::format("{}:{}: malformed expectation '{}'", display, n, line);
      return {};
    }
    bool blank = line.find_first_not_of(" \t") == std::string::npos;
    if (blank || pending.empty()) continue;
    for (Expectation& e : pending) {
      e.line = n;
      out.push_back(std::move(e));
    }
    pending.clear();
  }
  if (!pending.empty()) *error = fmt::format("{}: expectation with no line after it", pending.front().origin);
  return out;
}

}  // namespace kclint::testing

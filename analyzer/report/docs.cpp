// Rule documentation embedded in the binary (docs/rules/ID.md).
#include <algorithm>
#include <utility>

#include "analyzer/report/report.h"

namespace kclint {

namespace {
struct Doc {
  std::string_view id;
  std::string_view text;
};
constexpr Doc kDocs[] = {
#include "rule_docs.inc"
};
}  // namespace

std::string_view rule_doc(std::string_view id) {
  for (const Doc& d : kDocs)
    if (d.id == id) return d.text;
  return {};
}

std::string rule_full_description(const Rule& rule) {
  std::string_view doc = rule_doc(rule.id);
  // Skip the title line and blank lines, then take the first paragraph.
  std::size_t pos = 0;
  std::string out;
  bool title_done = false;
  while (pos < doc.size()) {
    std::size_t end = doc.find('\n', pos);
    std::string_view line = doc.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? doc.size() : end + 1;
    if (!title_done) {
      if (line.starts_with("#")) title_done = true;
      continue;
    }
    if (line.empty() || line.starts_with("#")) {
      if (!out.empty()) break;
      continue;
    }
    if (!out.empty()) out += ' ';
    out += line;
  }
  return out.empty() ? std::string(rule.summary) : out;
}

std::string rule_help_uri(const Rule& rule) {
  return fmt::format("{}/blob/main/docs/rules/{}.md", kInformationUri, rule.id);
}

}  // namespace kclint

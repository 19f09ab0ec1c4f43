// Path globs for excludes, environments and suppressions.
#include "analyzer/ir/glob.h"

namespace kclint {

namespace {
bool glob_match_at(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.starts_with("**")) {
      p.remove_prefix(2);
      if (p.starts_with("/")) p.remove_prefix(1);
      if (p.empty()) return true;  // a trailing ** matches everything below
      for (std::size_t i = 0; i <= s.size(); ++i)
        if ((i == 0 || s[i - 1] == '/') && glob_match_at(p, s.substr(i))) return true;
      return false;
    }
    if (p.front() == '*') {
      p.remove_prefix(1);
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (glob_match_at(p, s.substr(i))) return true;
        if (i < s.size() && s[i] == '/') return false;
      }
      return false;
    }
    if (s.empty()) return false;
    if (p.front() != '?' && p.front() != s.front()) return false;
    if (p.front() == '?' && s.front() == '/') return false;
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}
}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  while (pattern.starts_with("./")) pattern.remove_prefix(2);
  if (pattern.ends_with("/")) pattern.remove_suffix(1);
  if (pattern.find('/') == std::string_view::npos) {
    // Match any segment (and so everything below a matching directory).
    std::size_t start = 0;
    while (start <= path.size()) {
      std::size_t end = path.find('/', start);
      std::string_view seg = path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      if (glob_match_at(pattern, seg)) return true;
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    return false;
  }
  // Anchored at the root; a match of a directory prefix covers what is below it.
  if (glob_match_at(pattern, path)) return true;
  for (std::size_t i = 0; i < path.size(); ++i)
    if (path[i] == '/' && glob_match_at(pattern, path.substr(0, i))) return true;
  return false;
}

bool name_match(std::string_view p, std::string_view s) {
  // Iterative wildcard match with one backtracking point.
  std::size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
      ++pi;
      ++si;
    } else if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = si;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

}  // namespace kclint

// Project storage and indexes.
#include "analyzer/ir/project.h"

#include <algorithm>
#include <optional>
#include <tuple>

namespace kclint {

SourceFile& Project::add_file(std::string path, Format format, std::string text) {
  SourceFile& f = files_.emplace_back();
  f.id = static_cast<FileId>(files_.size() - 1);
  f.path = std::move(path);
  f.format = format;
  f.text = std::move(text);
  f.lines = LineIndex(f.text);
  return f;
}

const SourceFile* Project::file_by_rel_path(std::string_view rel_path) const {
  for (const SourceFile& f : files_)
    if (f.rel_path == rel_path) return &f;
  return nullptr;
}

ResourceId Project::add(Resource r) {
  resources_.push_back(std::move(r));
  return static_cast<ResourceId>(resources_.size() - 1);
}

ResourceId Project::id_of(const Resource& r) const {
  if (auto it = ids_.find(&r); it != ids_.end()) return it->second;
  for (std::size_t i = 0; i < resources_.size(); ++i)  // not finalized yet
    if (&resources_[i] == &r) return static_cast<ResourceId>(i);
  return kNoResource;
}

const Resource* Project::find(std::string_view address) const {
  auto it = by_address_.find(address);
  return it == by_address_.end() ? nullptr : &resources_[it->second];
}

template <class F>
void Project::LineRanges::containing(std::uint32_t line, F&& each) const {
  // Only ranges that start at or before `line` can contain it; of those, the
  // tree leads to the ones that end at or after it.
  auto starts_after = [](std::uint32_t l, const Range& r) { return l < r.line; };
  std::size_t before = std::upper_bound(ranges.begin(), ranges.end(), line, starts_after) - ranges.begin();
  struct Node {
    std::size_t index, lo, hi;
  };
  std::vector<Node> todo{{1, 0, max_end.size() / 2}};
  while (!todo.empty()) {
    Node n = todo.back();
    todo.pop_back();
    if (n.lo >= before || max_end[n.index] < line) continue;
    if (n.hi - n.lo == 1) {
      each(ranges[n.lo]);
      continue;
    }
    std::size_t mid = (n.lo + n.hi) / 2;
    todo.push_back({2 * n.index + 1, mid, n.hi});
    todo.push_back({2 * n.index, n.lo, mid});
  }
}

std::vector<const Resource*> Project::enclosing(FileId file, std::uint32_t line) const {
  std::vector<std::pair<std::uint32_t, ResourceId>> found;  // (length, id)
  if (file < by_file_.size())
    by_file_[file].containing(line, [&](const LineRanges::Range& r) {
      for (ResourceId id : r.members) found.emplace_back(r.end_line - r.line, id);
    });
  std::sort(found.begin(), found.end());
  std::vector<const Resource*> out;
  out.reserve(found.size());
  for (const auto& [length, id] : found) out.push_back(&resources_[id]);
  return out;
}

const Resource* Project::innermost(FileId file, std::uint32_t line) const {
  std::optional<std::pair<std::uint32_t, ResourceId>> best;
  if (file < by_file_.size())
    by_file_[file].containing(line, [&](const LineRanges::Range& r) {
      std::pair<std::uint32_t, ResourceId> here{r.end_line - r.line, r.members.front()};
      if (!best || here < *best) best = here;
    });
  return best ? &resources_[best->second] : nullptr;
}

void Project::add_edge(EdgeKind kind, ResourceId from, ResourceId to, Span span) {
  edges_.push_back(Edge{kind, from, to, span});
}

std::vector<const Edge*> Project::edges_from(ResourceId from, std::optional<EdgeKind> kind) const {
  std::vector<const Edge*> out;
  if (from < out_.size())
    for (std::uint32_t e : out_[from])
      if (!kind || edges_[e].kind == *kind) out.push_back(&edges_[e]);
  return out;
}

std::vector<const Edge*> Project::edges_to(ResourceId to, std::optional<EdgeKind> kind) const {
  std::vector<const Edge*> out;
  if (to < in_.size())
    for (std::uint32_t e : in_[to])
      if (!kind || edges_[e].kind == *kind) out.push_back(&edges_[e]);
  return out;
}

void Project::finalize() {
  for (auto& v : by_kind_) v.clear();
  by_address_.clear();
  for (std::size_t i = 0; i < resources_.size(); ++i) {
    const Resource& r = resources_[i];
    by_kind_[static_cast<std::size_t>(r.kind)].push_back(&r);
    by_address_.emplace(r.address, static_cast<ResourceId>(i));
  }
  ids_.clear();
  by_file_.assign(files_.size(), {});
  std::vector<std::vector<std::tuple<std::uint32_t, std::uint32_t, ResourceId>>> spans(files_.size());
  for (std::size_t i = 0; i < resources_.size(); ++i) {
    const Resource& r = resources_[i];
    ids_.emplace(&r, static_cast<ResourceId>(i));
    if (r.file < files_.size() && r.span.valid() && r.span.end_line >= r.span.line)
      spans[r.file].emplace_back(r.span.line, r.span.end_line, static_cast<ResourceId>(i));
  }
  for (std::size_t f = 0; f < spans.size(); ++f) {
    if (spans[f].empty()) continue;
    std::sort(spans[f].begin(), spans[f].end());
    LineRanges& index = by_file_[f];
    for (const auto& [line, end_line, id] : spans[f]) {
      if (index.ranges.empty() || index.ranges.back().line != line || index.ranges.back().end_line != end_line)
        index.ranges.push_back({line, end_line, {}});
      index.ranges.back().members.push_back(id);
    }
    std::size_t leaves = 1;
    while (leaves < index.ranges.size()) leaves *= 2;
    index.max_end.assign(2 * leaves, 0);
    for (std::size_t i = 0; i < index.ranges.size(); ++i) index.max_end[leaves + i] = index.ranges[i].end_line;
    for (std::size_t i = leaves - 1; i >= 1; --i) index.max_end[i] = std::max(index.max_end[2 * i], index.max_end[2 * i + 1]);
  }
  out_.assign(resources_.size(), {});
  in_.assign(resources_.size(), {});
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    out_[edges_[e].from].push_back(static_cast<std::uint32_t>(e));
    in_[edges_[e].to].push_back(static_cast<std::uint32_t>(e));
  }
}

}  // namespace kclint

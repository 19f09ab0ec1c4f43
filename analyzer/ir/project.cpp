// Project storage and indexes.
#include "analyzer/ir/project.h"

#include <algorithm>

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
  for (std::size_t i = 0; i < resources_.size(); ++i)
    if (&resources_[i] == &r) return static_cast<ResourceId>(i);
  return kNoResource;
}

const Resource* Project::find(std::string_view address) const {
  auto it = by_address_.find(address);
  return it == by_address_.end() ? nullptr : &resources_[it->second];
}

std::vector<const Resource*> Project::enclosing(FileId file, std::uint32_t line) const {
  std::vector<const Resource*> out;
  for (const Resource& r : resources_)
    if (r.file == file && r.span.contains_line(line)) out.push_back(&r);
  std::sort(out.begin(), out.end(), [](const Resource* a, const Resource* b) {
    return (a->span.end_line - a->span.line) < (b->span.end_line - b->span.line);
  });
  return out;
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
  out_.assign(resources_.size(), {});
  in_.assign(resources_.size(), {});
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    out_[edges_[e].from].push_back(static_cast<std::uint32_t>(e));
    in_[edges_[e].to].push_back(static_cast<std::uint32_t>(e));
  }
}

}  // namespace kclint

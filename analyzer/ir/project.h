// The project: every file kclint read, the resources lowered from them, and
// the edges between them. Built once, then immutable while rules run.
#pragma once

#include <any>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "analyzer/ir/diagnostic.h"
#include "analyzer/ir/kind.h"
#include "analyzer/ir/models.h"
#include "analyzer/ir/settings.h"
#include "analyzer/ir/source.h"
#include "analyzer/ir/value.h"

namespace kclint {

using ResourceId = std::uint32_t;
inline constexpr ResourceId kNoResource = 0xFFFFFFFFu;

struct Resource {
  Kind kind = Kind::Other;
  std::string native_type;  // aws_security_group, AWS::EC2::SecurityGroup, Dockerfile stage, ...
  std::string address;      // unique in the project: module.x.aws_subnet.a[1], path#LogicalId, Dockerfile:runner
  std::string name;         // the short name for messages: label, logical id, stage name
  FileId file = kNoFile;
  Span span;                // the whole resource / block
  Value attrs = Value::map({});  // canonical attributes (Map)
  ResourceId parent = kNoResource;  // container → task definition, step → job → workflow
  std::string environment;          // "prod", "staging", ... or empty when unknown
  bool production = false;          // the environment is a production one (Settings::production_names)

  std::vector<PolicyDocument> policies;
  std::vector<SecurityGroupRule> sg_rules;
  std::vector<ContainerSpec> containers;

  const Value* attr(std::string_view key) const { return attrs.get(key); }
};

enum class EdgeKind : std::uint8_t {
  References,     // any attribute reference (Terraform ref, CFN Ref/GetAtt)
  UsesSecurityGroup,  // resource → security group it is attached to
  SecurityGroupPeer,  // security group → peer group its rules admit
  InheritsFrom,   // Dockerfile stage → the earlier stage it is built FROM
  Builds,         // workflow step → Dockerfile stage it builds
  Deploys,        // workflow step → task definition / service it rolls out
  RunsTask,       // workflow step → task definition it runs (run-task)
  RunsImage,      // task definition container → Dockerfile stage / ECR repo of its image
  UsesTaskDefinition,  // ECS service → task definition
  Needs,          // job → job it needs
  Calls,          // job/step → reusable workflow or local action
  LoadsStack,     // CFN stack resource → root resource of the nested template
};

struct Edge {
  EdgeKind kind;
  ResourceId from;
  ResourceId to;
  Span span;  // where in `from` the link is written
};

// An inline `kclint:ignore ID[,ID] -- reason` comment.
struct Suppression {
  Span span;             // the comment
  bool own_line = true;  // the comment is the only thing on its line
  std::vector<std::string> ids;  // rule ids or family names, upper-case
  std::string reason;    // empty when missing
};

struct SourceFile {
  FileId id = kNoFile;
  std::string path;      // as reported: relative to the directory kclint runs in, '/' separated
  std::string rel_path;  // relative to the project root, '/' separated (for links between files)
  Format format = Format::Unknown;
  std::string text;
  LineIndex lines;   // over `text`
  Diagnostics diagnostics;  // parse problems: KC000
  std::vector<Suppression> suppressions;
  bool reported = true;  // false: loaded for context only (--project-root)
  // The parsed syntax tree, kept by the per-file phase for project-wide
  // lowerings (Terraform modules, CloudFormation nested stacks, links).
  std::any syntax;
};

class Project {
 public:
  std::string root;  // absolute path of the project root
  Settings settings;  // from `.kclint.yaml`; read by lowerings and rules

  // Files are stored in a deque so SourceFile addresses (and LineIndex views
  // over their text) stay valid as files are added.
  SourceFile& add_file(std::string path, Format format, std::string text);
  const std::deque<SourceFile>& files() const { return files_; }
  std::deque<SourceFile>& files() { return files_; }
  const SourceFile& file(FileId id) const { return files_[id]; }
  // The file with this project-relative path, if loaded.
  const SourceFile* file_by_rel_path(std::string_view rel_path) const;
  SourceFile& file(FileId id) { return files_[id]; }

  ResourceId add(Resource r);
  const Resource& resource(ResourceId id) const { return resources_[id]; }
  Resource& resource(ResourceId id) { return resources_[id]; }
  std::size_t resource_count() const { return resources_.size(); }
  ResourceId id_of(const Resource& r) const;

  const std::vector<const Resource*>& of_kind(Kind k) const { return by_kind_[static_cast<std::size_t>(k)]; }
  const Resource* find(std::string_view address) const;
  // Resources in `file` whose span contains `line`, innermost (shortest) first;
  // of equally long ones, the first added first.
  std::vector<const Resource*> enclosing(FileId file, std::uint32_t line) const;
  // enclosing(file, line).front(), or nullptr: without building the list.
  const Resource* innermost(FileId file, std::uint32_t line) const;

  void add_edge(EdgeKind kind, ResourceId from, ResourceId to, Span span = {});
  std::vector<const Edge*> edges_from(ResourceId from, std::optional<EdgeKind> kind = std::nullopt) const;
  std::vector<const Edge*> edges_to(ResourceId to, std::optional<EdgeKind> kind = std::nullopt) const;
  const std::vector<Edge>& edges() const { return edges_; }

  // Facts about the repository tree that are not resources.
  std::vector<std::string> migration_markers;  // paths that show the project has DB migrations

  // Builds the kind / address / edge indexes. Call after all resources and
  // edges are added; the project must not change afterwards.
  void finalize();

  // Data derived from the finished project that several rules read (workflow
  // pipelines, ...): `make()` runs once, for the first rule that asks, under
  // a lock; the others get the same object. Rules run in parallel.
  template <class T, class Make>
  const T& shared(Make&& make) const {
    std::lock_guard<std::mutex> lock(shared_mutex_);
    std::shared_ptr<const void>& slot = shared_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<const T>(make());
    return *static_cast<const T*>(slot.get());
  }

 private:
  std::deque<SourceFile> files_;
  std::deque<Resource> resources_;
  std::vector<Edge> edges_;
  std::vector<std::vector<const Resource*>> by_kind_ = std::vector<std::vector<const Resource*>>(kKindCount);
  std::unordered_map<std::string_view, ResourceId> by_address_;
  std::vector<std::vector<std::uint32_t>> out_, in_;  // edge indexes per resource
  std::unordered_map<const Resource*, ResourceId> ids_;

  // The distinct line ranges of one file's resources, sorted by first line,
  // with a max-heap-shaped tree of their last lines: finding the ranges that
  // contain a line costs a logarithm per range found, so many resources (or
  // thousands of count/for_each instances sharing one span) stay cheap.
  struct LineRanges {
    struct Range {
      std::uint32_t line = 0, end_line = 0;
      std::vector<ResourceId> members;  // in the order they were added
    };
    std::vector<Range> ranges;
    std::vector<std::uint32_t> max_end;  // segment tree over ranges' end_line, size 2 × ranges.size()
    template <class F>
    void containing(std::uint32_t line, F&& each) const;
  };
  std::vector<LineRanges> by_file_;

  mutable std::mutex shared_mutex_;
  mutable std::map<std::type_index, std::shared_ptr<const void>> shared_;
};

}  // namespace kclint

// Graph rendering in DOT and Mermaid.
#include "analyzer/report/graph.h"

#include <algorithm>
#include <map>
#include <set>

namespace kclint {

namespace {

std::string_view edge_label(EdgeKind k) {
  switch (k) {
    case EdgeKind::References: return "references";
    case EdgeKind::UsesSecurityGroup: return "in group";
    case EdgeKind::SecurityGroupPeer: return "admits";
    case EdgeKind::InheritsFrom: return "FROM";
    case EdgeKind::Builds: return "builds";
    case EdgeKind::Deploys: return "deploys";
    case EdgeKind::RunsTask: return "runs task";
    case EdgeKind::RunsImage: return "runs image";
    case EdgeKind::UsesTaskDefinition: return "task definition";
    case EdgeKind::Needs: return "needs";
    case EdgeKind::Calls: return "calls";
    case EdgeKind::LoadsStack: return "nested stack";
  }
  return "";
}

struct Node {
  std::string id;
  std::string label;
  std::vector<std::string> findings;  // rule ids
};

struct GraphEdge {
  std::string from, to, label;
  bool dashed = false;
};

struct Cluster {
  std::string title;
  std::vector<Node> nodes;
};

std::string escape_dot(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string escape_mermaid(std::string_view s) {
  std::string out;
  for (char c : s) out += c == '"' ? std::string("#quot;") : std::string(1, c);
  return out;
}

std::string port_text(const SecurityGroupRule& r) {
  std::string proto = r.protocol.as_text().value_or("?");
  if (proto == "-1" || proto == "all") return "all traffic";
  auto from = r.from_port.as_number(), to = r.to_port.as_number();
  if (!from || !to) return proto + " ?";
  if (*from == *to) return fmt::format("{} {}", proto, static_cast<long>(*from));
  return fmt::format("{} {}-{}", proto, static_cast<long>(*from), static_cast<long>(*to));
}

}  // namespace

void write_graph(std::ostream& out, const std::vector<std::unique_ptr<Project>>& projects, const Report& report,
                 GraphFormat format) {
  std::vector<Cluster> clusters;
  std::vector<GraphEdge> edges;
  for (std::size_t p = 0; p < projects.size(); ++p) {
    const Project& project = *projects[p];
    auto node_id = [&](ResourceId r) { return fmt::format("n{}_{}", p, r); };
    // Each finding marks the innermost drawn resource that contains it.
    std::map<ResourceId, std::vector<std::string>> marked;
    for (const Result& f : report.results) {
      if (f.suppression != SuppressionKind::None || !f.location.span.valid()) continue;
      const Resource* best = nullptr;
      for (ResourceId r = 0; r < project.resource_count(); ++r) {
        const Resource& res = project.resource(r);
        if (res.kind == Kind::Step || res.kind == Kind::Other || project.file(res.file).path != f.location.path ||
            !res.span.contains_line(f.location.span.line))
          continue;
        if (!best || res.span.end_line - res.span.line < best->span.end_line - best->span.line) best = &res;
      }
      if (best) marked[project.id_of(*best)].push_back(std::string(f.rule->id));
    }
    std::map<FileId, std::size_t> cluster_of;
    for (ResourceId r = 0; r < project.resource_count(); ++r) {
      const Resource& res = project.resource(r);
      if (res.kind == Kind::Step || res.kind == Kind::Other) continue;  // steps appear through their edges
      auto [it, added] = cluster_of.emplace(res.file, clusters.size());
      if (added) clusters.push_back({project.file(res.file).path, {}});
      Node n{node_id(r), fmt::format("{}\n{}", to_string(res.kind), res.name.empty() ? res.address : res.name),
             marked[r]};
      std::sort(n.findings.begin(), n.findings.end());
      n.findings.erase(std::unique(n.findings.begin(), n.findings.end()), n.findings.end());
      clusters[it->second].nodes.push_back(std::move(n));
    }
    // Steps are drawn as the job that holds them.
    auto shown = [&](ResourceId r) {
      while (r != kNoResource && project.resource(r).kind == Kind::Step) r = project.resource(r).parent;
      return r;
    };
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    auto add = [&](ResourceId from, ResourceId to, std::string label, bool dashed) {
      from = shown(from);
      to = shown(to);
      if (from == kNoResource || to == kNoResource || from == to) return;
      if (!seen.emplace(node_id(from), node_id(to), label).second) return;
      edges.push_back({node_id(from), node_id(to), std::move(label), dashed});
    };
    for (const Edge& e : project.edges())
      if (e.kind != EdgeKind::SecurityGroupPeer) add(e.from, e.to, std::string(edge_label(e.kind)), e.kind == EdgeKind::References);
    // Security-group peers, labelled with what they admit: peer → group.
    for (ResourceId r = 0; r < project.resource_count(); ++r) {
      for (const SecurityGroupRule& rule : project.resource(r).sg_rules) {
        const Value::Ref* peer = rule.peer_group.reference_value();
        const Value::Ref* group = rule.group.reference_value();
        if (!peer || !group) continue;
        const Resource* peer_res = project.find(peer->target);
        const Resource* group_res = project.find(group->target);
        if (!peer_res || !group_res) continue;
        ResourceId a = project.id_of(*peer_res), b = project.id_of(*group_res);
        if (rule.direction == Direction::Egress) std::swap(a, b);
        add(a, b, port_text(rule), false);
      }
    }
  }

  if (format == GraphFormat::Dot) {
    out << "digraph kclint {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n"
           "  edge [fontname=\"Helvetica\", fontsize=9];\n";
    for (std::size_t c = 0; c < clusters.size(); ++c) {
      out << fmt::format("  subgraph cluster_{} {{\n    label=\"{}\";\n    style=dashed;\n", c, escape_dot(clusters[c].title));
      for (const Node& n : clusters[c].nodes) {
        std::string label = n.label;
        std::string attrs;
        if (!n.findings.empty()) {
          std::string ids;
          for (const std::string& id : n.findings) ids += (ids.empty() ? "" : ", ") + id;
          label += "\n" + ids;
          attrs = ", color=red, fontcolor=red, penwidth=2";
        }
        std::string escaped = escape_dot(label);
        std::string dot_label;
        for (std::size_t i = 0; i < escaped.size(); ++i) dot_label += escaped[i] == '\n' ? std::string("\\n") : std::string(1, escaped[i]);
        out << fmt::format("    {} [label=\"{}\"{}];\n", n.id, dot_label, attrs);
      }
      out << "  }\n";
    }
    for (const GraphEdge& e : edges)
      out << fmt::format("  {} -> {} [label=\"{}\"{}];\n", e.from, e.to, escape_dot(e.label), e.dashed ? ", style=dashed" : "");
    out << "}\n";
    return;
  }

  out << "flowchart LR\n";
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    out << fmt::format("  subgraph c{}[\"{}\"]\n", c, escape_mermaid(clusters[c].title));
    for (const Node& n : clusters[c].nodes) {
      std::string label = n.label;
      for (char& ch : label)
        if (ch == '\n') ch = ' ';
      std::string ids;
      for (const std::string& id : n.findings) ids += (ids.empty() ? " ⚠ " : ", ") + id;
      out << fmt::format("    {}[\"{}{}\"]\n", n.id, escape_mermaid(label), ids);
    }
    out << "  end\n";
  }
  for (const GraphEdge& e : edges)
    out << fmt::format("  {} {}|\"{}\"| {}\n", e.from, e.dashed ? "-.->" : "-->", escape_mermaid(e.label), e.to);
  for (const Cluster& c : clusters)
    for (const Node& n : c.nodes)
      if (!n.findings.empty()) out << fmt::format("  style {} stroke:#d00,stroke-width:2px\n", n.id);
}

}  // namespace kclint

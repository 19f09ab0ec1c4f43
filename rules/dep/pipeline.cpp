// DEP helpers: deploy / migration pattern tables and workflow run order.
#include "rules/dep/pipeline.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include <re2/re2.h>
#include <re2/set.h>

namespace kclint::dep {

namespace {

struct Pattern {
  std::string_view what;
  RE2 re;
};

// Commands that roll out application code. `aws cloudformation deploy` only
// counts for a template that defines ECS services (checked separately).
const Pattern kDeploy[] = {
    {"aws ecs update-service", RE2(R"(\baws\s[^;&|]*?\becs\s+update-service\b)")},
    {"aws ecs deploy", RE2(R"(\baws\s[^;&|]*?\becs\s+deploy\b)")},
    {"aws deploy create-deployment", RE2(R"(\baws\s[^;&|]*?\bdeploy\s+create-deployment\b)")},
    {"ecs-deploy", RE2(R"((?:^|[\s;&|(/])ecs-deploy(?:\s|$))")},
    {"copilot deploy", RE2(R"(\bcopilot\s[^;&|]*?\bdeploy\b)")},
    {"kubectl", RE2(R"(\bkubectl\s[^;&|]*?\b(?:apply|set\s+image|rollout\s+restart)\b)")},
    {"helm upgrade", RE2(R"(\bhelm\s[^;&|]*?\bupgrade\b)")},
    {"aws cloudformation deploy", RE2(R"(\baws\s[^;&|]*?\bcloudformation\s+deploy\b)")},
};

// Commands that apply schema migrations.
const Pattern kMigration[] = {
    {"prisma migrate deploy", RE2(R"(\bprisma\s+migrate\s+deploy\b)")},
    {"manage.py migrate", RE2(R"(\b(?:manage\.py|django-admin)\s+migrate\b)")},
    {"alembic upgrade", RE2(R"(\balembic\s[^;&|]*?\bupgrade\b)")},
    {"db:migrate", RE2(R"(\b(?:rails|rake|sequelize|sequelize-cli)\s[^;&|]*?\bdb:migrate(?:\s|$|[;&|)]))")},
    {"flyway migrate", RE2(R"(\bflyway\s[^;&|]*?\bmigrate\b)")},
    {"liquibase update", RE2(R"(\bliquibase\s[^;&|]*?\bupdate\b)")},
    {"knex migrate:latest", RE2(R"(\bknex\s[^;&|]*?\bmigrate:latest\b)")},
    {"typeorm migration:run", RE2(R"(\btypeorm[\w:-]*\s[^;&|]*?\bmigration:run\b)")},
    {"goose up", RE2(R"(\bgoose\s[^;&|]*?\bup(?:-by-one|-to)?(?:\s|$))")},
    {"dbmate up", RE2(R"(\bdbmate\s[^;&|]*?\b(?:up|migrate)(?:\s|$))")},
    {"npm migrate script", RE2(R"(\b(?:npm\s+run(?:-script)?|yarn(?:\s+run)?|pnpm(?:\s+run)?|bun\s+run)\s+[\w:.-]*migrat[\w:.-]*)")},
};

const RE2 kRunTask(R"(\baws\s[^;&|]*?\becs\s+run-task\b)");

// Which built-in patterns occur in a text, found in one pass: a run script
// seldom holds any, and one scan is cheaper than one per pattern.
class PatternSet {
 public:
  template <std::size_t N>
  explicit PatternSet(const Pattern (&patterns)[N]) : set_(RE2::DefaultOptions, RE2::UNANCHORED), size_(N) {
    for (const Pattern& p : patterns) set_.Add(p.re.pattern(), nullptr);
    set_.Compile();
  }
  // hits[i]: pattern i matches somewhere in `text`.
  std::vector<bool> match(std::string_view text) const {
    std::vector<bool> hits(size_, false);
    std::vector<int> found;
    if (set_.Match(re2::StringPiece(text.data(), text.size()), &found))
      for (int i : found) hits[static_cast<std::size_t>(i)] = true;
    return hits;
  }

 private:
  RE2::Set set_;
  std::size_t size_;
};

// Compiled on first use: a run without workflows never needs them.
const PatternSet& deploy_set() {
  static const PatternSet set(kDeploy);
  return set;
}
const PatternSet& migration_set() {
  static const PatternSet set(kMigration);
  return set;
}

std::uint32_t code_points(std::string_view s) {
  std::uint32_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// True when the match at `offset` is only text printed by echo/printf.
bool printed(std::string_view command, std::size_t offset) {
  std::size_t start = command.find_last_of(";&|(`", offset);
  std::string_view segment = command.substr(start == std::string_view::npos ? 0 : start + 1);
  segment.remove_prefix(std::min(segment.size(), segment.find_first_not_of(" \t")));
  return segment.starts_with("echo ") || segment.starts_with("printf ");
}

// Every match of `re` in `text`, as (offset, length).
std::vector<std::pair<std::size_t, std::size_t>> matches(std::string_view text, const RE2& re) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  re2::StringPiece input(text.data(), text.size()), m;
  std::size_t at = 0;
  while (at <= text.size() && re.Match(input, at, text.size(), RE2::UNANCHORED, &m, 1)) {
    std::size_t b = static_cast<std::size_t>(m.data() - text.data());
    out.emplace_back(b, m.size());
    at = b + std::max<std::size_t>(m.size(), 1);
  }
  return out;
}

// JSON-ish command lists (`["python","manage.py","migrate"]`) as plain words.
std::string words(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '"' || c == '\'' || c == ',' || c == '[' || c == ']') c = ' ';
  return out;
}

std::string text_of(const Value& v) {
  if (const std::string* s = v.string_value()) return *s;
  std::string out;
  if (const Value::List* l = v.list_value())
    for (const Value& e : *l)
      if (e.string_value()) out += *e.string_value() + " ";
  return out;
}

// The first migration command (built in, then from the configuration) in `text`.
std::string_view migration_in(const Project& project, std::string_view text) {
  std::vector<bool> hits = migration_set().match(text);
  for (std::size_t i = 0; i < hits.size(); ++i)
    if (hits[i]) return kMigration[i].what;
  for (const CommandPattern& p : project.settings.migration_patterns)
    if (RE2::PartialMatch(text, *p.re)) return p.text;
  return {};
}

// `aws ecs run-task` runs a migration: its overrides, the task definition it
// runs (in the project), or the task definition's name says so.
bool run_task_migrates(const Project& project, const Resource& step, const Value& command) {
  const std::string& text = *command.string_value();
  if (!migration_in(project, words(text)).empty()) return true;
  static const RE2 named(R"((?i)--task-definition[=\s]+\S*migrat)");
  if (RE2::PartialMatch(text, named)) return true;
  for (const Edge* e : project.edges_from(project.id_of(step), EdgeKind::RunsTask)) {
    if (e->span != command.span()) continue;
    for (const ContainerSpec& c : project.resource(e->to).containers)
      if (!migration_in(project, words(text_of(c.command) + " " + text_of(c.entry_point))).empty()) return true;
  }
  return false;
}

// Does the CloudFormation template at `path` (or a stack it nests) define an ECS service?
bool template_has_service(const Project& project, std::string path) {
  if (path.starts_with("./")) path = path.substr(2);
  const SourceFile* f = project.file_by_rel_path(path);
  if (!f) return false;
  std::set<FileId> files{f->id}, todo{f->id};
  while (!todo.empty()) {
    FileId id = *todo.begin();
    todo.erase(todo.begin());
    for (const Resource* s : project.of_kind(Kind::CfnStack))
      if (s->file == id)
        for (const Edge* e : project.edges_from(project.id_of(*s), EdgeKind::LoadsStack))
          if (files.insert(project.resource(e->to).file).second) todo.insert(project.resource(e->to).file);
  }
  const auto& services = project.of_kind(Kind::EcsService);
  return std::any_of(services.begin(), services.end(), [&](const Resource* s) { return files.count(s->file) > 0; });
}

}  // namespace

bool Action::precedes(const Action& o) const {
  return std::tie(position, command_index, offset) < std::tie(o.position, o.command_index, o.offset);
}

bool uses_action(const Resource& step, std::string_view action) {
  const Value* uses = step.attr("uses");
  const std::string* s = uses ? uses->string_value() : nullptr;
  if (!s || s->size() < action.size()) return false;
  std::string_view u(*s);
  bool same = std::equal(action.begin(), action.end(), u.begin(),
                         [](char a, char b) { return std::tolower(a) == std::tolower(b); });
  return same && (u.size() == action.size() || u[action.size()] == '@');
}

Span sub_span(const Value& text, std::size_t begin, std::size_t end) {
  const Span& s = text.span();
  const std::string* t = text.string_value();
  if (!t || !s.valid() || s.line != s.end_line || s.end_column - s.column != code_points(*t)) return s;
  std::string_view v(*t);
  end = std::min(end, v.size());
  begin = std::min(begin, end);
  return Span{s.file, s.line, s.column + code_points(v.substr(0, begin)), s.line, s.column + code_points(v.substr(0, end))};
}

std::vector<Action> classify(const Project& project, const Resource& step) {
  std::vector<Action> out;
  const Value* uses = step.attr("uses");
  const Value* with = step.attr("with");
  if (uses_action(step, "aws-actions/amazon-ecs-deploy-task-definition")) {
    out.push_back({Role::Deploy, &step, nullptr, 0, 0, 0, uses->span(), "amazon-ecs-deploy-task-definition"});
  } else if (uses_action(step, "aws-actions/aws-cloudformation-github-deploy")) {
    const Value* t = with ? with->get("template") : nullptr;
    if (t && t->string_value() && template_has_service(project, *t->string_value()))
      out.push_back({Role::Deploy, &step, nullptr, 0, 0, 0, uses->span(), "aws-cloudformation-github-deploy"});
  }
  const Value* commands = step.attr("run_commands");
  if (!commands || !commands->list_value()) return out;
  const Value::List& list = *commands->list_value();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Value& c = list[i];
    const std::string& text = *c.string_value();
    std::vector<Action> found;
    auto add = [&](Role role, std::pair<std::size_t, std::size_t> m, std::string_view what, bool run_task = false) {
      if (printed(text, m.first)) return;
      std::string said = text.substr(m.first, std::min<std::size_t>(m.second, 60));  // as written
      said.erase(0, said.find_first_not_of(" ;&|(/"));
      found.push_back({role, &step, &c, i, m.first, 0, sub_span(c, m.first, m.first + m.second),
                       said.empty() ? std::string(what) : said, run_task});
    };
    std::vector<bool> deploy_hits = deploy_set().match(text);
    for (std::size_t k = 0; k < deploy_hits.size(); ++k) {
      if (!deploy_hits[k]) continue;
      const Pattern& p = kDeploy[k];
      for (auto m : matches(text, p.re)) {
        if (p.what == "aws cloudformation deploy") {
          static const RE2 file(R"(--template-file[=\s]+["']?([^\s"']+))");
          std::string path;
          if (!RE2::PartialMatch(text.substr(m.first), file, &path) || !template_has_service(project, path)) continue;
        }
        add(Role::Deploy, m, p.what);
      }
    }
    for (const CommandPattern& p : project.settings.deploy_patterns)
      for (auto m : matches(text, *p.re)) add(Role::Deploy, m, p.text);
    std::vector<std::pair<std::size_t, std::size_t>> run_tasks = matches(text, kRunTask);
    if (!run_tasks.empty()) {
      if (run_task_migrates(project, step, c)) add(Role::Migration, run_tasks.front(), "aws ecs run-task", true);
    } else {
      std::vector<bool> migration_hits = migration_set().match(text);
      for (std::size_t k = 0; k < migration_hits.size(); ++k)
        if (migration_hits[k])
          for (auto m : matches(text, kMigration[k].re)) add(Role::Migration, m, kMigration[k].what);
      for (const CommandPattern& p : project.settings.migration_patterns)
        for (auto m : matches(text, *p.re)) add(Role::Migration, m, p.text);
    }
    std::sort(found.begin(), found.end(), [](const Action& a, const Action& b) { return a.offset < b.offset; });
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

namespace {

// The workflow resources' ids, steps and jobs, gathered once per call
// (Project::id_of is a linear search).
class Index {
 public:
  explicit Index(const Project& p) : p_(p) {
    for (ResourceId i = 0; i < p.resource_count(); ++i) {
      const Resource& r = p.resource(i);
      if (r.kind != Kind::Workflow && r.kind != Kind::Job && r.kind != Kind::Step && r.kind != Kind::Action) continue;
      ids_.emplace(&r, i);
      if (r.parent != kNoResource) (r.kind == Kind::Step ? steps_ : jobs_)[r.parent].push_back(&r);
    }
    for (auto& [parent, steps] : steps_)
      std::stable_sort(steps.begin(), steps.end(), [](const Resource* a, const Resource* b) {
        return a->attr("index")->as_number() < b->attr("index")->as_number();
      });
  }

  ResourceId id(const Resource& r) const { return ids_.at(&r); }

  // Jobs of a workflow in an order that respects `needs` (file order otherwise).
  std::vector<const Resource*> jobs_in_order(const Resource& workflow) const {
    const std::vector<const Resource*>& jobs = of(jobs_, id(workflow));
    std::vector<const Resource*> out;
    std::set<ResourceId> placed;
    for (std::size_t round = 0; round <= jobs.size() && out.size() < jobs.size(); ++round)
      for (const Resource* j : jobs) {
        if (placed.count(id(*j))) continue;
        auto deps = p_.edges_from(id(*j), EdgeKind::Needs);
        bool ready = round == jobs.size() ||
                     std::all_of(deps.begin(), deps.end(), [&](const Edge* e) { return placed.count(e->to) > 0; });
        if (ready) out.push_back(j), placed.insert(id(*j));
      }
    return out;
  }

  JobRun run(const Resource& job) const {
    JobRun run{&job, {}, {}};
    expand_job(job, 0, run.steps);
    for (std::size_t i = 0; i < run.steps.size(); ++i)
      for (Action& a : classify(p_, *run.steps[i])) {
        a.position = i;
        run.actions.push_back(std::move(a));
      }
    return run;
  }

  // A reusable workflow that only runs when a workflow of the project calls it.
  bool only_called(const Resource& workflow) const {
    if (p_.edges_to(id(workflow), EdgeKind::Calls).empty()) return false;
    const Value* triggers = workflow.attr("triggers");
    if (!triggers || !triggers->list_value() || triggers->list_value()->empty()) return false;
    for (const Value& t : *triggers->list_value())
      if (!t.string_value() || *t.string_value() != "workflow_call") return false;
    return true;
  }

 private:
  using Children = std::unordered_map<ResourceId, std::vector<const Resource*>>;
  static const std::vector<const Resource*>& of(const Children& c, ResourceId parent) {
    static const std::vector<const Resource*> none;
    auto it = c.find(parent);
    return it == c.end() ? none : it->second;
  }

  void expand_step(const Resource& step, int depth, std::vector<const Resource*>& out) const {
    out.push_back(&step);
    if (depth > 4) return;
    for (const Edge* e : p_.edges_from(id(step), EdgeKind::Calls))
      for (const Resource* inner : of(steps_, e->to)) expand_step(*inner, depth + 1, out);
  }

  void expand_job(const Resource& job, int depth, std::vector<const Resource*>& out) const {
    for (const Resource* s : of(steps_, id(job))) expand_step(*s, depth, out);
    if (depth > 4) return;
    for (const Edge* e : p_.edges_from(id(job), EdgeKind::Calls))
      for (const Resource* inner : jobs_in_order(p_.resource(e->to))) expand_job(*inner, depth + 1, out);
  }

  const Project& p_;
  std::unordered_map<const Resource*, ResourceId> ids_;
  Children steps_, jobs_;
};

std::vector<Pipeline> build_pipelines(const Project& project) {
  Index index(project);
  std::vector<Pipeline> out;
  for (const Resource* wf : project.of_kind(Kind::Workflow)) {
    if (index.only_called(*wf)) continue;
    Pipeline p;
    p.workflow = wf;
    std::vector<const Resource*> jobs = index.jobs_in_order(*wf);
    std::map<ResourceId, std::size_t> position;
    for (const Resource* j : jobs) {
      position[index.id(*j)] = p.jobs.size();
      p.jobs.push_back(index.run(*j));
    }
    std::size_t n = jobs.size();
    p.needs.assign(n, std::vector<bool>(n, false));
    for (std::size_t a = 0; a < n; ++a)
      for (const Edge* e : project.edges_from(index.id(*jobs[a]), EdgeKind::Needs))
        if (auto it = position.find(e->to); it != position.end()) p.needs[a][it->second] = true;
    for (std::size_t k = 0; k < n; ++k)  // transitive closure
      for (std::size_t a = 0; a < n; ++a)
        if (p.needs[a][k])
          for (std::size_t b = 0; b < n; ++b)
            if (p.needs[k][b]) p.needs[a][b] = true;
    out.push_back(std::move(p));
  }
  return out;
}

struct JobRuns {
  std::vector<JobRun> runs;
};
struct Pipelines {
  std::vector<Pipeline> pipelines;
};

}  // namespace

const std::vector<JobRun>& job_runs(const Project& project) {
  return project.shared<JobRuns>([&] {
    Index index(project);
    JobRuns out;
    for (const Resource* job : project.of_kind(Kind::Job)) out.runs.push_back(index.run(*job));
    return out;
  }).runs;
}

const std::vector<Pipeline>& pipelines(const Project& project) {
  return project.shared<Pipelines>([&] { return Pipelines{build_pipelines(project)}; }).pipelines;
}

bool migrates_on_start(const Project& project, const Resource& deploy_step) {
  auto runs_migration = [&project](const ContainerSpec& c) {
    return !migration_in(project, words(text_of(c.command) + " " + text_of(c.entry_point))).empty();
  };
  for (const Edge* d : project.edges_from(project.id_of(deploy_step), EdgeKind::Deploys)) {
    const Resource& td = project.resource(d->to);
    if (std::any_of(td.containers.begin(), td.containers.end(), runs_migration)) return true;
    for (const Edge* i : project.edges_from(d->to, EdgeKind::RunsImage)) {
      const Resource& image = project.resource(i->to);
      if (std::any_of(image.containers.begin(), image.containers.end(), runs_migration)) return true;
    }
  }
  return false;
}

bool has_migrations(const Project& project) {
  if (!project.migration_markers.empty()) return true;
  for (const Resource* s : project.of_kind(Kind::Step))
    for (const Action& a : classify(project, *s))
      if (a.role == Role::Migration) return true;
  return false;
}

}  // namespace kclint::dep

// Shared logic of the DEP rules (and CI005): which workflow steps deploy and
// which run database migrations (pattern tables, compiled once), the steps of
// a job in the order they run (local actions and reusable workflows expanded),
// and which jobs are guaranteed to finish before others (`needs`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/project.h"

namespace kclint::dep {

enum class Role : std::uint8_t { Deploy, Migration };

// One deploy or migration a step performs: a `uses:` action or a command of
// its run script.
struct Action {
  Role role = Role::Deploy;
  const Resource* step = nullptr;
  const Value* command = nullptr;  // the run_commands element; null for `uses:`
  std::size_t command_index = 0;
  std::size_t offset = 0;          // where in the command the match starts
  std::size_t position = 0;        // the step's place in its job's run order
  Span span;
  std::string what;                // "prisma migrate deploy", "aws ecs update-service", ...
  bool run_task = false;           // a migration started with `aws ecs run-task`

  // Earlier in the same job's run order.
  bool precedes(const Action& other) const;
};

// The deploys and migrations of one step, in script order (not following Calls).
std::vector<Action> classify(const Project& project, const Resource& step);

// A job's steps in the order they run: a local composite action's steps in
// place of the step that uses it, a local reusable workflow's jobs' steps
// for a job that calls it.
struct JobRun {
  const Resource* job = nullptr;
  std::vector<const Resource*> steps;
  std::vector<Action> actions;  // ordered
};

struct Pipeline {
  const Resource* workflow = nullptr;
  std::vector<JobRun> jobs;
  std::vector<std::vector<bool>> needs;  // needs[a][b]: job a (transitively) needs job b

  // `a` (in job ja) has finished before `b` (in job jb) starts.
  bool before(std::size_t ja, const Action& a, std::size_t jb, const Action& b) const {
    return ja == jb ? a.precedes(b) : needs[jb][ja];
  }
  bool ordered(std::size_t ja, std::size_t jb) const { return ja == jb || needs[ja][jb] || needs[jb][ja]; }
};

// One pipeline per workflow that runs on its own; a reusable workflow that
// only runs when a workflow of the project calls it is judged inside its callers.
// Computed once per project and shared by the rules.
const std::vector<Pipeline>& pipelines(const Project& project);

// The run order of every job (for rules about single jobs).
const std::vector<JobRun>& job_runs(const Project& project);

// The task definition a deploy step rolls out (or the image it runs) applies
// the migrations itself when its container starts (command / entry point).
bool migrates_on_start(const Project& project, const Resource& deploy_step);

// A migration step exists anywhere, or a migrations folder (Project::migration_markers).
bool has_migrations(const Project& project);

// The span of bytes [begin, end) of a run line or command, when the value's
// span maps its text exactly; the value's whole span otherwise.
Span sub_span(const Value& text, std::size_t begin, std::size_t end);

// `uses: owner/repo@ref` names `action` (owner/repo, any ref).
bool uses_action(const Resource& step, std::string_view action);

}  // namespace kclint::dep

// Workflow, composite action and task definition lowering: resources,
// attributes, spans of run-script lines and commands, Needs edges.
#include "tests/unit/workflow/helpers.h"

namespace kclint::testing {
namespace {

constexpr const char* kWorkflow = R"(name: Deploy
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
env:
  REGION: us-east-1
  TOKEN: ${{ secrets.TOKEN }}
concurrency: deploy
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
  deploy:
    needs: test
    if: github.ref == 'refs/heads/main'
    environment: production
    permissions:
      id-token: write
    strategy:
      matrix:
        service: [web, worker]
    steps:
      - id: migrate
        name: Migrate
        continue-on-error: ${{ inputs.allow_failure }}
        shell: bash
        env:
          DATABASE_URL: ${{ secrets.DATABASE_URL }}
        run: |
          # comment line
          npx prisma migrate deploy
          aws ecs update-service \
            --cluster app --service web
          cat <<EOF > out.txt
          aws ecs update-service --not-a-command
          EOF
          echo 'multi
          line'
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v1
        with:
          task-definition: td.json
          cluster: ${{ env.CLUSTER }}
  report:
    needs: [test, deploy]
    runs-on: ubuntu-latest
    steps:
      - run: echo done
)";

TEST(WorkflowLowering, ResourcesAndAttributes) {
  TempProject t;
  t.add(".github/workflows/deploy.yml", kWorkflow);
  auto p = t.load();
  EXPECT_EQ(diagnostics(*p), 0u);
  ASSERT_EQ(p->of_kind(Kind::Workflow).size(), 1u);
  ASSERT_EQ(p->of_kind(Kind::Job).size(), 3u);
  ASSERT_EQ(p->of_kind(Kind::Step).size(), 5u);
  const Resource& wf = *p->of_kind(Kind::Workflow).front();
  EXPECT_EQ(wf.name, "Deploy");
  const Value* triggers = wf.attr("triggers");
  ASSERT_TRUE(triggers && triggers->list_value());
  EXPECT_EQ(triggers->list_value()->size(), 2u);
  EXPECT_TRUE(wf.attr("env")->get("REGION")->is_string());
  EXPECT_TRUE(wf.attr("env")->get("TOKEN")->is_unknown());
  EXPECT_EQ(*wf.attr("concurrency")->string_value(), "deploy");

  const Resource* deploy = find_suffix(*p, ":jobs.deploy");
  ASSERT_NE(deploy, nullptr);
  EXPECT_EQ(deploy->parent, p->id_of(wf));
  ASSERT_EQ(deploy->attr("needs")->list_value()->size(), 1u);  // a string becomes a list
  EXPECT_EQ(*deploy->attr("environment")->string_value(), "production");
  EXPECT_TRUE(deploy->attr("strategy")->path({"matrix", "service"})->is_list());
  EXPECT_EQ(deploy->attr("id")->span().line, 18u);

  const Resource* migrate = find_suffix(*p, ":jobs.deploy.steps[0]");
  ASSERT_NE(migrate, nullptr);
  EXPECT_EQ(migrate->parent, p->id_of(*deploy));
  EXPECT_EQ(migrate->name, "Migrate");
  EXPECT_TRUE(migrate->attr("continue_on_error")->is_unknown());
  EXPECT_TRUE(migrate->attr("env")->get("DATABASE_URL")->is_unknown());
  EXPECT_EQ(*migrate->attr("shell")->string_value(), "bash");
  const Resource* action = find_suffix(*p, ":jobs.deploy.steps[1]");
  EXPECT_EQ(*action->attr("with")->get("task-definition")->string_value(), "td.json");
  EXPECT_TRUE(action->attr("with")->get("cluster")->is_unknown());
  EXPECT_EQ(*action->attr("action")->get("owner")->string_value(), "aws-actions");
  EXPECT_EQ(*action->attr("action")->get("repo")->string_value(), "amazon-ecs-deploy-task-definition");
  EXPECT_EQ(*action->attr("action")->get("ref")->string_value(), "v1");
  EXPECT_EQ(find_suffix(*p, ":jobs.test.steps[1]")->name, "npm test");  // unnamed run step

  // Needs: deploy → test, report → test, report → deploy.
  EXPECT_EQ(edges(*p, EdgeKind::Needs).size(), 3u);
}

TEST(WorkflowLowering, RunScriptLinesAndCommands) {
  TempProject t;
  t.add(".github/workflows/deploy.yml", kWorkflow);
  auto p = t.load();
  const Resource* migrate = find_suffix(*p, ":jobs.deploy.steps[0]");
  const Value* lines = migrate->attr("run_lines");
  ASSERT_TRUE(lines && lines->list_value());
  ASSERT_EQ(lines->list_value()->size(), 9u);
  const Value& l1 = (*lines->list_value())[1];  // npx prisma migrate deploy
  EXPECT_EQ(*l1.string_value(), "npx prisma migrate deploy");
  EXPECT_EQ(l1.span().line, 36u);
  EXPECT_EQ(l1.span().column, 11u);
  EXPECT_EQ(l1.span().end_column, 11u + 25u);

  const Value* commands = migrate->attr("run_commands");
  ASSERT_TRUE(commands && commands->list_value());
  const auto& c = *commands->list_value();
  ASSERT_EQ(c.size(), 4u);  // comment and heredoc body dropped, continuation and quotes joined
  EXPECT_EQ(*c[0].string_value(), "npx prisma migrate deploy");
  EXPECT_EQ(*c[1].string_value(), "aws ecs update-service  --cluster app --service web");
  EXPECT_EQ(c[1].span().line, 37u);
  EXPECT_EQ(c[1].span().column, 11u);
  EXPECT_EQ(c[1].span().end_line, 38u);
  EXPECT_EQ(*c[2].string_value(), "cat <<EOF > out.txt");
  EXPECT_EQ(*c[3].string_value(), "echo 'multi\nline'");
}

TEST(WorkflowLowering, OneLineRunIsExact) {
  TempProject t;
  t.add(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    steps:\n      - run: \"make test\"\n      - run: make   lint\n");
  auto p = t.load();
  const Value& quoted = p->of_kind(Kind::Step)[0]->attr("run_commands")->list_value()->front();
  EXPECT_EQ(quoted.span().line, 5u);
  EXPECT_EQ(quoted.span().column, 15u);
  const Value& plain = p->of_kind(Kind::Step)[1]->attr("run_lines")->list_value()->front();
  EXPECT_EQ(plain.span().column, 14u);
  EXPECT_EQ(plain.span().end_column, 14u + 11u);
}

TEST(WorkflowLowering, BadInputIsADiagnostic) {
  TempProject t;
  t.add(".github/workflows/list.yml", "- just\n- a list\n");
  t.add(".github/workflows/broken.yml", "on: push\njobs: [\n");
  t.add(".github/workflows/empty.yml", "");
  auto p = t.load();
  std::size_t errors = 0;
  for (const SourceFile& f : p->files()) {
    if (f.path.ends_with("empty.yml")) EXPECT_TRUE(f.diagnostics.empty());
    else errors += f.diagnostics.size();
  }
  EXPECT_EQ(errors, 2u);
}

TEST(ActionLowering, CompositeSteps) {
  TempProject t;
  t.add(".github/actions/migrate/action.yml",
        "name: Migrate\nruns:\n  using: composite\n  steps:\n    - run: npx prisma migrate deploy\n      shell: bash\n");
  auto p = t.load();
  ASSERT_EQ(p->of_kind(Kind::Action).size(), 1u);
  ASSERT_EQ(p->of_kind(Kind::Step).size(), 1u);
  EXPECT_EQ(p->of_kind(Kind::Step)[0]->parent, p->id_of(*p->of_kind(Kind::Action)[0]));
  EXPECT_EQ(*p->of_kind(Kind::Action)[0]->attr("using")->string_value(), "composite");
}

TEST(TaskDefinitionLowering, RegisterInputAndDescribeOutput) {
  TempProject t;
  t.add("ecs/web.json", R"({
  "family": "web",
  "cpu": "256",
  "memory": "512",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "runtimePlatform": {"cpuArchitecture": "ARM64"},
  "executionRoleArn": "arn:aws:iam::123456789012:role/exec",
  "containerDefinitions": [
    {"name": "web", "image": "nginx:1.27", "user": "101", "privileged": true,
     "portMappings": [{"containerPort": 80}],
     "environment": [{"name": "MODE", "value": "prod"}],
     "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:1:secret:db"}],
     "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]},
     "command": ["nginx", "-g", "daemon off;"]}
  ]
})");
  t.add("ecs/described.json", R"({"taskDefinition": {"family": "job", "containerDefinitions": [{"name": "job", "image": "busybox"}]}, "tags": []})");
  auto p = t.load();
  EXPECT_EQ(diagnostics(*p), 0u);
  ASSERT_EQ(p->of_kind(Kind::EcsTaskDefinition).size(), 2u);
  const Resource* web = find_suffix(*p, "ecs/web.json");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(*web->attr("family")->string_value(), "web");
  EXPECT_EQ(*web->attr("cpu_architecture")->string_value(), "ARM64");
  EXPECT_EQ(*web->attr("network_mode")->string_value(), "awsvpc");
  ASSERT_EQ(web->containers.size(), 1u);
  const ContainerSpec& c = web->containers[0];
  EXPECT_EQ(c.name, "web");
  EXPECT_EQ(c.privileged.as_bool(), true);
  EXPECT_EQ(c.privileged.span().line, 10u);
  EXPECT_EQ(c.privileged.span().column, 73u);
  EXPECT_EQ(c.ports.size(), 1u);
  EXPECT_EQ(c.environment.size(), 1u);
  EXPECT_EQ(c.secrets.size(), 1u);
  EXPECT_FALSE(c.health_check.is_null());
  const Resource* described = find_suffix(*p, "ecs/described.json");
  ASSERT_NE(described, nullptr);
  EXPECT_EQ(described->name, "job");
  EXPECT_TRUE(described->attr("cpu_architecture")->is_null());
}

}  // namespace
}  // namespace kclint::testing

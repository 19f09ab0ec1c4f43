// Links between workflows, Dockerfiles and task definitions: Builds, Deploys,
// RunsTask, References, RunsImage, Calls; migration folders; and the CTR001
// finding that follows the stage a workflow builds.
#include "analyzer/engine.h"
#include "tests/unit/workflow/helpers.h"

namespace kclint::testing {
namespace {

constexpr const char* kDockerfile = R"(FROM python:3.12-slim AS base
WORKDIR /app
FROM base AS development
RUN pip install pytest
FROM base AS production
COPY . /app
CMD ["gunicorn", "app:app"]
)";

std::vector<std::string> targets(const Project& p, EdgeKind kind) {
  std::vector<std::string> out;
  for (const Edge* e : edges(p, kind)) out.push_back(p.resource(e->to).address);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Links, DockerBuildFollowsFileTargetAndContext) {
  TempProject t;
  t.add("backend/Dockerfile.prod", kDockerfile).add("Dockerfile", kDockerfile).add("web/Dockerfile", kDockerfile);
  t.add(".github/workflows/build.yml", R"(on: push
env:
  TARGET: production
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: |
          docker build -f backend/Dockerfile.prod --target "$TARGET" \
            -t app:1 backend
      - run: docker buildx build --platform linux/arm64 --target=development --push .
      - working-directory: web
        run: sudo docker build --build-arg A=1 .
      - uses: docker/build-push-action@v6
        with:
          context: web
          file: web/Dockerfile
          target: development
      - run: docker build --target ${{ inputs.target }} .
)");
  auto p = t.load();
  EXPECT_EQ(targets(*p, EdgeKind::Builds),
            (std::vector<std::string>{"Dockerfile:development", "backend/Dockerfile.prod:production",
                                      "web/Dockerfile:development", "web/Dockerfile:production"}));
}

TEST(Links, DeployRenderRunTaskAndRegister) {
  TempProject t;
  t.add("Dockerfile", "FROM node:20\nCMD [\"node\", \"server.js\"]\n");
  t.add(".aws/task-definition.json",
        R"({"family": "web", "containerDefinitions": [{"name": "app", "image": "placeholder"}]})");
  t.add("infra/migrate.json",
        R"({"family": "web-migrate", "containerDefinitions": [{"name": "m", "image": "123.dkr.ecr.us-east-1.amazonaws.com/web:1", "command": ["npx", "prisma", "migrate", "deploy"]}]})");
  t.add(".github/workflows/deploy.yml", R"(on: push
env:
  ECS_TASK_DEFINITION: .aws/task-definition.json
  ECR_REPOSITORY: web
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - id: build-image
        run: |
          docker build -t $ECR_REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG .
          echo "image=$ECR_REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG" >> $GITHUB_OUTPUT
      - id: task-def
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ${{ env.ECS_TASK_DEFINITION }}
          container-name: app
          image: ${{ steps.build-image.outputs.image }}
      - run: |
          aws ecs register-task-definition --cli-input-json file://infra/migrate.json
          TASK=$(aws --region us-east-1 ecs run-task --cluster c --task-definition web-migrate:3 --query 'tasks[0].taskArn')
          aws ecs update-service --cluster c --service web --task-definition web
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v1
        with:
          task-definition: ${{ steps.task-def.outputs.task-definition }}
)");
  auto p = t.load();
  EXPECT_EQ(diagnostics(*p), 0u);
  EXPECT_EQ(targets(*p, EdgeKind::Deploys),
            (std::vector<std::string>{".aws/task-definition.json", ".aws/task-definition.json"}));
  EXPECT_EQ(targets(*p, EdgeKind::RunsTask), (std::vector<std::string>{"infra/migrate.json"}));
  EXPECT_EQ(targets(*p, EdgeKind::References),
            (std::vector<std::string>{".aws/task-definition.json", "infra/migrate.json"}));
  // The rendered container runs the built image; so does the migration task (same repository name).
  std::vector<std::string> runs;
  for (const Edge* e : edges(*p, EdgeKind::RunsImage))
    runs.push_back(p->resource(e->from).address + " -> " + p->resource(e->to).address);
  std::sort(runs.begin(), runs.end());
  EXPECT_EQ(runs, (std::vector<std::string>{".aws/task-definition.json -> Dockerfile:0", "infra/migrate.json -> Dockerfile:0"}));
}

TEST(Links, ReusableWorkflowsAndLocalActions) {
  TempProject t;
  t.add(".github/workflows/migrate.yml", "on: workflow_call\njobs:\n  m:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx prisma migrate deploy\n");
  t.add(".github/actions/login/action.yaml", "name: login\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n      shell: bash\n");
  t.add(".github/workflows/main.yml", R"(on: push
jobs:
  migrate:
    uses: ./.github/workflows/migrate.yml
  deploy:
    needs: migrate
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/login
)");
  auto p = t.load();
  EXPECT_EQ(targets(*p, EdgeKind::Calls),
            (std::vector<std::string>{".github/actions/login/action.yaml", ".github/workflows/migrate.yml"}));
}

TEST(Links, MigrationMarkers) {
  TempProject t;
  t.add(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n");
  t.dir("api/prisma/migrations/20240101_init");
  t.add("shop/migrations/0001_initial.py", "");
  t.add("db/migrate/20240101_create_users.rb", "");
  t.add("node_modules/pkg/prisma/migrations/x.sql", "");
  t.add(".venv/lib/site-packages/django/contrib/auth/migrations/0001_initial.py", "");
  auto p = t.load();
  EXPECT_EQ(p->migration_markers, (std::vector<std::string>{"api/prisma/migrations", "db/migrate", "shop/migrations"}));
}

TEST(Links, WorkflowTargetMovesCtr001) {
  for (std::string target : {"production", "development"}) {
    TempProject t;
    t.add("Dockerfile", kDockerfile);
    t.add(".github/workflows/build.yml", "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build --target " +
                                             target + " -t app .\n");
    auto p = t.load();
    Selection s;
    s.select = {"CTR001"};
    std::vector<Finding> findings = run_engine(*p, s, 1);
    ASSERT_EQ(findings.size(), 1u) << target;
    EXPECT_EQ(findings[0].span.line, target == "production" ? 5u : 3u);
    EXPECT_NE(findings[0].message.find(target), std::string::npos);
    ASSERT_EQ(findings[0].related.size(), 1u);
    EXPECT_TRUE(p->file(findings[0].related[0].span.file).path.ends_with("build.yml"));
    EXPECT_EQ(findings[0].related[0].span.line, 6u);
  }
}

}  // namespace
}  // namespace kclint::testing

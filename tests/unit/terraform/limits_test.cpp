// Terraform evaluation under pathological input: the step budget charges
// copies, instances and file reads, and modules that only call one another
// are still evaluated (and the cycle reported).
#include <gtest/gtest.h>

#include "helpers.h"

namespace kclint::tf::testing {
namespace {

bool has_diagnostic(const Project& p, std::string_view text) {
  for (const std::string& d : diagnostics(p))
    if (d.find(text) != std::string::npos) return true;
  return false;
}

// Each local doubles the last: 2^40 values if every copy were made.
TEST(TfLimits, LocalsThatDoubleAListStopAtTheBudget) {
  std::string text = "locals {\n  l0 = [\"a\", \"b\"]\n";
  for (int i = 1; i <= 40; ++i)
    text += "  l" + std::to_string(i) + " = [local.l" + std::to_string(i - 1) + ", local.l" + std::to_string(i - 1) + "]\n";
  text += "}\nresource \"x_test\" \"t\" {\n  v = local.l40\n}\n";
  auto p = load_inline({{"main.tf", text}});
  EXPECT_TRUE(has_diagnostic(*p, "Terraform evaluation stopped: more than 1000000 evaluation steps"));
  const Value* v = attr(*p, "x_test.t", "v");
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(v->is_unknown());
}

// A small doubling stays well inside the budget and is computed.
TEST(TfLimits, SmallDoublingIsComputed) {
  auto p = load_inline({{"main.tf", "locals {\n  a = [1, 2]\n  b = [local.a, local.a]\n  c = [local.b, local.b]\n}\n"
                                    "resource \"x_test\" \"t\" {\n  v = flatten(local.c)\n}\n"}});
  EXPECT_EQ(diagnostics(*p), std::vector<std::string>{});
  EXPECT_EQ(text(attr(*p, "x_test.t", "v")), "[1, 2, 1, 2, 1, 2, 1, 2]");
}

TEST(TfLimits, NestedCountExplosionStopsAtTheBudget) {
  auto p = load_inline({{"main.tf", "module \"m\" {\n  source = \"./m1\"\n  count  = 4096\n}\n"},
                        {"m1/main.tf", "module \"m\" {\n  source = \"../m2\"\n  count  = 4096\n}\n"},
                        {"m2/main.tf", "resource \"x_test\" \"t\" {\n  count = 4096\n  v     = count.index\n}\n"}});
  EXPECT_TRUE(has_diagnostic(*p, "Terraform evaluation stopped"));
  EXPECT_LT(p->resource_count(), 100'000u);
}

TEST(TfLimits, ModulesThatOnlyCallEachOtherAreEvaluated) {
  auto p = load_inline({{"a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\nresource \"x_test\" \"a\" {\n  v = 1\n}\n"},
                        {"b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\nresource \"x_test\" \"b\" {\n  v = 2\n}\n"}});
  EXPECT_EQ(diagnostics(*p),
            std::vector<std::string>{"b/main.tf:1:1: module.a: module source \"../a\" calls itself (a cycle of module calls)"});
  EXPECT_EQ(text(attr(*p, "x_test.a", "v")), "1");
  EXPECT_EQ(text(attr(*p, "module.b.x_test.b", "v")), "2");
}

// A module called with count = 0 is not evaluated on its own: it has a root.
TEST(TfLimits, DisabledModuleIsNotARoot) {
  auto p = load_inline({{"main.tf", "module \"off\" {\n  source = \"./off\"\n  count  = 0\n}\n"},
                        {"off/main.tf", "resource \"x_test\" \"t\" {\n  v = 1\n}\n"}});
  EXPECT_EQ(p->find("x_test.t"), nullptr);
  EXPECT_EQ(p->resource_count(), 0u);
}

TEST(TfLimits, FileOverTheReadCapIsReportedAndUnknown) {
  auto p = load_inline({{"main.tf", "resource \"x_test\" \"t\" {\n  v = file(\"${path.module}/big.txt\")\n}\n"},
                        {"big.txt", std::string((4u << 20) + 1, 'x')}});
  EXPECT_EQ(diagnostics(*p), std::vector<std::string>{"main.tf:2:7: \"big.txt\" is larger than 4 MiB: not read"});
  EXPECT_TRUE(attr(*p, "x_test.t", "v")->is_unknown());
}

// file() in a loop: each read costs steps by its size.
TEST(TfLimits, FileReadInALoopStopsAtTheBudget) {
  auto p = load_inline({{"main.tf", "resource \"x_test\" \"t\" {\n  v = [for i in range(1000) : [for j in range(1000) : "
                                    "file(\"${path.module}/data.txt\")]]\n}\n"},
                        {"data.txt", std::string(1u << 20, 'x')}});
  EXPECT_TRUE(has_diagnostic(*p, "Terraform evaluation stopped"));
}

}  // namespace
}  // namespace kclint::tf::testing

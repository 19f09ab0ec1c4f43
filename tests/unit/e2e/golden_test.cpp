// Golden end-to-end tests: the text and SARIF reports of every sample project
// are committed under tests/golden/ and must match byte for byte. After an
// intended change, regenerate them with scripts/update-goldens.sh and review
// the diff. Fixed variants must be clean even at --fail-on note.
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;

const fs::path kRoot = KCLINT_SOURCE_ROOT;

struct Output {
  int code;
  std::string text;
};

Output run(const std::string& args) {
  std::string cmd = "cd '" + kRoot.string() + "' && NO_COLOR=1 '" + std::string(KCLINT_BINARY) + "' " + args + " 2>&1";
  Output out{-1, ""};
  FILE* pipe = ::popen(cmd.c_str(), "r");
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.text.append(buf, n);
  int status = ::pclose(pipe);
  out.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The first line where two texts differ, for a readable failure.
std::string first_difference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ha = static_cast<bool>(std::getline(a, la)), hb = static_cast<bool>(std::getline(b, lb));
    if (!ha && !hb) return "(identical)";
    if (!ha || !hb || la != lb)
      return "line " + std::to_string(line) + ":\n  golden: " + (ha ? la : "<end>") + "\n  actual: " + (hb ? lb : "<end>");
  }
}

std::vector<std::string> samples() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(kRoot / "samples"))
    if (e.is_directory()) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, TextAndSarifMatch) {
  const std::string& name = GetParam();
  for (const auto& [format, ext] : {std::pair{"text --color never", "txt"}, std::pair{"sarif", "sarif"}}) {
    fs::path golden = kRoot / "tests" / "golden" / (name + "." + ext);
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing: run scripts/update-goldens.sh";
    std::string want = slurp(golden);
    Output got = run("samples/" + name + " --format " + format + " --jobs 2");
    EXPECT_EQ(want, got.text) << name << "." << ext << " differs at " << first_difference(want, got.text)
                              << "\n(regenerate with scripts/update-goldens.sh after an intended change)";
  }
}

class FixedSample : public ::testing::TestWithParam<std::string> {};

TEST_P(FixedSample, IsCleanEvenAtFailOnNote) {
  Output got = run("samples/" + GetParam() + " --fail-on note");
  EXPECT_EQ(got.code, 0) << got.text;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = info.param;
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

std::vector<std::string> fixed_samples() {
  std::vector<std::string> out;
  for (const std::string& s : samples())
    if (s.ends_with("-fixed")) out.push_back(s);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Samples, Golden, ::testing::ValuesIn(samples()), test_name);
INSTANTIATE_TEST_SUITE_P(Samples, FixedSample, ::testing::ValuesIn(fixed_samples()), test_name);

}  // namespace

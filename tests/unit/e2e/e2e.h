// Helpers of the end-to-end tests: run the kclint binary in a directory and
// capture its exit code and output; a temporary project directory.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace e2e {

namespace fs = std::filesystem;

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs kclint with `args` in directory `cwd`.
inline Outcome run_kclint(const std::vector<std::string>& args, const fs::path& cwd = KCLINT_SOURCE_ROOT,
           const std::string& env = "NO_COLOR=1") {
  static int counter = 0;
  fs::path err = fs::temp_directory_path() / ("kclint-e2e-err-" + std::to_string(::getpid()) + "-" +
                                              std::to_string(counter++));
  bool own_stdin = env.find("exec <") != std::string::npos;
  std::string cmd = "cd " + quote(cwd.string()) + " && " + env + " " + quote(KCLINT_BINARY);
  if (own_stdin) cmd = "cd " + quote(cwd.string()) + " && " + env + " NO_COLOR=1 " + quote(KCLINT_BINARY);
  for (const std::string& a : args) cmd += " " + quote(a);
  cmd += " 2>" + quote(err.string()) + (own_stdin ? "" : " </dev/null");
  Outcome r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  int status = ::pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(err);
  fs::remove(err);
  return r;
}

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("kclint-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(next_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
    write(".kclint.yaml", "# test project\n");
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  void write(const std::string& name, const std::string& content) const {
    fs::create_directories((path_ / name).parent_path());
    std::ofstream(path_ / name, std::ios::binary) << content;
  }

 private:
  static inline int next_ = 0;
  fs::path path_;
};

}  // namespace e2e

// SEC001: credentials in the repository are readable by everyone with read
// access, forever (git history). This part scans every file's text for AWS
// access keys and private key blocks, whatever the format; literal database
// passwords and NoEcho defaults come from the IR (sec/literal_passwords.cpp).
#include "analyzer/ir/rule.h"

#include <re2/re2.h>

namespace kclint {

namespace sec {
void check_workflow_credentials(const Project& project, Findings& out);  // sec/workflow_credentials.cpp
void check_literal_passwords(const Project& project, Findings& out);     // sec/literal_passwords.cpp
}

namespace {
void check(const Project& project, Findings& out) {
  sec::check_workflow_credentials(project, out);
  sec::check_literal_passwords(project, out);
  // Access key ids; AWS's documented example keys end in EXAMPLE.
  static const RE2 access_key(R"(\b((?:AKIA|ASIA)[A-Z0-9]{16})\b)");
  static const RE2 private_key(R"((-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----))");
  for (const SourceFile& file : project.files()) {
    std::string_view text = file.text;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    // A plain search first: nearly every file has neither, and it is faster than the regex.
    bool maybe_key = text.find("AKIA") != std::string_view::npos || text.find("ASIA") != std::string_view::npos;
    while (maybe_key && RE2::FindAndConsume(&input, access_key, &match)) {
      std::string_view key(match.data(), match.size());
      if (key.ends_with("EXAMPLE")) continue;
      std::size_t at = static_cast<std::size_t>(match.data() - text.data());
      out.report(file.lines.span(file.id, at, at + key.size()),
                 "AWS access key id '{}…' is written in the file; remove it, rotate the key, and use roles or OIDC",
                 key.substr(0, 8))
          .key = std::string(key);
    }
    input = re2::StringPiece(text.data(), text.size());
    bool maybe_block = text.find("PRIVATE KEY") != std::string_view::npos;
    while (maybe_block && RE2::FindAndConsume(&input, private_key, &match)) {
      std::size_t at = static_cast<std::size_t>(match.data() - text.data());
      out.report(file.lines.span(file.id, at, at + match.size()),
                 "a private key block is written in the file; remove it and load it from a secret store");
    }
  }
}
}  // namespace

extern const Rule kHardcodedCredential{
    .id = "SEC001",
    .name = "hardcoded-credential",
    .summary = "No literal passwords, access keys or private keys in infrastructure code",
    .level = Level::Error,
    .family = Family::Sec,
    .tags = {"security", "secrets"},
    .security_severity = 9.0,
    .check = check};

}  // namespace kclint

// libFuzzer target: the HCL parser and the hcl2json converter.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/hcl/hcl2json.h"
#include "parsers/hcl/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kclint::hcl::ParseResult r = kclint::hcl::parse(0, text);
  if (r.diagnostics.empty()) (void)kclint::hcl::to_hcl2json(r.file, text);
  (void)kclint::hcl::parse(0, text, kclint::hcl::ParseMode::Tfvars);
  return 0;
}

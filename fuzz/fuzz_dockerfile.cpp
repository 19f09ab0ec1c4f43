// libFuzzer target: the Dockerfile parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/dockerfile/dockerfile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)kclint::dockerfile::parse(0, std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

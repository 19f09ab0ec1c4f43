// Dispatch from a file's format to its lowering.
#include "analyzer/lower/lower.h"

namespace kclint {

FileUnit lower_file(SourceFile& file) {
  switch (file.format) {
    case Format::Dockerfile: return lower_dockerfile(file);
    default: return {};  // formats whose front end is not written yet are read but not lowered
  }
}

}  // namespace kclint

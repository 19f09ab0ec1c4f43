// (being written)
#include "analyzer/lower/lower.h"
namespace kclint { FileUnit lower_dockerfile(SourceFile&) { return {}; } }

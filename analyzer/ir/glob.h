// Path globs over project-relative, '/'-separated paths.
#pragma once

#include <string_view>

namespace kclint {

// `*` and `?` stay within a path segment, `**` crosses segments; a pattern
// without '/' matches any segment's name (and so everything below a matching
// directory); an anchored pattern also matches everything below a matching
// directory prefix.
bool glob_match(std::string_view pattern, std::string_view rel_path);

// A plain glob over a whole name ("db.t4g.*", "cache.r6g.?large"): `*` and `?`
// match any characters, '/' included.
bool name_match(std::string_view pattern, std::string_view name);

}  // namespace kclint

// Price table rows (see prices.h for the source and date).
#include "rules/cost/prices.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kclint::cost {

namespace {

using Row = std::pair<std::string_view, double>;

// Sorted by name for binary search.
constexpr std::array kRdsPostgres = {
    Row{"db.m5.2xlarge", 0.712},  Row{"db.m5.4xlarge", 1.424},  Row{"db.m5.large", 0.178},
    Row{"db.m5.xlarge", 0.356},   Row{"db.m6g.2xlarge", 0.636}, Row{"db.m6g.4xlarge", 1.272},
    Row{"db.m6g.large", 0.159},   Row{"db.m6g.xlarge", 0.318},  Row{"db.m6i.2xlarge", 0.712},
    Row{"db.m6i.large", 0.178},   Row{"db.m6i.xlarge", 0.356},  Row{"db.m7g.2xlarge", 0.674},
    Row{"db.m7g.large", 0.168},   Row{"db.m7g.xlarge", 0.337},  Row{"db.r5.2xlarge", 1.0},
    Row{"db.r5.4xlarge", 2.0},    Row{"db.r5.large", 0.25},     Row{"db.r5.xlarge", 0.5},
    Row{"db.r6g.2xlarge", 0.899}, Row{"db.r6g.4xlarge", 1.798}, Row{"db.r6g.large", 0.225},
    Row{"db.r6g.xlarge", 0.45},   Row{"db.r6i.2xlarge", 1.0},   Row{"db.r6i.large", 0.25},
    Row{"db.r6i.xlarge", 0.5},    Row{"db.r7g.2xlarge", 0.956}, Row{"db.r7g.large", 0.239},
    Row{"db.r7g.xlarge", 0.478},  Row{"db.t3.2xlarge", 0.579},  Row{"db.t3.large", 0.145},
    Row{"db.t3.medium", 0.072},   Row{"db.t3.micro", 0.018},    Row{"db.t3.small", 0.036},
    Row{"db.t3.xlarge", 0.29},    Row{"db.t4g.2xlarge", 0.517}, Row{"db.t4g.large", 0.129},
    Row{"db.t4g.medium", 0.065},  Row{"db.t4g.micro", 0.016},   Row{"db.t4g.small", 0.032},
    Row{"db.t4g.xlarge", 0.258},
};

constexpr std::array kAurora = {
    Row{"db.r5.2xlarge", 1.16},  Row{"db.r5.large", 0.29},     Row{"db.r5.xlarge", 0.58},
    Row{"db.r6g.2xlarge", 1.038}, Row{"db.r6g.large", 0.26},   Row{"db.r6g.xlarge", 0.519},
    Row{"db.r7g.2xlarge", 1.104}, Row{"db.r7g.large", 0.276},  Row{"db.r7g.xlarge", 0.552},
    Row{"db.t3.medium", 0.082},  Row{"db.t4g.large", 0.146},   Row{"db.t4g.medium", 0.073},
};

constexpr std::array kCacheRedis = {
    Row{"cache.m5.large", 0.156},  Row{"cache.m5.xlarge", 0.311},  Row{"cache.m6g.large", 0.149},
    Row{"cache.m6g.xlarge", 0.298}, Row{"cache.m7g.large", 0.158}, Row{"cache.m7g.xlarge", 0.316},
    Row{"cache.r5.large", 0.216},  Row{"cache.r5.xlarge", 0.431},  Row{"cache.r6g.large", 0.206},
    Row{"cache.r6g.xlarge", 0.411}, Row{"cache.r7g.large", 0.219}, Row{"cache.r7g.xlarge", 0.437},
    Row{"cache.t3.medium", 0.068}, Row{"cache.t3.micro", 0.017},   Row{"cache.t3.small", 0.034},
    Row{"cache.t4g.medium", 0.065}, Row{"cache.t4g.micro", 0.016}, Row{"cache.t4g.small", 0.032},
};

template <std::size_t N>
constexpr bool sorted(const std::array<Row, N>& rows) {
  for (std::size_t i = 1; i < N; ++i)
    if (!(rows[i - 1].first < rows[i].first)) return false;
  return true;
}
static_assert(sorted(kRdsPostgres) && sorted(kAurora) && sorted(kCacheRedis), "price rows must stay sorted");

template <std::size_t N>
std::optional<double> find(const std::array<Row, N>& rows, std::string_view name) {
  auto it = std::lower_bound(rows.begin(), rows.end(), name, [](const Row& r, std::string_view n) { return r.first < n; });
  if (it == rows.end() || it->first != name) return std::nullopt;
  return it->second;
}

}  // namespace

std::optional<double> rds_hour(std::string_view instance_class, bool aurora) {
  return aurora ? find(kAurora, instance_class) : find(kRdsPostgres, instance_class);
}

std::optional<double> cache_node_hour(std::string_view node_type) { return find(kCacheRedis, node_type); }

}  // namespace kclint::cost

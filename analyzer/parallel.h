// A minimal work-sharing loop: run fn(i) for i in [0, n) on up to `jobs`
// threads. Results must be written to per-index slots so output order never
// depends on scheduling.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace kclint {

template <class Fn>
void parallel_for(std::size_t n, unsigned jobs, Fn&& fn) {
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(n)));
  if (jobs <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs - 1);
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
}

inline unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace kclint

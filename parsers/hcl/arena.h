// A bump allocator that owns every node of one HCL syntax tree, so a parse
// costs a handful of large allocations instead of one per node.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace kclint::hcl {

// Only trivially destructible objects live here: the arena frees its blocks
// without running destructors. Pointers stay valid when the arena is moved.
class Arena {
 public:
  Arena() = default;
  Arena(Arena&&) noexcept = default;
  Arena& operator=(Arena&&) noexcept = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // Sizes the first block for a tree of about `bytes`: a small file then
  // costs a small block, not the default 16 KiB.
  void expect(std::size_t bytes) {
    if (blocks_.empty()) next_block_ = std::clamp<std::size_t>(bytes, 1024, 1u << 20);
  }

  void* allocate(std::size_t size, std::size_t align) {
    std::size_t pad = (align - reinterpret_cast<std::uintptr_t>(cur_) % align) % align;
    if (cur_ == nullptr || pad + size > left_) {
      grow(size + align);
      pad = (align - reinterpret_cast<std::uintptr_t>(cur_) % align) % align;
    }
    std::byte* p = cur_ + pad;
    cur_ = p + size;
    left_ -= pad + size;
    return p;
  }

  template <class T, class... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>);
    return new (allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  // Copies `items` into the arena; the result lives as long as the arena.
  template <class T>
  std::span<const T> copy(std::span<const T> items) {
    static_assert(std::is_trivially_destructible_v<T> && std::is_trivially_copyable_v<T>);
    if (items.empty()) return {};
    T* p = static_cast<T*>(allocate(sizeof(T) * items.size(), alignof(T)));
    std::memcpy(static_cast<void*>(p), items.data(), sizeof(T) * items.size());
    return {p, items.size()};
  }

  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

 private:
  void grow(std::size_t at_least) {
    std::size_t size = std::max(at_least, next_block_);
    next_block_ = std::min<std::size_t>(next_block_ * 2, 1u << 20);
    blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(size));  // no zeroing
    cur_ = blocks_.back().get();
    left_ = size;
  }

  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* cur_ = nullptr;
  std::size_t left_ = 0;
  std::size_t next_block_ = 16 * 1024;
};

}  // namespace kclint::hcl

#pragma once

#include <cstdint>
#include <string_view>

namespace pmlint::document {

// A half-open range [begin, end) of bytes in a document's source text. Everything pmlint
// knows about a document points back into the source through one of these.
struct ByteSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  [[nodiscard]] std::uint32_t size() const { return end - begin; }
  [[nodiscard]] bool empty() const { return end <= begin; }
  [[nodiscard]] bool contains(std::uint32_t offset) const { return offset >= begin && offset < end; }
  [[nodiscard]] bool contains(ByteSpan other) const { return other.begin >= begin && other.end <= end; }
  [[nodiscard]] std::string_view of(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

// The span of `part`, a view into `whole`, expressed in `whole`'s offsets.
inline ByteSpan span_of(std::string_view whole, std::string_view part) {
  const auto begin = static_cast<std::uint32_t>(part.data() - whole.data());
  return {begin, begin + static_cast<std::uint32_t>(part.size())};
}

}  // namespace pmlint::document

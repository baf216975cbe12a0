#include "util/utf8.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace pmlint::util {

namespace {

// The offset of the first non-ASCII byte at or after `offset`, or the text's size. Reads eight
// bytes at a time: documents are mostly ASCII.
std::size_t skip_ascii(std::string_view text, std::size_t offset) {
  constexpr std::uint64_t k_high_bits = 0x8080808080808080ULL;
  while (offset + 8 <= text.size()) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, text.data() + offset, sizeof chunk);
    if ((chunk & k_high_bits) != 0) {
      break;
    }
    offset += 8;
  }
  while (offset < text.size() && static_cast<unsigned char>(text[offset]) < 0x80) {
    ++offset;
  }
  return offset;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t offset = 0;
  while (offset < text.size()) {
    // Runs of ASCII are the common case; skip them without calling into utf8proc.
    offset = skip_ascii(text, offset);
    if (offset == text.size()) {
      break;
    }
    utf8proc_int32_t code_point = 0;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + offset);
    const auto length = static_cast<utf8proc_ssize_t>(text.size() - offset);
    const utf8proc_ssize_t consumed = utf8proc_iterate(bytes, length, &code_point);
    if (consumed <= 0 || code_point < 0) {
      return offset;
    }
    offset += static_cast<std::size_t>(consumed);
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool is_ascii(std::string_view text) {
  return skip_ascii(text, 0) == text.size();
}

}  // namespace pmlint::util

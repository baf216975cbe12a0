#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace pmlint::util {

// Offset of the first byte that does not start a valid UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Number of Unicode code points in valid UTF-8 text: the bytes that are not continuation bytes.
std::size_t count_code_points(std::string_view text);

// True when every byte is 7-bit ASCII.
bool is_ascii(std::string_view text);

}  // namespace pmlint::util

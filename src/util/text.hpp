#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace pmlint::util {

// A set of strings looked up by string_view without making a string: one hash, not the dozen
// comparisons of a std::set, for word lists read on every word of a document.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

std::string_view trim(std::string_view text);
std::string_view trim_left(std::string_view text);
std::string_view trim_right(std::string_view text);

constexpr char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
std::string to_lower_ascii(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
// Inline, with the first letters compared first: date and time readers try it on every month
// and weekday name at each place, and nearly every try fails there.
inline bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         (prefix.empty() || lower_ascii(text.front()) == lower_ascii(prefix.front())) &&
         iequals(text.substr(0, prefix.size()), prefix);
}
bool iends_with(std::string_view text, std::string_view suffix);

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
// Letters, digits, '_' and any byte of a multi-byte UTF-8 sequence: what a word is made of.
// Inline: scanners ask it of nearly every byte.
inline bool is_word_byte(char c) {
  return is_ascii_alpha(c) || is_ascii_digit(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The form in which headings, labels, keys and aliases are compared: case-folded, with
// parentheticals, punctuation, emoji and leading numbering removed and spaces collapsed.
// "## 3. Timeline (times in BST)" -> "timeline"; "What didn't go so well?" -> "what didn t go so well".
std::string normalize_label(std::string_view text);

std::vector<std::string_view> split(std::string_view text, char separator);

// Joins with a separator.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Replaces control characters and ANSI escape sequences so a string from a document can be
// printed on a terminal or in a log without acting on it.
std::string escape_control(std::string_view text);

}  // namespace pmlint::util

#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pmlint::util {

// Levenshtein distance between two strings (bytes).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a likely typo (ninja's rule:
// at most 3 edits, and fewer than half the word's length).
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates);

// " (did you mean 'x'?)" or "" when nothing is close: the tail of "unknown ..." messages.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

}  // namespace pmlint::util

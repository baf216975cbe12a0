#include "util/regex.hpp"

#include <algorithm>

namespace pmlint::util {

namespace {

std::optional<Match> run(const re2::RE2& pattern, std::string_view text, std::size_t from, re2::RE2::Anchor anchor) {
  constexpr int k_max_groups = 6;
  const int groups = std::min(pattern.NumberOfCapturingGroups(), k_max_groups);
  std::array<re2::StringPiece, k_max_groups + 1> pieces;
  const re2::StringPiece input(text.data(), text.size());
  if (from > text.size() || !pattern.Match(input, from, text.size(), anchor, pieces.data(), groups + 1)) {
    return std::nullopt;
  }
  Match match;
  match.whole = std::string_view(pieces[0].data(), pieces[0].size());
  for (int i = 1; i <= groups; ++i) {
    if (pieces[static_cast<std::size_t>(i)].data() != nullptr) {
      match.groups[static_cast<std::size_t>(i - 1)] =
          std::string_view(pieces[static_cast<std::size_t>(i)].data(), pieces[static_cast<std::size_t>(i)].size());
    }
  }
  return match;
}

}  // namespace

std::optional<Match> search(const re2::RE2& pattern, std::string_view text, std::size_t from) {
  return run(pattern, text, from, re2::RE2::UNANCHORED);
}

std::optional<Match> full_match(const re2::RE2& pattern, std::string_view text) {
  return run(pattern, text, 0, re2::RE2::ANCHOR_BOTH);
}

}  // namespace pmlint::util

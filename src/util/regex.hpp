#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace pmlint::util {

// A match of an RE2 pattern as views into the searched text. (Debian 12's RE2 captures into
// re2::StringPiece, not std::string_view; this is the one place that converts.)
struct Match {
  std::string_view whole;
  std::array<std::string_view, 6> groups{};  // groups 1..6; data() == nullptr when unmatched
  [[nodiscard]] std::string_view group(std::size_t n) const { return groups[n - 1]; }
};

// The first match of `pattern` in `text` at or after `from`.
std::optional<Match> search(const re2::RE2& pattern, std::string_view text, std::size_t from = 0);

// A match of `pattern` covering all of `text`.
std::optional<Match> full_match(const re2::RE2& pattern, std::string_view text);

// Calls `visit(match)` for each match, left to right, until it returns false. The next search
// starts where group 1 ends when the pattern has one, so that context a pattern matches around
// its payload ("(?:^|\W)(payload)(?:\W|$)") can serve the next match too.
template <class Visit>
void for_each_match(const re2::RE2& pattern, std::string_view text, Visit visit) {
  std::size_t from = 0;
  while (from <= text.size()) {
    const auto match = search(pattern, text, from);
    if (!match) {
      return;
    }
    const std::string_view payload = match->groups[0].data() != nullptr ? match->groups[0] : match->whole;
    std::size_t next = static_cast<std::size_t>(payload.data() - text.data()) + payload.size();
    if (next <= from) {
      next = static_cast<std::size_t>(match->whole.data() - text.data()) + std::max<std::size_t>(match->whole.size(), 1);
    }
    if (!visit(*match)) {
      return;
    }
    from = next;
  }
}

}  // namespace pmlint::util

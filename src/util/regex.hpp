#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
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

// A pattern compiled on first use, once, from whichever thread gets there first: for patterns a
// run may never need (a secret's shape that a pre-check rules out), so that start-up does not
// pay for them. The pattern must be valid (check it with RE2 or RE2::Set::Add first).
class LazyRegex {
 public:
  explicit LazyRegex(std::string pattern) : m_pattern(std::move(pattern)) {}
  [[nodiscard]] const std::string& pattern() const { return m_pattern; }
  [[nodiscard]] const re2::RE2& get() const {
    std::call_once(*m_once, [this] { m_compiled = std::make_unique<re2::RE2>(m_pattern); });
    return *m_compiled;
  }

 private:
  std::string m_pattern;
  std::unique_ptr<std::once_flag> m_once = std::make_unique<std::once_flag>();  // movable holder
  mutable std::unique_ptr<re2::RE2> m_compiled;
};

}  // namespace pmlint::util

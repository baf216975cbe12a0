#include <doctest/doctest.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "rules/sensitive_patterns.hpp"

namespace pmlint::rules::sensitive {

namespace {

// sensitive-data's pattern set without configuration: the pack's patterns, then the built-in ones.
class PatternSet {
 public:
  PatternSet() : m_set(re2::RE2::DefaultOptions, re2::RE2::UNANCHORED) {
    for (const auto& entry : pack_patterns()) {
      REQUIRE(m_set.Add(entry.pattern, nullptr) >= 0);
      ++m_size;
    }
    for (const std::string_view pattern : k_builtin_patterns) {
      REQUIRE(m_set.Add(re2::StringPiece(pattern.data(), pattern.size()), nullptr) >= 0);
      ++m_size;
    }
    REQUIRE(m_set.Compile());
  }
  [[nodiscard]] std::vector<int> matches(std::string_view text) const {
    std::vector<int> found;
    m_set.Match(re2::StringPiece(text.data(), text.size()), &found);
    return found;
  }
  [[nodiscard]] std::size_t size() const { return m_size; }

 private:
  re2::RE2::Set m_set;
  std::size_t m_size = 0;
};

// One match of each pattern, in the set's order (rules/sensitive.yaml, then k_builtin_patterns).
const std::vector<std::string> k_examples = {
    "AKIAIOSFODNN7EXAMPLE",
    "ghp_0123456789abcdefghijABCDEFGHIJ012345",
    "glpat-0123456789abcdefghij",
    "xoxb-0123456789-abcdef",
    "https://hooks.slack.com/services/T0123/B4567/abcdefgh",
    "AIzaSyA0123456789abcdefghijABCDEFGHIJKL",
    "sk_live_0123456789abcdefghij",
    "-----BEGIN RSA PRIVATE KEY-----",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlMTIz",
    "password: hunter2hunter2",
    "jane.doe@corp.co",
    "10.12.5.36",
    "fd12:3456:789a::1",
    "(555) 867-5309",
    "4111 1111 1111 1111",
};

}  // namespace

TEST_CASE("sensitive-data's scan lets through a match of every pattern, wherever it lies") {
  const PatternSet set;
  // A pattern added to the pack needs an example here, and a look at may_match.
  REQUIRE(k_examples.size() == set.size());
  for (std::size_t i = 0; i < k_examples.size(); ++i) {
    for (const std::string& text : {k_examples[i], "Seen in the logs: " + k_examples[i] + "\n",
                                    "```\n" + k_examples[i] + "\n```", "(" + k_examples[i] + ")."}) {
      CAPTURE(text);
      const std::vector<int> found = set.matches(text);
      CHECK(std::find(found.begin(), found.end(), static_cast<int>(i)) != found.end());
      CHECK(may_match(text));
    }
  }
  // The edges of the scan's conditions, and RE2's (?i), which folds "s" and "k" with U+017F and
  // U+212A: a credential word spelled with them.
  for (const std::string text :
       {"4222222222222", "192.168.100.200", "jane-@corp.co", "access_token=0123456789", "AUTH-TOKEN :\t'0123456789'",
        "+44 20 7946 0958", "555.867.5309", "pa\xC5\xBF\xC5\xBFword = hunter2hunter2",
        "api_\xE2\x84\xAA" "ey: 0123456789abcdef"}) {
    CAPTURE(text);
    CHECK_FALSE(set.matches(text).empty());
    CHECK(may_match(text));
  }
}

TEST_CASE("sensitive-data's scan passes over what postmortems are made of") {
  // Times, dates, durations, percentages, versions, handles, labels, links: nothing to look at.
  for (const char* text :
       {"At 14:32 UTC on 2024-03-05 the p99 latency rose to 2.5 s; by 14:47 (15 min) it was back.",
        "- **Impact**: 1,240 users (12.5% of traffic) saw 502 errors for 43 minutes.",
        "| 2023-06-06 10:26 | Alert fired | @alice |\n|---|---|---|\n",
        "Owner: @platform-team, due 2024-04-01, ticket OPS-1234, type: prevent",
        "Detection: automated alert on error rate > 5% (runbook: https://example.com/runbooks/api).",
        "We upgraded to v1.19.2 and rolled back to 1.18.7; the release 2023.10.1 is fine.",
        "Reach the on-call engineer through the pager; the customer-facing status page said so.",
        "Root cause: a misconfigured load balancer health check (timeout = 2s, interval = 10s)."}) {
    CAPTURE(text);
    CHECK_FALSE(may_match(text));
  }
}

TEST_CASE("sensitive-data's scan lets through whatever the patterns match, in random text near them") {
  // Pieces of the patterns and of the text around them, strung together at random: the near
  // misses (digits in every shape, colons after hex, credential words before "=") are where a
  // necessary condition could be wrong.
  std::vector<std::string> pieces = {
      " ", "\n", "\t", ":", "=", "-", "_", ".", "@", "+", "(", ")", "/", "'", "\"", "a", "Z", "0", "1", "12",
      "123", "1234", "255", "ff", "fe80", "db8", "::", "fd12:", "3456:", "::1", "ey", "J", "eyJ", "hbGciOiJIUzI1NiJ9", "AKIA", "ASIA",
      "AIza", "IOSFODNN7EXAMPLE", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd", "gh", "p", "ghp_", "github_pat_",
      "glpat-", "xox", "b", "xoxb-", "sk_live_", "_live_", "hooks", "hooks.slack.com", "https://", "/services/T",
      "/B", "-----BEGIN ", "RSA ", "PRIVATE KEY", "-----", "password", "PASSWORD", "pa\xC5\xBF\xC5\xBFword",
      "api_key", "private_\xE2\x84\xAA" "ey", "token", "secret", "client_", "access_", " = ", "hunter2hunter2",
      "jane.doe", "jane-", "corp", ".co", "example.com", "555", "867", "5309", "+1", "+44 ", "4111", "1111",
      "4222222222222", "10.255.255.1", "access_token", "authtoken:", "\xC3\xA9"};
  pieces.insert(pieces.end(), k_examples.begin(), k_examples.end());
  const PatternSet set;
  std::mt19937 random(20261128);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 24);
  std::map<int, int> matched_by_pattern;
  int missed = 0;
  for (int round = 0; round < 100000; ++round) {
    std::string text;
    for (int n = length(random); n > 0; --n) {
      text += pieces[piece(random)];
    }
    const std::vector<int> found = set.matches(text);
    for (const int index : found) {
      ++matched_by_pattern[index];
    }
    if (!found.empty() && !may_match(text)) {
      ++missed;
      CAPTURE(text);
      CHECK(may_match(text));  // prints the text that was missed
    }
  }
  CHECK(missed == 0);
  // The test reaches every pattern many times.
  for (std::size_t index = 0; index < set.size(); ++index) {
    CAPTURE(index);
    CHECK(matched_by_pattern[static_cast<int>(index)] >= 20);
  }
}

}  // namespace pmlint::rules::sensitive

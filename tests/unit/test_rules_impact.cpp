#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rules/impact_support.hpp"
#include "util/phrase_matcher.hpp"

namespace pmlint::rules {

namespace {

std::vector<std::string> vague_in(const std::string& text) {
  std::vector<std::string> found;
  for (const auto& range : ImpactPatterns::shared().vague_quantities(text, util::text_words(text))) {
    found.push_back(text.substr(range.begin, range.end - range.begin));
  }
  return found;
}

}  // namespace

TEST_CASE("impact: counts of who or what was affected") {
  const auto& patterns = ImpactPatterns::shared();
  for (const char* counted : {"1,240 checkout requests failed", "all EU customers saw errors", "two of the teams",
                              "hundreds of users", "3k users", "about 10 thousand requests", "12% of traffic",
                              "approximately 385,850 users", "no users were affected", "2.5 million API calls",
                              "60 PRs were stuck", "one eu-west tenant"}) {
    CAPTURE(counted);
    CHECK(patterns.has_count(counted));
  }
  for (const char* uncounted : {"the service was slow", "v2 users were fine", "5xx users", "users were affected",
                                "SEV2 incident"}) {
    CAPTURE(uncounted);
    CHECK_FALSE(patterns.has_count(uncounted));
  }
}

TEST_CASE("impact: vague quantities") {
  CHECK(vague_in("Some users saw errors.") == std::vector<std::string>{"Some users"});
  CHECK(vague_in("a handful of customers and several of our tenants") ==
        std::vector<std::string>{"a handful of customers", "several of our tenants"});
  CHECK(vague_in("some of the users") == std::vector<std::string>{"some of the users"});
  CHECK(vague_in("some service-accounts expired").empty());
  CHECK(vague_in("some time later, many retries").empty());
}

}  // namespace pmlint::rules

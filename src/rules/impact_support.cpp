#include "rules/impact_support.hpp"

#include "document/vocabulary.hpp"
#include "engine/packs.hpp"
#include "rules/text_scan.hpp"
#include "util/regex.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

namespace {

constexpr const char* k_unit = R"((h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?|d|days?|w|weeks?))";

long long unit_minutes(std::string_view unit) {
  const std::string u = util::to_lower_ascii(unit);
  if (u.rfind("w", 0) == 0) {
    return 7 * 1440;
  }
  if (u.rfind("d", 0) == 0) {
    return 1440;
  }
  if (u.rfind("h", 0) == 0) {
    return 60;
  }
  if (u.rfind("s", 0) == 0) {
    return 0;  // seconds round down to zero minutes
  }
  return 1;
}

long long word_number(std::string_view word) {
  static const std::vector<std::pair<std::string_view, long long>> k_words = {
      {"a", 1},       {"an", 1},       {"one", 1},     {"two", 2},     {"three", 3},  {"four", 4},
      {"five", 5},    {"six", 6},      {"seven", 7},   {"eight", 8},   {"nine", 9},   {"ten", 10},
      {"twelve", 12}, {"fifteen", 15}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"forty-five", 45},
      {"fifty", 50},  {"sixty", 60},   {"ninety", 90}};
  const std::string lowered = util::to_lower_ascii(word);
  for (const auto& [name, value] : k_words) {
    if (lowered == name) {
      return value;
    }
  }
  return -1;
}

}  // namespace

ImpactPatterns::ImpactPatterns() {
  const auto affected = engine::pack_strings("impact", "affected");
  const auto numbers = engine::pack_strings("impact", "number_words");
  re2::RE2::Options options;
  options.set_case_sensitive(false);
  // "1,240 checkout requests", "all EU customers", "two teams", "hundreds of users"
  m_count = std::make_unique<re2::RE2>(
      R"((?:^|[^\w])(\d[\d,.]*\s*(?:k|m|thousand|million|billion)?|)" + document::phrase_alternation(numbers) +
          R"()\s+(?:of\s+)?(?:the\s+|our\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}?)" +
          document::phrase_alternation(affected) + R"(\b)",
      options);
  m_percent = std::make_unique<re2::RE2>(R"(\d(?:[\d.,]*)\s*(?:%|percent\b|per cent\b))", options);
  // "47 minutes", "40min", "10-15 minutes", "1h 20m", "an hour", "two hours"
  m_duration = std::make_unique<re2::RE2>(
      std::string(R"(\b(?:(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*|(an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|half an?|a few|few|several|a couple of)\s+))") +
          k_unit + R"(\b(?:\s*(\d+)\s*(?:m|mins?|minutes?)\b)?)",
      options);
  m_range = std::make_unique<re2::RE2>(
      R"(\b(?:from|between)\s+\d{1,2}:\d{2}.{0,30}?\s(?:to|and|until|till)\s+\d{1,2}:\d{2}|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:-|–|to)\s*\d{1,2}:\d{2})",
      options);
  // "some users", not "some service-accounts": the noun must end the word.
  m_vague = std::make_unique<re2::RE2>("(?:^|[^\\w])(" + document::phrase_alternation(engine::pack_strings("impact", "vague")) +
                                           "\\s+(?:of\\s+(?:the|our)\\s+)?" + document::phrase_alternation(affected) +
                                           ")(?:[^\\w-]|$)",
                                       options);
  m_duration_subject = util::PhraseMatcher(engine::pack_strings("impact", "duration_subjects"));
}

const ImpactPatterns& ImpactPatterns::shared() {
  static const ImpactPatterns patterns;
  return patterns;
}

bool ImpactPatterns::has_count(std::string_view text) const {
  // "60 PRs were stuck", "unavailable for everyone": any counted plural, or everyone.
  static const re2::RE2 other(
      R"((?i)(?:^|[^\w.])(?:\d[\d,]*|all|every)\s+(?:[a-z-]+\s+){0,2}?[a-z]+s\b|\b(?:everyone|everybody|nobody|no one)\b)");
  return util::search(*m_percent, text).has_value() || util::search(*m_count, text).has_value() ||
         util::search(other, text).has_value();
}

bool ImpactPatterns::has_duration(std::string_view text) const {
  return util::search(*m_duration, text).has_value() || util::search(*m_range, text).has_value();
}

std::optional<StatedDuration> ImpactPatterns::first_duration(std::string_view text) const {
  std::optional<StatedDuration> stated;
  util::for_each_match(*m_duration, text, [&](const util::Match& match) {
    const std::string_view amount = match.group(1).data() != nullptr ? match.group(1) : match.group(3);
    const std::string_view upper = match.group(2);
    const std::string_view unit = match.group(4);
    double value = 0;
    if (!amount.empty() && util::is_ascii_digit(amount.front())) {
      value = std::stod(std::string(amount));
    } else if (util::istarts_with(amount, "half")) {
      value = 0.5;
    } else {
      const long long word = word_number(amount);
      if (word < 0) {
        return true;  // "a few minutes": not a number to compare
      }
      value = static_cast<double>(word);
    }
    const long long scale = unit_minutes(unit);
    if (scale == 0) {
      return true;
    }
    StatedDuration duration;
    duration.minutes = static_cast<long long>(value * static_cast<double>(scale) + 0.5);
    duration.max_minutes = upper.empty() ? duration.minutes
                                         : static_cast<long long>(std::stod(std::string(upper)) * static_cast<double>(scale) + 0.5);
    if (!match.group(5).empty()) {
      const long long extra = std::stoll(std::string(match.group(5)));
      duration.minutes += extra;
      duration.max_minutes += extra;
    }
    duration.text = match.whole;
    stated = duration;
    return false;
  });
  return stated;
}

}  // namespace pmlint::rules

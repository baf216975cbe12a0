#include "rules/impact_support.hpp"

#include <algorithm>
#include <array>

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

constexpr std::array<std::string_view, 5> k_scales = {"k", "m", "thousand", "million", "billion"};

std::string_view word_text(std::string_view text, const util::TextWord& word) {
  return text.substr(word.begin, word.end - word.begin);
}

// True when only white space (at least one character of it) separates two words.
bool spaced(std::string_view text, const util::TextWord& left, const util::TextWord& right) {
  if (right.begin == left.end) {
    return false;
  }
  for (std::size_t k = left.end; k < right.begin; ++k) {
    if (!util::is_space(text[k])) {
      return false;
    }
  }
  return true;
}

}  // namespace

ImpactPatterns::ImpactPatterns()
    : m_affected(engine::pack_strings("impact", "affected")),
      m_number_words(engine::pack_strings("impact", "number_words")),
      m_vague_words(engine::pack_strings("impact", "vague")),
      m_scales(std::vector<std::string>(k_scales.begin(), k_scales.end())) {
  re2::RE2::Options options;
  options.set_case_sensitive(false);
  m_percent = std::make_unique<re2::RE2>(R"(\d(?:[\d.,]*)\s*(?:%|percent\b|per cent\b))", options);
  // "47 minutes", "40min", "10-15 minutes", "1h 20m", "an hour", "two hours"
  m_duration = std::make_unique<re2::RE2>(
      std::string(R"(\b(?:(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*|(an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|half an?|a few|few|several|a couple of)\s+))") +
          k_unit + R"(\b(?:\s*(\d+)\s*(?:m|mins?|minutes?)\b)?)",
      options);
  m_range = std::make_unique<re2::RE2>(
      R"(\b(?:from|between)\s+\d{1,2}:\d{2}.{0,30}?\s(?:to|and|until|till)\s+\d{1,2}:\d{2}|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:-|–|to)\s*\d{1,2}:\d{2})",
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
  if (util::search(*m_percent, text) || util::search(other, text)) {
    return true;
  }
  const auto words = util::text_words(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (counted_at(text, words, i)) {
      return true;
    }
  }
  return false;
}

std::optional<std::size_t> ImpactPatterns::number_end(std::string_view text, std::span<const util::TextWord> words,
                                                      std::size_t index) const {
  if (const auto hit = m_number_words.match_at(text, words, index)) {
    return index + hit->word_count;
  }
  // Digits, with a scale written on ("3k", "12million") or after ("10 thousand").
  const std::string_view first = word_text(text, words[index]);
  const std::size_t digits = first.find_first_not_of("0123456789");
  if (digits == 0) {
    return std::nullopt;
  }
  if (digits != std::string_view::npos) {
    const std::string_view scale = first.substr(digits);
    const bool scaled = std::any_of(k_scales.begin(), k_scales.end(), [&](std::string_view name) { return util::iequals(scale, name); });
    return scaled ? std::optional<std::size_t>(index + 1) : std::nullopt;
  }
  std::size_t end = index + 1;
  // "1,200", "2.5": digits joined by a comma or a point.
  while (end < words.size() && words[end].begin == words[end - 1].end + 1 &&
         (text[words[end - 1].end] == ',' || text[words[end - 1].end] == '.') &&
         util::is_ascii_digit(text[words[end].begin])) {
    ++end;
  }
  if (end < words.size() && (words[end].begin == words[end - 1].end || spaced(text, words[end - 1], words[end])) &&
      m_scales.match_at(text, words, end)) {
    ++end;
  }
  return end;
}

// A number, then [of] [the|our|their|its], up to two more words, then who or what was affected:
// "1,240 checkout requests", "all EU customers", "two of the teams", "hundreds of users".
bool ImpactPatterns::counted_at(std::string_view text, std::span<const util::TextWord> words, std::size_t index) const {
  const auto end = number_end(text, words, index);
  if (!end) {
    return false;
  }
  std::size_t next = *end;
  auto follows = [&](std::size_t at) { return at < words.size() && spaced(text, words[at - 1], words[at]); };
  if (!follows(next)) {
    return false;
  }
  if (m_of.match_at(text, words, next) && follows(next + 1)) {
    ++next;
  }
  if (m_determiners.match_at(text, words, next) && follows(next + 1)) {
    ++next;
  }
  for (int skipped = 0; skipped <= 2; ++skipped) {
    if (m_affected.match_at(text, words, next)) {
      return true;
    }
    // One more word between, hyphenated or not ("eu-west").
    std::size_t after = next + 1;
    while (after < words.size() && text.substr(words[after - 1].end, words[after].begin - words[after - 1].end) == "-") {
      ++after;
    }
    if (!follows(after)) {
      return false;
    }
    next = after;
  }
  return false;
}

std::vector<ImpactPatterns::Range> ImpactPatterns::vague_quantities(std::string_view text,
                                                                    std::span<const util::TextWord> words) const {
  std::vector<Range> found;
  auto follows = [&](std::size_t at) { return at < words.size() && spaced(text, words[at - 1], words[at]); };
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto vague = m_vague_words.match_at(text, words, i);
    if (!vague) {
      continue;
    }
    std::size_t next = i + vague->word_count;
    if (!follows(next)) {
      continue;
    }
    if (const auto of_ours = m_of_ours.match_at(text, words, next); of_ours && follows(next + of_ours->word_count)) {
      next += of_ours->word_count;
    }
    const auto affected = m_affected.match_at(text, words, next);
    // "some users", not "some service-accounts": the noun must end the word.
    if (!affected || (affected->end < text.size() && text[affected->end] == '-')) {
      continue;
    }
    found.push_back({words[i].begin, affected->end});
    i = next + affected->word_count - 1;
  }
  return found;
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

#include "rules/people.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "engine/packs.hpp"
#include "rules/text_scan.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

namespace {

// Words that may stand between a subject and its verb: "Sam then forgot", "Ivan carelessly pushed".
bool is_adverb(std::string_view word) {
  static const std::set<std::string, std::less<>> k_adverbs = {"then", "also", "just", "still", "again", "simply",
                                                               "already", "later", "initially", "apparently",
                                                               "clearly", "obviously", "unfortunately"};
  return util::iends_with(word, "ly") || k_adverbs.count(util::to_lower_ascii(word)) > 0;
}

bool is_capitalised(std::string_view word) { return !word.empty() && word[0] >= 'A' && word[0] <= 'Z'; }

// "Sam's change", "@bob’s PR": the person is the word without its possessive.
std::string_view without_possessive(std::string_view word) {
  for (const std::string_view possessive : {"'s", "\xE2\x80\x99s"}) {
    if (word.size() > possessive.size() && util::iends_with(word, possessive)) {
      word.remove_suffix(possessive.size());
    }
  }
  return word;
}

bool is_email(std::string_view word) {
  const auto at = word.find('@');
  return at != std::string_view::npos && at > 0 && word.find('.', at) != std::string_view::npos;
}

}  // namespace

void PersonFinder::configure(const std::vector<std::string>& extra_names) {
  const std::string names = engine::pack("names").at("given_names").get<std::string>();
  for (const auto& word : words_of(names)) {
    m_names.emplace(word.text);
  }
  for (const auto& name : extra_names) {
    m_names.insert(name);
  }
  for (const auto& name : m_names) {
    for (const auto& word : util::text_words(name)) {
      m_name_keys.add(word.key);
    }
  }
  const auto roles = engine::pack_strings("blame", "roles");
  m_person_words = util::PhraseMatcher(roles);
  for (const auto& role : roles) {
    std::vector<std::string> words;
    for (const auto& word : words_of(role)) {
      words.push_back(util::to_lower_ascii(word.text));
    }
    m_roles.push_back(std::move(words));
  }
  std::sort(m_roles.begin(), m_roles.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  const auto pronouns = engine::pack_strings("blame", "pronouns");
  for (const auto& pronoun : pronouns) {
    m_person_words.add(pronoun, 0);
    m_pronouns.insert(pronoun);
    m_first_words.insert(pronoun);
  }
  for (const auto& role : m_roles) {
    m_first_words.insert(role.front());
  }
}

bool PersonFinder::is_given_name(std::string_view word) const { return m_names.count(word) > 0; }

std::optional<std::uint32_t> PersonFinder::mention_start(std::string_view text, std::span<const util::TextWord> words,
                                                         std::size_t index,
                                                         const std::set<std::string, std::less<>>& people) const {
  const util::TextWord& word = words[index];
  // "@bob", "bob@example.com": the handle's '@' is not part of a word here.
  if (word.begin > 0 && text[word.begin - 1] == '@') {
    return word.begin - 1;
  }
  if (word.end < text.size() && text[word.end] == '@') {
    return word.begin;
  }
  const std::string_view written = text.substr(word.begin, word.end - word.begin);
  if (is_capitalised(written)) {  // most words are not: they skip the name lookups
    const std::string_view name = without_possessive(written);
    // A word that is a given name has that name's key; most capitalised words ("The", "We")
    // fail this bit test and skip hashing the word again.
    const bool may_be_name = name.size() != written.size() || m_name_keys.may_contain(word.key);
    if ((may_be_name && is_given_name(name)) || (!people.empty() && people.count(name) > 0)) {
      return word.begin;
    }
  }
  if (m_person_words.match_at(text, words, index)) {
    return word.begin;
  }
  return std::nullopt;
}

bool PersonFinder::may_mention(std::string_view text, std::span<const util::TextWord> words,
                               const std::set<std::string, std::less<>>& people) const {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (mention_start(text, words, i, people)) {
      return true;
    }
  }
  return false;
}

std::vector<std::uint32_t> PersonFinder::mention_starts(std::string_view text, std::span<const util::TextWord> words,
                                                        const std::set<std::string, std::less<>>& people) const {
  std::vector<std::uint32_t> starts;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (const auto start = mention_start(text, words, i, people)) {
      starts.push_back(*start);
    }
  }
  return starts;
}

std::set<std::string, std::less<>> PersonFinder::document_people(const document::Document& document) const {
  std::set<std::string, std::less<>> people;
  for (const auto& key : engine::pack_strings("blame", "person_keys")) {
    for (const auto& entry : document.metadata()) {
      if (entry.key != key) {
        continue;
      }
      for (const auto& value : entry.values) {
        const auto words = words_of(value);
        // Initials ("AN, JS") are too short to find safely in prose.
        if (words.empty() || words.front().text.size() < 3 || !is_capitalised(words.front().text)) {
          if (!words.empty() && words.front().text.front() == '@') {
            people.emplace(words.front().text);
          }
          continue;
        }
        people.emplace(words.front().text);  // the first name
        if (words.size() >= 2 && is_capitalised(words[1].text)) {
          people.emplace(std::string(words[0].text) + " " + std::string(words[1].text));
        }
      }
    }
  }
  return people;
}

std::size_t PersonFinder::person_at(const std::vector<Word>& words, std::size_t index,
                                    const std::set<std::string, std::less<>>& people) const {
  if (index >= words.size()) {
    return 0;
  }
  const std::string_view first = without_possessive(words[index].text);
  const bool possessive = first.size() != words[index].text.size();
  if (first.front() == '@' && first.size() > 1) {
    return 1;
  }
  if (is_email(first)) {
    return 1;
  }
  // Most words are none of these: a lower-case word can only open a role or be a pronoun.
  const bool capitalised = is_capitalised(first);
  std::string lowered;
  if (!capitalised || first.size() <= 8) {
    lowered = util::to_lower_ascii(first);
    if (!capitalised && !m_first_words.count(lowered)) {
      return 0;
    }
  }
  const bool has_next = !possessive && index + 1 < words.size();
  const bool next_is_surname = has_next && is_capitalised(words[index + 1].text) &&
                               words[index + 1].offset == words[index].offset + first.size() + 1;
  if (has_next && capitalised && !people.empty()) {
    std::string full(first);
    full += ' ';
    full += words[index + 1].text;
    if (people.count(full)) {
      return 2;
    }
  }
  if (capitalised && (people.count(first) || is_given_name(first))) {
    return next_is_surname && !is_given_name(words[index + 1].text) ? 2 : 1;
  }
  if (lowered.empty() || !m_first_words.count(lowered)) {
    return 0;
  }
  if (m_pronouns.count(lowered)) {
    return 1;
  }
  for (const auto& role : m_roles) {
    if (index + role.size() > words.size()) {
      continue;
    }
    bool match = true;
    for (std::size_t i = 0; i < role.size() && match; ++i) {
      match = util::iequals(words[index + i].text, role[i]);
    }
    if (match) {
      return role.size();
    }
  }
  return 0;
}

std::optional<std::size_t> PersonFinder::subject_before(const std::vector<Word>& words, std::size_t verb,
                                                        const std::set<std::string, std::less<>>& people) const {
  std::size_t end = std::min(verb, words.size());
  while (end > 0 && is_adverb(words[end - 1].text)) {
    --end;
  }
  if (end == 0) {
    return std::nullopt;
  }
  // The longest mention that ends right before the verb: "the on-call engineer", "Sam Jones".
  for (std::size_t take = std::min<std::size_t>(6, end); take >= 1; --take) {
    const std::size_t start = end - take;
    if (person_at(words, start, people) == take) {
      return start;
    }
  }
  // "Someone on the SRE team", "the engineer from payments": a role, then a short qualifier.
  for (std::size_t take = std::min<std::size_t>(8, end); take >= 3; --take) {
    const std::size_t start = end - take;
    const std::size_t length = person_at(words, start, people);
    if (length == 0 || start + length >= end) {
      continue;
    }
    const std::string_view next = words[start + length].text;
    if (util::iequals(next, "on") || util::iequals(next, "from") || util::iequals(next, "in") ||
        util::iequals(next, "of")) {
      return start;
    }
  }
  return std::nullopt;
}

}  // namespace pmlint::rules

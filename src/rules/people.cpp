#include "rules/people.hpp"

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

bool is_email(std::string_view word) {
  const auto at = word.find('@');
  return at != std::string_view::npos && at > 0 && word.find('.', at) != std::string_view::npos;
}

}  // namespace

void PersonFinder::configure(const std::vector<std::string>& extra_names) {
  const std::string names = engine::pack("names")["given_names"].as<std::string>();
  for (const auto& word : words_of(names)) {
    m_names.emplace(word.text);
  }
  for (const auto& name : extra_names) {
    m_names.insert(name);
  }
  for (const auto& role : engine::pack_strings("blame", "roles")) {
    std::vector<std::string> words;
    for (const auto& word : words_of(role)) {
      words.push_back(util::to_lower_ascii(word.text));
    }
    m_roles.push_back(std::move(words));
  }
  std::sort(m_roles.begin(), m_roles.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& pronoun : engine::pack_strings("blame", "pronouns")) {
    m_pronouns.insert(pronoun);
  }
}

bool PersonFinder::is_given_name(std::string_view word) const { return m_names.count(word) > 0; }

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

std::size_t PersonFinder::person_at(std::string_view text, std::size_t offset,
                                    const std::set<std::string, std::less<>>& people, bool need_known) const {
  auto words = words_of(text.substr(offset));
  if (words.empty() || words.front().offset != 0) {
    return 0;
  }
  std::string_view first = words.front().text;
  // "Sam's change", "@bob’s PR": the person is the word without its possessive.
  for (const std::string_view possessive : {"'s", "\xE2\x80\x99s"}) {
    if (first.size() > possessive.size() && util::iends_with(first, possessive)) {
      first.remove_suffix(possessive.size());
      words.resize(1);
      words.front().text = first;
    }
  }
  if (first.front() == '@' && first.size() > 1) {
    return first.size();
  }
  if (is_email(first)) {
    return first.size();
  }
  if (words.size() >= 2 && people.count(std::string(first) + " " + std::string(words[1].text))) {
    return words[1].offset + words[1].text.size();
  }
  if (people.count(first) || (!need_known && is_capitalised(first) && is_given_name(first))) {
    // "Sam Jones": a capitalised surname belongs to the mention.
    if (words.size() >= 2 && is_capitalised(words[1].text) && words[1].offset == first.size() + 1 &&
        !is_given_name(words[1].text)) {
      return words[1].offset + words[1].text.size();
    }
    return first.size();
  }
  if (need_known) {
    return 0;
  }
  const std::string lower = util::to_lower_ascii(first);
  if (m_pronouns.count(lower)) {
    return first.size();
  }
  for (const auto& role : m_roles) {
    if (role.size() > words.size()) {
      continue;
    }
    bool match = true;
    for (std::size_t i = 0; i < role.size() && match; ++i) {
      match = util::to_lower_ascii(words[i].text) == role[i];
    }
    if (match) {
      return words[role.size() - 1].offset + words[role.size() - 1].text.size();
    }
  }
  return 0;
}

std::optional<std::size_t> PersonFinder::subject_before(std::string_view text, std::size_t end,
                                                        const std::set<std::string, std::less<>>& people) const {
  auto words = words_of(text.substr(0, end));
  while (!words.empty() && is_adverb(words.back().text)) {
    words.pop_back();
  }
  if (words.empty()) {
    return std::nullopt;
  }
  const std::size_t subject_end = words.back().offset + words.back().text.size();
  // Try the last one to six words as the subject: the longest role that ends right there wins.
  for (std::size_t take = std::min<std::size_t>(6, words.size()); take >= 1; --take) {
    const std::size_t start = words[words.size() - take].offset;
    const std::size_t length = person_at(text, start, people, false);
    if (length > 0 && start + length == subject_end) {
      // A pronoun or role must start the clause: "the pods that he" is not "he".
      return start;
    }
  }
  // "Someone on the SRE team", "the engineer from payments": a role, then a short qualifier.
  for (std::size_t take = std::min<std::size_t>(8, words.size()); take >= 3; --take) {
    const std::size_t start = words[words.size() - take].offset;
    const std::size_t length = person_at(text, start, people, false);
    if (length == 0) {
      continue;
    }
    const std::string next = util::to_lower_ascii(words_of(text.substr(start + length)).empty()
                                                      ? std::string_view()
                                                      : words_of(text.substr(start + length)).front().text);
    if (next == "on" || next == "from" || next == "in" || next == "of") {
      return start;
    }
  }
  return std::nullopt;
}

}  // namespace pmlint::rules

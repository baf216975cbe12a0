#pragma once

// Telling a person from a system: names, @handles, e-mail addresses, roles that point at one
// individual, and the people a document's own metadata names. Shared by blame-language and
// person-as-root-cause.

#include <optional>
#include <span>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "engine/options.hpp"
#include "rules/text_scan.hpp"
#include "util/phrase_matcher.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

class PersonFinder {
 public:
  // Reads names, roles and pronouns from the packs, plus `extra_names` from the user.
  void configure(const std::vector<std::string>& extra_names);

  // The people `document` itself names in its metadata (authors, owners, responders,
  // attendees): full names and their first names, for matching in prose.
  [[nodiscard]] std::set<std::string, std::less<>> document_people(const document::Document& document) const;

  // How many of `words`, from `index` on, name a person (a handle, an e-mail, a known or given
  // name and its surname, a pronoun, a role such as "the on-call engineer"); 0 when none do.
  [[nodiscard]] std::size_t person_at(const std::vector<Word>& words, std::size_t index,
                                      const std::set<std::string, std::less<>>& people) const;

  // When the words right before `words[verb]` are a person acting as the subject of it ("Sam",
  // "the on-call engineer", "@bob", "Someone on the SRE team", "he"), the index of its first word.
  [[nodiscard]] std::optional<std::size_t> subject_before(const std::vector<Word>& words, std::size_t verb,
                                                          const std::set<std::string, std::less<>>& people) const;

  [[nodiscard]] bool is_given_name(std::string_view word) const;

  // Cheap tests on words already read, so that person_at looks only where a person may be named:
  // false when no word of `words` (of `text`) can begin a mention; the offsets where one may.
  [[nodiscard]] bool may_mention(std::string_view text, std::span<const util::TextWord> words,
                                 const std::set<std::string, std::less<>>& people) const;
  [[nodiscard]] std::vector<std::uint32_t> mention_starts(std::string_view text, std::span<const util::TextWord> words,
                                                          const std::set<std::string, std::less<>>& people) const;

 private:
  util::StringSet m_names;
  util::KeyFilter<32768> m_name_keys;  // the word keys of m_names: ~750 names, ~2% false answers
  std::vector<std::vector<std::string>> m_roles;  // lower-case words of each role
  std::set<std::string, std::less<>> m_pronouns;
  std::set<std::string, std::less<>> m_first_words;  // lower-case first words of roles and pronouns
  util::PhraseMatcher m_person_words;  // roles and pronouns

  [[nodiscard]] std::optional<std::uint32_t> mention_start(std::string_view text, std::span<const util::TextWord> words,
                                                           std::size_t index,
                                                           const std::set<std::string, std::less<>>& people) const;
};

}  // namespace pmlint::rules

#pragma once

// Telling a person from a system: names, @handles, e-mail addresses, roles that point at one
// individual, and the people a document's own metadata names. Shared by blame-language and
// person-as-root-cause.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "engine/options.hpp"

namespace pmlint::rules {

class PersonFinder {
 public:
  // Reads names, roles and pronouns from the packs, plus `extra_names` from the user.
  void configure(const std::vector<std::string>& extra_names);

  // The people `document` itself names in its metadata (authors, owners, responders,
  // attendees): full names and their first names, for matching in prose.
  [[nodiscard]] std::set<std::string, std::less<>> document_people(const document::Document& document) const;

  // When the words right before `end` in `text` are a person acting as the subject of what
  // follows ("Sam", "the on-call engineer", "@bob", "Someone on the SRE team", "he"), the
  // offset in `text` where that person starts.
  [[nodiscard]] std::optional<std::size_t> subject_before(std::string_view text, std::size_t end,
                                                          const std::set<std::string, std::less<>>& people) const;

  // A person named at `offset` in `text` (a handle, an e-mail, a known or given name, a role);
  // the length of the mention, or 0.
  [[nodiscard]] std::size_t person_at(std::string_view text, std::size_t offset,
                                      const std::set<std::string, std::less<>>& people, bool need_known) const;

  [[nodiscard]] bool is_given_name(std::string_view word) const;

 private:
  std::set<std::string, std::less<>> m_names;
  std::vector<std::vector<std::string>> m_roles;  // lower-case words of each role
  std::set<std::string, std::less<>> m_pronouns;
};

}  // namespace pmlint::rules

#pragma once

// Reading prose for rules: sentences, phrase lists and quoted speech.

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"

namespace pmlint::rules {

using document::ByteSpan;

// The sentences of a block of prose (spans into the document): split after ".", "!" or "?"
// followed by white space, and at blank-line or list-item boundaries the block does not have.
std::vector<ByteSpan> sentences_in(std::string_view prose, ByteSpan block);

// "(?i)\b(?:phrase|phrase)\b" for a list of literal phrases (spaces match any white space).
std::unique_ptr<re2::RE2> compile_phrases(const std::vector<std::string>& phrases);

// True when `offset` lies inside double quotes (straight or curly) within `sentence`: quoted
// speech is the speaker's words, not the document's.
bool inside_quotes(std::string_view prose, ByteSpan sentence, std::uint32_t offset);

// The words of `text` (letters, digits, apostrophes, hyphens, '@' and '.' inside handles) with
// their offsets.
struct Word {
  std::string_view text;
  std::size_t offset;
};
std::vector<Word> words_of(std::string_view text);

// Prose blocks of the given sections (each block once).
std::vector<const document::Block*> blocks_of(const document::Document& document,
                                              const std::vector<const document::Section*>& sections);

// Reads a list of strings from a pack, adding the user's extra entries from an option.
std::vector<std::string> with_extra(std::vector<std::string> base, const std::vector<std::string>& extra);

}  // namespace pmlint::rules

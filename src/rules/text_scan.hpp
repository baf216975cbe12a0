#pragma once

// Reading prose for rules: sentences, phrase lists and quoted speech.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "util/phrase_matcher.hpp"

namespace pmlint::rules {

using document::ByteSpan;

// The sentences of a block of prose (spans into the document): split after ".", "!" or "?"
// followed by white space, and at blank-line or list-item boundaries the block does not have.
std::vector<ByteSpan> sentences_in(std::string_view prose, ByteSpan block);

// Where `phrases` occur in the `within` part of the document's prose, as spans of the document, with the id of
// the phrase found.
struct PhraseHit {
  ByteSpan span;
  int id;
};
std::vector<PhraseHit> find_phrases(const util::PhraseMatcher& phrases, const document::Document& document,
                                    ByteSpan within);

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

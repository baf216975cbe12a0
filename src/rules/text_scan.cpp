#include "rules/text_scan.hpp"

#include <algorithm>
#include <functional>

#include "document/vocabulary.hpp"
#include "util/text.hpp"

namespace pmlint::rules {

std::vector<ByteSpan> sentences_in(std::string_view prose, ByteSpan block) {
  std::vector<ByteSpan> sentences;
  std::uint32_t begin = block.begin;
  auto push = [&](std::uint32_t end) {
    while (begin < end && util::is_space(prose[begin])) {
      ++begin;
    }
    std::uint32_t trimmed = end;
    while (trimmed > begin && util::is_space(prose[trimmed - 1])) {
      --trimmed;
    }
    if (trimmed > begin) {
      sentences.push_back({begin, trimmed});
    }
    begin = end;
  };
  for (std::uint32_t i = block.begin; i < block.end; ++i) {
    const char c = prose[i];
    const bool at_end = i + 1 >= block.end || util::is_space(prose[i + 1]);
    if ((c == '.' || c == '!' || c == '?') && at_end) {
      // "e.g." and "i.e." do not end a sentence; neither does a lone initial ("J. Smith").
      const bool abbreviation = i >= 2 && (prose[i - 2] == '.' || util::is_space(prose[i - 2])) &&
                                util::is_ascii_alpha(prose[i - 1]);
      if (!abbreviation) {
        push(i + 1);
      }
    } else if (c == '\n' && i + 1 < block.end && prose[i + 1] == '\n') {
      push(i);
    }
  }
  push(block.end);
  return sentences;
}

std::vector<PhraseHit> find_phrases(const util::PhraseMatcher& phrases, const document::Document& document,
                                    ByteSpan within) {
  std::vector<PhraseHit> found;
  for (const auto& hit : phrases.find_all(document.prose(), document.words_in(within))) {
    found.push_back({{static_cast<std::uint32_t>(hit.begin), static_cast<std::uint32_t>(hit.end)}, hit.id});
  }
  return found;
}

bool inside_quotes(std::string_view prose, ByteSpan sentence, std::uint32_t offset) {
  int straight = 0;
  int curly = 0;
  for (std::uint32_t i = sentence.begin; i < offset && i < prose.size(); ++i) {
    if (prose[i] == '"') {
      ++straight;
    } else if (prose.substr(i, 3) == "\xE2\x80\x9C") {
      ++curly;
    } else if (prose.substr(i, 3) == "\xE2\x80\x9D") {
      --curly;
    }
  }
  return straight % 2 == 1 || curly > 0;
}

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !(util::is_word_byte(text[i]) || text[i] == '@')) {
      ++i;
    }
    const std::size_t start = i;
    while (i < text.size() && (util::is_word_byte(text[i]) || text[i] == '@' || text[i] == '\'' ||
                               ((text[i] == '-' || text[i] == '.') && i + 1 < text.size() && util::is_word_byte(text[i + 1])))) {
      ++i;
    }
    if (i > start) {
      words.push_back({text.substr(start, i - start), start});
    }
  }
  return words;
}

std::vector<const document::Block*> blocks_of(const document::Document& document,
                                              const std::vector<const document::Section*>& sections) {
  std::vector<const document::Block*> blocks;
  for (const auto* section : sections) {
    const auto in_section = document.prose_blocks(section->body);
    blocks.insert(blocks.end(), in_section.begin(), in_section.end());
  }
  // A block in two of the sections (one nested in the other) comes once: the copies sort together.
  std::sort(blocks.begin(), blocks.end(), [](const document::Block* a, const document::Block* b) {
    return a->span.begin != b->span.begin ? a->span.begin < b->span.begin : std::less<>()(a, b);
  });
  blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());
  return blocks;
}

std::vector<std::string> with_extra(std::vector<std::string> base, const std::vector<std::string>& extra) {
  base.insert(base.end(), extra.begin(), extra.end());
  return base;
}

}  // namespace pmlint::rules

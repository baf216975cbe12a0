#include "util/phrase_matcher.hpp"

#include <algorithm>
#include <array>

#include "util/text.hpp"

namespace pmlint::util {

namespace {

enum ByteClass : std::uint8_t { separator, ascii_word, non_ascii, apostrophe };

constexpr std::array<std::uint8_t, 256> k_byte_class = [] {
  std::array<std::uint8_t, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    classes[static_cast<std::size_t>(c)] = alnum || c == '_' ? ascii_word : c >= 0x80 ? non_ascii : c == '\'' ? apostrophe : separator;
  }
  return classes;
}();

constexpr std::array<std::uint8_t, 256> k_lower = [] {
  std::array<std::uint8_t, 256> lower{};
  for (int c = 0; c < 256; ++c) {
    lower[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(lower_ascii(static_cast<char>(c)));
  }
  return lower;
}();

std::uint8_t class_of(char c) { return k_byte_class[static_cast<unsigned char>(c)]; }

bool is_curly_apostrophe(std::string_view text, std::size_t i) {
  return i + 2 < text.size() && text[i] == '\xE2' && text[i + 1] == '\x80' && text[i + 2] == '\x99';
}

// The byte length of the non-ASCII character at `i` when it is part of a word (a letter), or 0
// when it separates words: Latin-1 punctuation and spaces (U+0080..U+00BF: NBSP, guillemets),
// general punctuation (U+2000..U+206F: dashes, curly quotes, ellipsis), CJK punctuation, the BOM.
std::size_t char_length(char lead_byte) {
  const auto lead = static_cast<unsigned char>(lead_byte);
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

std::size_t non_ascii_word_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t length = char_length(text[i]);
  if (length == 1 || i + length > text.size()) {
    return 1;  // a stray byte (the loader rejects invalid UTF-8; this keeps the scan total)
  }
  const auto second = static_cast<unsigned char>(text[i + 1]);
  const bool punctuation = lead == 0xC2 || (lead == 0xE2 && (second == 0x80 || second == 0x81)) ||
                           (lead == 0xE3 && second == 0x80) || (lead == 0xEF && second == 0xBB);
  return punctuation ? 0 : length;
}

// The byte length of the word character at `i`, or 0.
std::size_t word_char_length(std::string_view text, std::size_t i) {
  switch (class_of(text[i])) {
    case ascii_word: return 1;
    case non_ascii: return non_ascii_word_length(text, i);
    default: return 0;
  }
}

// The byte length of an apostrophe at `i` that joins two parts of a word ("didn't", "team’s").
std::size_t inner_apostrophe_length(std::string_view text, std::size_t i) {
  const std::size_t length = text[i] == '\'' ? 1 : is_curly_apostrophe(text, i) ? 3 : 0;
  return length > 0 && i + length < text.size() && word_char_length(text, i + length) > 0 ? length : 0;
}

constexpr std::uint64_t k_fnv_offset = 14695981039346656037ULL;
constexpr std::uint64_t k_fnv_prime = 1099511628211ULL;

std::uint64_t add_byte(std::uint64_t hash, char byte) {
  return (hash ^ k_lower[static_cast<unsigned char>(byte)]) * k_fnv_prime;
}

// Spreads the hash over all 64 bits (the filter uses the low ones).
std::uint64_t finish(std::uint64_t hash) {
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdULL;
  hash ^= hash >> 33;
  return hash;
}

// Words of a phrase are separated by white space or hyphens only: not by punctuation that ends a
// clause, and not by a blank line.
bool joins_phrase(std::string_view gap) {
  bool newline = false;
  for (const char c : gap) {
    if (c == '\n') {
      if (newline) {
        return false;
      }
      newline = true;
    } else if (c != ' ' && c != '\t' && c != '\r' && c != '-') {
      return false;
    }
  }
  return true;
}

}  // namespace

void append_text_words(std::string_view text, std::vector<TextWord>& words, std::uint32_t base) {
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    const std::uint8_t byte_class = class_of(text[i]);
    if (byte_class == separator || byte_class == apostrophe) {
      ++i;  // spaces and punctuation: the most common bytes after letters
      continue;
    }
    std::size_t length = byte_class == ascii_word ? 1 : non_ascii_word_length(text, i);
    if (length == 0) {
      i += char_length(text[i]);  // a separator, whole
      continue;
    }
    const std::size_t begin = i;
    std::uint64_t hash = k_fnv_offset;
    while (i < size) {
      if (class_of(text[i]) == ascii_word) {  // the common case, kept tight
        hash = add_byte(hash, text[i++]);
        continue;
      }
      if ((length = word_char_length(text, i)) > 0) {
        for (const std::size_t end = i + length; i < end; ++i) {
          hash = add_byte(hash, text[i]);
        }
      } else if ((length = inner_apostrophe_length(text, i)) > 0) {
        hash = add_byte(hash, '\'');
        i += length;
      } else {
        break;
      }
    }
    words.push_back({base + static_cast<std::uint32_t>(begin), base + static_cast<std::uint32_t>(i), finish(hash)});
  }
}

std::vector<TextWord> text_words(std::string_view text) {
  std::vector<TextWord> words;
  append_text_words(text, words);
  return words;
}

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& phrases) {
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    add(phrases[i], static_cast<int>(i));
  }
}

void PhraseMatcher::add(std::string_view phrase, int id) {
  Phrase entry;
  entry.id = id;
  for (const TextWord& word : text_words(phrase)) {
    entry.keys.push_back(word.key);
  }
  if (entry.keys.empty()) {
    return;
  }
  const std::uint64_t first = entry.keys.front();
  const Candidate candidate{entry.keys.size() > 1 ? entry.keys[1] : 0, static_cast<std::uint32_t>(entry.keys.size()),
                            static_cast<std::uint32_t>(m_phrases.size())};
  m_phrases.push_back(std::move(entry));
  FirstWord& starting = first_word_entry(first);
  auto& candidates = starting.candidates;
  candidates.push_back(candidate);
  starting.several += candidate.word_count > 1 ? 1 : 0;
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if ((a.word_count > 1) != (b.word_count > 1)) {
      return a.word_count > 1;
    }
    if (a.word_count > 1 && a.second_key != b.second_key) {
      return a.second_key < b.second_key;
    }
    return a.word_count > b.word_count;
  });
  m_first_word_filter.add(first);
}

// The slot holding `key`, or the free slot where it would go. Bits above those the filter reads
// pick the first slot to look at.
std::size_t PhraseMatcher::slot_of(std::uint64_t key) const {
  const std::size_t mask = m_first_words.size() - 1;
  std::size_t slot = static_cast<std::size_t>(key >> 16) & mask;
  while (!m_first_words[slot].candidates.empty() && m_first_words[slot].key != key) {
    slot = (slot + 1) & mask;
  }
  return slot;
}

PhraseMatcher::FirstWord& PhraseMatcher::first_word_entry(std::uint64_t key) {
  std::size_t slot = slot_of(key);
  if (!m_first_words[slot].candidates.empty()) {
    return m_first_words[slot];
  }
  if (2 * (m_first_word_count + 1) > m_first_words.size()) {
    std::vector<FirstWord> old(m_first_words.size() * 2);
    old.swap(m_first_words);
    for (auto& entry : old) {
      if (!entry.candidates.empty()) {
        m_first_words[slot_of(entry.key)] = std::move(entry);
      }
    }
    slot = slot_of(key);
  }
  ++m_first_word_count;
  m_first_words[slot].key = key;
  return m_first_words[slot];
}

std::optional<PhraseMatcher::Hit> PhraseMatcher::match_from(std::string_view text, std::span<const TextWord> words,
                                                            std::size_t index) const {
  const FirstWord& entry = m_first_words[slot_of(words[index].key)];
  const auto& candidates = entry.candidates;
  // Only phrases whose second word is the next one can match (a common first word such as "the"
  // begins dozens); the longest of them that matches wins, and a phrase of one word only after.
  const auto several_end = candidates.begin() + static_cast<std::ptrdiff_t>(entry.several);
  const std::uint64_t next_key = index + 1 < words.size() ? words[index + 1].key : 0;
  auto candidate = std::lower_bound(candidates.begin(), several_end, next_key,
                                    [](const Candidate& c, std::uint64_t key) { return c.second_key < key; });
  for (; candidate != several_end && candidate->second_key == next_key; ++candidate) {
    const std::size_t count = candidate->word_count;
    if (index + count > words.size()) {
      continue;
    }
    const Phrase& phrase = m_phrases[candidate->phrase];
    bool match = true;
    for (std::size_t k = 1; k < count && match; ++k) {
      const TextWord& previous = words[index + k - 1];
      const TextWord& word = words[index + k];
      match = word.key == phrase.keys[k] && joins_phrase(text.substr(previous.end, word.begin - previous.end));
    }
    if (match) {
      return Hit{words[index].begin, words[index + count - 1].end, index, count, phrase.id};
    }
  }
  if (several_end != candidates.end()) {
    return Hit{words[index].begin, words[index].end, index, 1, m_phrases[several_end->phrase].id};
  }
  return std::nullopt;
}

std::vector<PhraseMatcher::Hit> PhraseMatcher::find_all(std::string_view text, std::span<const TextWord> words) const {
  return std::move(find_all_of<1>({this}, m_first_word_filter, text, words)[0]);
}

std::optional<PhraseMatcher::Hit> PhraseMatcher::first(std::string_view text, std::span<const TextWord> words) const {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!may_start(words[i].key)) {
      continue;
    }
    if (auto hit = match_from(text, words, i)) {
      return hit;
    }
  }
  return std::nullopt;
}

std::vector<PhraseMatcher::Hit> PhraseMatcher::find_all(std::string_view text) const {
  return m_phrases.empty() ? std::vector<Hit>{} : find_all(text, text_words(text));
}

std::optional<PhraseMatcher::Hit> PhraseMatcher::first(std::string_view text) const {
  return m_phrases.empty() ? std::nullopt : first(text, text_words(text));
}

}  // namespace pmlint::util

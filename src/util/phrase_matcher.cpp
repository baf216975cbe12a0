#include "util/phrase_matcher.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// A word's key hashes its bytes as the matcher compares them: ASCII letters lower-cased, any
// apostrophe as '\''. The bytes go in eight at a time (a little-endian group, the last one
// zero-padded), so most words cost one multiply instead of one per byte; the length goes in last.
class WordKey {
 public:
  // One byte of a word read byte by byte (one with non-ASCII letters or an apostrophe).
  void add(char byte) {
    m_group |= std::uint64_t{k_lower[static_cast<unsigned char>(byte)]} << (8 * (m_length % 8));
    if (++m_length % 8 == 0) {
      mix(std::exchange(m_group, 0));
    }
  }

  // The whole word `text[begin, end)`, all ASCII letters, digits and '_', to a key with nothing in
  // it yet.
  void add_ascii_word(std::string_view text, std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    for (; i + 8 <= end; i += 8) {
      mix(lower_ascii_group(load_group(text.data() + i)));
    }
    if (i < end) {
      const std::size_t rest = end - i;
      const std::uint64_t group = i + 8 <= text.size() ? load_group(text.data() + i) & low_bytes(rest)
                                                       : load_short_group(text.data() + i, rest);
      m_group = lower_ascii_group(group);
    }
    m_length = end - begin;
  }

  [[nodiscard]] std::uint64_t finish() {
    if (m_length % 8 != 0) {
      mix(m_group);
    }
    // Spreads the hash over all 64 bits (the filters read the low ones, the tables higher ones).
    std::uint64_t hash = m_hash + m_length;
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 33;
    return hash;
  }

 private:
  void mix(std::uint64_t group) { m_hash = std::rotl((m_hash ^ group) * 0x9E3779B97F4A7C15ULL, 27); }

  static std::uint64_t load_group(const char* bytes) {
    std::uint64_t group = 0;
    std::memcpy(&group, bytes, sizeof group);
    if constexpr (std::endian::native == std::endian::big) {
      group = __builtin_bswap64(group);
    }
    return group;
  }
  static std::uint64_t load_short_group(const char* bytes, std::size_t count) {
    std::uint64_t group = 0;
    for (std::size_t k = 0; k < count; ++k) {
      group |= std::uint64_t{static_cast<unsigned char>(bytes[k])} << (8 * k);
    }
    return group;
  }
  static std::uint64_t low_bytes(std::size_t count) { return ~std::uint64_t{0} >> (64 - 8 * count); }

  // 'A'..'Z' to 'a'..'z' in eight ASCII bytes at once, as k_lower does one at a time.
  static std::uint64_t lower_ascii_group(std::uint64_t group) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    const std::uint64_t at_least_a = group + (0x80 - 'A') * ones;  // bit 7 of each byte: byte >= 'A'
    const std::uint64_t beyond_z = group + (0x80 - 'Z' - 1) * ones;  // bit 7: byte > 'Z'
    const std::uint64_t upper = at_least_a & ~beyond_z & (0x80 * ones);
    return group | (upper >> 2);  // 0x80 >> 2 is 0x20, the case bit
  }

  std::uint64_t m_hash = 0x243F6A8885A308D3ULL;
  std::uint64_t m_group = 0;  // the bytes not yet mixed
  std::size_t m_length = 0;
};

// Which of up to 64 bytes at `bytes` are ASCII word characters (letters, digits, '_'), and which
// ask for the careful reading (non-ASCII bytes and apostrophes); bit k is byte k. Sixteen bytes a
// step where the processor has SSE2 (every x86-64 one), one a step for the rest and for the bytes
// after the last 16 (a unit test holds both ways to a byte-by-byte reading of the rules).
struct ByteMasks {
  std::uint64_t word = 0;
  std::uint64_t careful = 0;
};

ByteMasks classify(const char* bytes, std::size_t count) {
  ByteMasks masks;
  std::size_t k = 0;
#if defined(__SSE2__)
  for (; k + 16 <= count; k += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + k));
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));  // non-ASCII bytes stay negative
    const __m128i letter =
        _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
    const __m128i digit =
        _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    const __m128i word = _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
    const auto non_ascii = static_cast<std::uint32_t>(_mm_movemask_epi8(v));
    const auto apostrophes = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\''))));
    masks.word |= std::uint64_t{static_cast<std::uint32_t>(_mm_movemask_epi8(word))} << k;
    masks.careful |= std::uint64_t{non_ascii | apostrophes} << k;
  }
#endif
  for (; k < count; ++k) {
    const std::uint8_t byte_class = class_of(bytes[k]);
    masks.word |= std::uint64_t{byte_class == ascii_word} << k;
    masks.careful |= std::uint64_t{byte_class == non_ascii || byte_class == apostrophe} << k;
  }
  return masks;
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

// The word that starts at `begin`, read byte by byte: for words that hold non-ASCII letters or
// apostrophes. Returns its end.
std::size_t read_careful_word(std::string_view text, std::size_t begin, WordKey& key) {
  std::size_t i = begin;
  while (i < text.size()) {
    std::size_t length = word_char_length(text, i);
    if (length > 0) {
      for (const std::size_t end = i + length; i < end; ++i) {
        key.add(text[i]);
      }
    } else if ((length = inner_apostrophe_length(text, i)) > 0) {
      key.add('\'');
      i += length;
    } else {
      break;
    }
  }
  return i;
}

// Reads a text's words from masks of 64 bytes: separators are skipped and runs of ASCII word bytes
// measured a mask at a time, with no branch per byte; only at a non-ASCII byte or an apostrophe
// does the reading go byte by byte.
class WordReader {
 public:
  WordReader(std::string_view text, std::vector<TextWord>& words, std::uint32_t base)
      : m_text(text), m_words(words), m_base(base) {
    load(0);
  }

  void read() {
    for (std::size_t i = next_candidate(0); i < m_text.size(); i = next_candidate(i)) {
      i = is_careful(i) ? read_from_careful_byte(i) : read_ascii_word(i);
    }
  }

 private:
  // The masks cover [m_window, m_window + 64); `at` must lie in them.
  void load(std::size_t at) {
    m_window = at;
    m_masks = classify(m_text.data() + at, std::min<std::size_t>(m_text.size() - at, 64));
  }
  void cover(std::size_t at) {
    if (at >= m_window + 64) {
      load(at);
    }
  }
  [[nodiscard]] bool is_careful(std::size_t at) const { return ((m_masks.careful >> (at - m_window)) & 1U) != 0; }

  // The first byte from `from` on that is not a separator (text's size if none).
  std::size_t next_candidate(std::size_t from) {
    while (from < m_text.size()) {
      cover(from);
      const std::uint64_t bits = (m_masks.word | m_masks.careful) >> (from - m_window);
      if (bits != 0) {
        return from + static_cast<std::size_t>(std::countr_zero(bits));
      }
      from = m_window + 64;
    }
    return m_text.size();
  }

  // The first byte from `from` on that is not an ASCII word byte (text's size if none).
  std::size_t ascii_run_end(std::size_t from) {
    while (from < m_text.size()) {
      cover(from);
      // A text's last masks have no word bits past its end, so the run stops there at the latest.
      const std::uint64_t bits = ~m_masks.word >> (from - m_window);
      if (bits != 0) {
        return from + static_cast<std::size_t>(std::countr_zero(bits));
      }
      from = m_window + 64;
    }
    return m_text.size();
  }

  std::size_t read_ascii_word(std::size_t begin) {
    const std::size_t end = ascii_run_end(begin);
    WordKey key;
    if (end < m_text.size() && is_careful(end)) {  // it may go on past an apostrophe or a non-ASCII letter
      return add(begin, read_careful_word(m_text, begin, key), key);
    }
    key.add_ascii_word(m_text, begin, end);
    return add(begin, end, key);
  }

  // At a non-ASCII byte or an apostrophe that no word before it took.
  std::size_t read_from_careful_byte(std::size_t at) {
    if (m_text[at] == '\'') {
      return at + 1;
    }
    if (non_ascii_word_length(m_text, at) == 0) {
      return at + char_length(m_text[at]);  // a separator, whole
    }
    WordKey key;
    return add(at, read_careful_word(m_text, at, key), key);
  }

  std::size_t add(std::size_t begin, std::size_t end, WordKey& key) {
    m_words.push_back({m_base + static_cast<std::uint32_t>(begin), m_base + static_cast<std::uint32_t>(end), key.finish()});
    return end;
  }

  std::string_view m_text;
  std::vector<TextWord>& m_words;
  std::uint32_t m_base;
  std::size_t m_window = 0;
  ByteMasks m_masks;
};

}  // namespace

void append_text_words(std::string_view text, std::vector<TextWord>& words, std::uint32_t base) {
  WordReader(text, words, base).read();
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

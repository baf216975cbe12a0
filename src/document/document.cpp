#include "document/document.hpp"

#include <algorithm>

#include "document/builder.hpp"
#include "util/text.hpp"

namespace pmlint::document {

Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

Document Document::parse(std::string path, std::string source, const Vocabulary& vocabulary) {
  Document document;
  document.m_path = std::move(path);
  document.m_source = std::make_unique<std::string>(std::move(source));
  document.m_lines = std::make_unique<LineIndex>(*document.m_source);
  document.m_vocabulary = &vocabulary;
  DocumentBuilder(document, vocabulary).build();
  return document;
}

void DocumentBuilder::build() {
  split_front_matter();
  {
    // The tree is the largest thing a parse makes (about twelve bytes per byte of Markdown);
    // nothing after read_blocks needs it, so it goes now.
    const MarkdownTree tree(m_blanked_front_matter, source().substr(m_blanked_front_matter.size()));
    read_blocks(tree);
  }
  build_prose();
  read_sections();
  read_metadata();
  read_timeline();
  read_action_items();
}

ByteSpan DocumentBuilder::node_span(NodeRef node) const {
  const LineIndex& lines = m_doc.lines();
  const int start_line = node.start_line();
  int end_line = node.end_line();
  int end_column = node.end_column();
  const std::uint32_t begin = lines.offset_of(start_line, node.start_column());
  // cmark reports some blocks (HTML blocks at the end of input) as ending at 0:0.
  if (end_line < start_line) {
    end_line = start_line;
    end_column = static_cast<int>(lines.line_span(static_cast<std::uint32_t>(end_line)).size());
  }
  std::uint32_t end = lines.offset_of(end_line, end_column);
  const ByteSpan last_line = lines.line_span(static_cast<std::uint32_t>(end_line));
  if (end < last_line.end) {
    ++end;  // end columns are inclusive
  } else {
    end = last_line.end;
  }
  return {begin, std::max(begin, end)};
}

std::string DocumentBuilder::plain_text(ByteSpan span) const {
  std::string text;
  bool pending_space = false;
  for (char c : span.of(prose())) {
    if (util::is_space(c)) {
      pending_space = !text.empty();
    } else {
      if (pending_space) {
        text.push_back(' ');
        pending_space = false;
      }
      text.push_back(c);
    }
  }
  return text;
}

std::vector<ByteSpan> Document::prose_lines(ByteSpan range) const {
  std::vector<ByteSpan> lines;
  range.end = std::min<std::uint32_t>(range.end, static_cast<std::uint32_t>(m_prose.size()));
  std::uint32_t begin = range.begin;
  for (std::uint32_t k = range.begin; k <= range.end; ++k) {
    if (k == range.end || m_prose[k] == '\n') {
      std::uint32_t end = k;
      if (end > begin && m_prose[end - 1] == '\r') {
        --end;
      }
      if (end > begin) {
        lines.push_back({begin, end});
      }
      begin = k + 1;
    }
  }
  return lines;
}

const MetadataEntry* Document::metadata_entry(std::string_view key) const {
  for (const auto& entry : m_metadata) {
    if (entry.key == key) {
      return &entry;
    }
  }
  return nullptr;
}

std::vector<const Section*> Document::sections_of(SectionKind kind) const {
  std::vector<const Section*> found;
  for (const auto& section : m_sections) {
    if (section.kind == kind) {
      found.push_back(&section);
    }
  }
  return found;
}

const Section* Document::first_section(SectionKind kind) const {
  for (const auto& section : m_sections) {
    if (section.kind == kind) {
      return &section;
    }
  }
  return nullptr;
}

int Document::section_at(std::uint32_t offset) const {
  // Sections are sorted by where they start and nest: the last one to start at or before the
  // offset, or one of its ancestors, holds it.
  const auto after = std::upper_bound(m_sections.begin(), m_sections.end(), offset,
                                      [](std::uint32_t at, const Section& section) { return at < section.heading.begin; });
  int index = static_cast<int>(after - m_sections.begin()) - 1;
  while (index >= 0 && !m_sections[static_cast<std::size_t>(index)].extent().contains(offset)) {
    index = m_sections[static_cast<std::size_t>(index)].parent;
  }
  return index;
}

bool Document::in_kind(int index, SectionKind kind) const {
  while (index >= 0) {
    const Section& section = m_sections[static_cast<std::size_t>(index)];
    if (section.kind == kind) {
      return true;
    }
    index = section.parent;
  }
  return false;
}

std::optional<CivilDate> Document::incident_date() const {
  if (const auto* entry = metadata_entry("date")) {
    TimeScanner scanner(*m_vocabulary);
    if (auto expression = scanner.parse_at(util::trim(entry->value), 0)) {
      if (expression->date && expression->date->year > 0) {
        return expression->date;
      }
    }
  }
  for (const auto& entry : m_timeline) {
    if (entry.date && entry.date->year > 0) {
      return entry.date;
    }
  }
  return std::nullopt;
}

namespace {

// The first of `items` for which `before(item)` is false (they are ordered so that it is true of
// a prefix). Branch-free halving: which half holds the answer is added arithmetically, not a
// jump the processor must guess (half of them it would not); rules ask this thousands of times
// per document.
template <typename T, typename Before>
const T* partition_point(const T* items, std::size_t count, Before before) {
  if (count == 0) {
    return items;
  }
  while (count > 1) {
    const std::size_t half = count / 2;
    items += half * static_cast<std::size_t>(before(items[half - 1]));
    count -= half;
  }
  return items + (before(*items) ? 1 : 0);
}

}  // namespace

std::span<const util::TextWord> Document::words_in(ByteSpan range) const {
  const util::TextWord* const words = m_prose_words.data();
  const std::size_t count = m_prose_words.size();
  // The first word in the range: found among every k_word_sample-th word's start (a dense array,
  // so a long document's search stays in cache), then among the few words that follow.
  const std::uint32_t* const sample = m_word_sample.data();
  const auto sampled = static_cast<std::size_t>(
      partition_point(sample, m_word_sample.size(), [&](std::uint32_t begin) { return begin < range.begin; }) - sample);
  const std::size_t low = sampled == 0 ? 0 : (sampled - 1) * k_word_sample + 1;
  const std::size_t high = std::min(sampled * k_word_sample, count);
  const util::TextWord* const first = partition_point(
      words + low, high - low, [&](const util::TextWord& word) { return word.begin < range.begin; });
  // The end of the range: ranges are short, so it is looked for near the first word, at 1, 2, 4...
  // words on, then between the last two places looked at.
  const auto ends_inside = [&](const util::TextWord& word) { return word.end <= range.end; };
  const std::size_t start = static_cast<std::size_t>(first - words);
  std::size_t inside = start;  // every word before this one ends inside the range
  std::size_t probe = start;
  for (std::size_t step = 1; probe < count && ends_inside(words[probe]); step *= 2) {
    inside = probe + 1;
    probe = start + step;
  }
  const std::size_t bound = std::min(probe, count);
  const util::TextWord* const last =
      inside >= bound ? words + inside : partition_point(words + inside, bound - inside, ends_inside);
  return {first, last};
}

std::vector<const Block*> Document::prose_blocks(ByteSpan range) const {
  std::vector<const Block*> found;
  const auto first = std::lower_bound(m_blocks.begin(), m_blocks.end(), range.begin,
                                      [](const Block& block, std::uint32_t offset) {
                                        return block.span.end <= offset;
                                      });
  for (auto it = first; it != m_blocks.end() && it->span.begin < range.end; ++it) {
    if (it->is_authored_prose()) {
      found.push_back(&*it);
    }
  }
  return found;
}

}  // namespace pmlint::document

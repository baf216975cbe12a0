// Sections: headings at any level, and bold labels that open a section ("- **Impact**: ...").

#include <algorithm>

#include "document/builder.hpp"
#include "util/text.hpp"

namespace pmlint::document {

namespace {

constexpr int k_label_level = 7;

struct Label {
  std::string_view text;  // inside the bold markers, without a trailing colon
  ByteSpan span;          // the label with its markers and colon
};

// "**Impact**:", "**Impact:**", "__Impact__", "**Impact**" at the start of `text`.
std::optional<Label> bold_label_at(std::string_view text, std::size_t pos) {
  const std::string_view rest = text.substr(pos);
  std::string_view marker;
  if (rest.substr(0, 2) == "**") {
    marker = "**";
  } else if (rest.substr(0, 2) == "__") {
    marker = "__";
  } else {
    return std::nullopt;
  }
  // Labels are short and on one line; look no further than that.
  const std::string_view line = rest.substr(0, std::min<std::size_t>(rest.find('\n'), 160));
  const std::size_t close = line.find(marker, 2);
  if (close == std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view inside = util::trim(rest.substr(2, close - 2));
  std::size_t end = pos + close + 2;
  bool colon = false;
  if (!inside.empty() && inside.back() == ':') {
    inside.remove_suffix(1);
    colon = true;
  }
  std::size_t after = end;
  while (after < text.size() && text[after] == ' ') {
    ++after;
  }
  if (after < text.size() && text[after] == ':') {
    end = after + 1;
    colon = true;
  }
  // Without a colon, the label must stand alone on its line ("- **Key events**").
  if (!colon) {
    const std::string_view tail = text.substr(end, text.find('\n', end) - end);
    if (!util::trim(tail).empty()) {
      return std::nullopt;
    }
  }
  if (inside.empty()) {
    return std::nullopt;
  }
  return Label{util::trim(inside), {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end)}};
}

}  // namespace

void DocumentBuilder::read_sections() {
  std::vector<Section>& sections = m_doc.m_sections;
  const std::uint32_t document_end = static_cast<std::uint32_t>(source().size());
  for (const Block& block : m_doc.m_blocks) {
    if (block.kind != BlockKind::heading || block.quoted) {
      continue;
    }
    Section section;
    section.title = plain_text(block.span);
    section.kind = m_vocabulary.section_kind(section.title);
    section.heading = block.span;
    section.level = block.heading_level;
    section.body = {block.span.end, document_end};
    if (!m_doc.m_title && block.heading_level == 1) {
      m_doc.m_title = block.span;
    }
    sections.push_back(std::move(section));
  }
  // A heading's section ends where the next heading of the same or a higher level starts.
  for (std::size_t i = 0; i < sections.size(); ++i) {
    for (std::size_t j = i + 1; j < sections.size(); ++j) {
      if (sections[j].level <= sections[i].level) {
        sections[i].body.end = sections[j].heading.begin;
        break;
      }
    }
  }
  extend_timelines_over_day_headings();
  read_label_sections();
  std::stable_sort(sections.begin(), sections.end(), [](const Section& a, const Section& b) {
    return a.heading.begin < b.heading.begin;
  });
  nest_sections();
  assign_block_sections();
}

void DocumentBuilder::extend_timelines_over_day_headings() {
  // "## Timeline" followed by "## May 12", "## 2023-07-19": the day headings are the timeline's
  // days even though they are written at its own level.
  std::vector<Section>& sections = m_doc.m_sections;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    if (sections[i].kind != SectionKind::timeline) {
      continue;
    }
    std::size_t j = i + 1;
    while (j < sections.size() && sections[j].level > sections[i].level) {
      ++j;
    }
    while (j < sections.size() && sections[j].level == sections[i].level && sections[j].kind == SectionKind::none) {
      const std::string_view title = util::trim(sections[j].heading.of(prose()));
      const auto day = m_scanner.parse_at(title, 0, {true, false});
      if (!day || (!day->date && !day->time)) {
        break;
      }
      sections[i].body.end = sections[j].body.end;
      sections[j].level = sections[i].level + 1;  // nested under the timeline from now on
      ++j;
      while (j < sections.size() && sections[j].level > sections[i].level) {
        ++j;
      }
    }
  }
}

void DocumentBuilder::read_label_sections() {
  std::vector<Section> labels;
  std::vector<int> label_depths;
  for (const Block& block : m_doc.m_blocks) {
    if (block.kind != BlockKind::paragraph || block.quoted) {
      continue;
    }
    // The label must open the paragraph that opens its list item, or a paragraph of its own.
    const bool leads_item = block.item >= 0 &&
                            m_doc.m_items[static_cast<std::size_t>(block.item)].first_block ==
                                static_cast<int>(&block - m_doc.m_blocks.data());
    if (block.item >= 0 && !leads_item) {
      continue;
    }
    const auto label = bold_label_at(source(), block.span.begin);
    if (!label) {
      continue;
    }
    // "Context/Resolution/Review actions": a label may name several sections at once.
    std::vector<SectionKind> kinds;
    if (const SectionKind kind = m_vocabulary.section_kind(label->text); kind != SectionKind::none) {
      kinds.push_back(kind);
    } else if (label->text.find('/') != std::string_view::npos) {
      for (const std::string_view part : util::split(label->text, '/')) {
        if (const SectionKind kind = m_vocabulary.section_kind(part); kind != SectionKind::none) {
          kinds.push_back(kind);
        }
      }
    }
    if (kinds.empty()) {
      continue;
    }
    const int depth = block.item >= 0 ? m_doc.m_items[static_cast<std::size_t>(block.item)].depth : 0;
    for (const SectionKind kind : kinds) {
      Section section;
      section.kind = kind;
      section.title = std::string(label->text);
      section.heading = label->span;
      section.level = k_label_level + depth;
      section.labelled = true;
      section.body = {label->span.end, label->span.end};
      labels.push_back(std::move(section));
      label_depths.push_back(depth);
    }
  }
  // A label's section runs to the next label at the same or a shallower depth, or the next
  // heading, whichever comes first: its content may continue in paragraphs or lists after it.
  // Labels come in document order; a stack finds each one's successor in one pass.
  const std::vector<Section>& headings = m_doc.m_sections;
  const auto document_end = static_cast<std::uint32_t>(source().size());
  std::vector<std::size_t> successors;  // indices of later labels, nearest on top
  for (std::size_t i = labels.size(); i-- > 0;) {
    while (!successors.empty() && (label_depths[successors.back()] > label_depths[i] ||
                                   labels[successors.back()].heading.begin == labels[i].heading.begin)) {
      successors.pop_back();
    }
    std::uint32_t end = successors.empty() ? document_end : labels[successors.back()].heading.begin;
    const auto next_heading = std::upper_bound(
        headings.begin(), headings.end(), labels[i].heading.begin,
        [](std::uint32_t offset, const Section& heading) { return offset < heading.heading.begin; });
    if (next_heading != headings.end()) {
      end = std::min(end, next_heading->heading.begin);
    }
    labels[i].body.end = std::max(labels[i].body.begin, end);
    successors.push_back(i);
  }
  for (auto& label : labels) {
    m_doc.m_sections.push_back(std::move(label));
  }
}

void DocumentBuilder::nest_sections() {
  std::vector<Section>& sections = m_doc.m_sections;
  std::vector<int> open;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    while (!open.empty()) {
      const Section& top = sections[static_cast<std::size_t>(open.back())];
      if (top.body.end > sections[i].heading.begin && top.level < sections[i].level) {
        break;
      }
      open.pop_back();
    }
    sections[i].parent = open.empty() ? -1 : open.back();
    open.push_back(static_cast<int>(i));
  }
}

void DocumentBuilder::assign_block_sections() {
  const std::vector<Section>& sections = m_doc.m_sections;
  std::vector<int> open;
  std::size_t next = 0;
  for (Block& block : m_doc.m_blocks) {
    while (next < sections.size() && sections[next].heading.begin <= block.span.begin) {
      while (!open.empty() && sections[static_cast<std::size_t>(open.back())].body.end <= sections[next].heading.begin) {
        open.pop_back();
      }
      open.push_back(static_cast<int>(next));
      ++next;
    }
    while (!open.empty() && sections[static_cast<std::size_t>(open.back())].extent().end <= block.span.begin) {
      open.pop_back();
    }
    block.section = open.empty() ? -1 : open.back();
    if (block.kind == BlockKind::table_cell && block.row == 0 && block.column == 0) {
      m_doc.m_tables[static_cast<std::size_t>(block.table)].section = block.section;
    }
  }
}

}  // namespace pmlint::document

#include "rules/common.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace pmlint::rules {

ByteSpan document_anchor(const document::Document& document) {
  if (document.title()) {
    return *document.title();
  }
  return {0, 0};
}

bool section_is_empty(const document::Document& document, const document::Section& section) {
  const std::string_view prose = document.prose();
  const auto& blocks = document.blocks();
  const auto first = std::lower_bound(blocks.begin(), blocks.end(), section.body.begin,
                                      [](const document::Block& block, std::uint32_t at) { return block.span.end <= at; });
  for (auto it = first; it != blocks.end(); ++it) {
    const document::Block& block = *it;
    if (block.span.begin >= section.body.end) {
      break;
    }
    if (block.kind == document::BlockKind::code_block || block.quoted) {
      return false;
    }
    if (block.kind == document::BlockKind::html_block) {
      continue;  // comments and markup hold no content
    }
    const std::uint32_t begin = std::max(block.span.begin, section.body.begin);
    const std::uint32_t end = std::min(block.span.end, section.body.end);
    const std::string_view text = prose.substr(begin, end - begin);
    if (std::any_of(text.begin(), text.end(), [](char c) { return util::is_word_byte(c); })) {
      return false;
    }
  }
  return true;
}

std::string quote(std::string_view text, std::size_t max) {
  std::string collapsed;
  bool space = false;
  for (const char c : util::trim(text)) {
    if (util::is_space(c)) {
      space = true;
      continue;
    }
    if (space) {
      collapsed.push_back(' ');
      space = false;
    }
    collapsed.push_back(c);
  }
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < collapsed.size(); ++i) {
    if ((static_cast<unsigned char>(collapsed[i]) & 0xC0) != 0x80 && ++code_points > max) {
      return collapsed.substr(0, i) + "…";
    }
  }
  return collapsed;
}

std::string action_name(const document::ActionItem& item) { return "action '" + quote(item.text, 50) + "'"; }

void SectionPresenceRule::check(Context& context) const {
  const auto& document = context.document();
  const auto sections = document.sections_of(m_kind);
  if (sections.empty()) {
    context.report(document_anchor(document), "no " + std::string(m_name) + " section");
    return;
  }
  if (!m_empty_is_missing) {
    return;
  }
  const bool all_empty = std::all_of(sections.begin(), sections.end(), [&](const document::Section* section) {
    return section_is_empty(document, *section);
  });
  if (all_empty) {
    context.report(sections.front()->heading, "the " + std::string(m_name) + " section is empty");
  }
}

}  // namespace pmlint::rules

#pragma once

// Internal to src/document: the steps that turn bytes into a Document, one file per step.

#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "document/markdown.hpp"
#include "document/timestamp.hpp"

namespace pmlint::document {

class DocumentBuilder {
 public:
  DocumentBuilder(Document& document, const Vocabulary& vocabulary)
      : m_doc(document), m_vocabulary(vocabulary), m_scanner(vocabulary) {}

  void build();

 private:
  // front_matter.cpp
  void split_front_matter();
  void read_yaml_front_matter();
  void read_toml_front_matter();
  // blocks.cpp
  void read_blocks(const MarkdownTree& tree);
  void add_block(BlockKind kind, ByteSpan span, int heading_level);
  void read_table_row(NodeRef row);
  void build_prose();
  void blank_inline_markup(ByteSpan span);
  void collect_comments(ByteSpan span);
  // sections.cpp
  void read_sections();
  void extend_timelines_over_day_headings();
  void read_label_sections();
  void nest_sections();
  void assign_block_sections();
  // metadata.cpp
  void read_metadata();
  void read_key_value_lines(ByteSpan block, MetadataSource source);
  void read_metadata_tables();
  void read_heading_metadata();
  void read_severity_and_audience();
  // timeline.cpp
  void read_timeline();
  // action_items.cpp
  void read_action_items();

  // Helpers shared by the steps.
  [[nodiscard]] std::string_view source() const { return m_doc.source(); }
  [[nodiscard]] std::string_view prose() const { return m_doc.m_prose; }
  [[nodiscard]] ByteSpan node_span(NodeRef node) const;
  [[nodiscard]] std::string plain_text(ByteSpan span) const;  // prose, whitespace collapsed
  void add_metadata(std::string_view name, std::string value, std::vector<std::string> values,
                    ByteSpan key_span, ByteSpan value_span, MetadataSource source, bool known_only);

  Document& m_doc;
  const Vocabulary& m_vocabulary;
  TimeScanner m_scanner;
  std::string m_blanked_front_matter;  // what cmark reads in place of the front matter
  std::vector<ByteSpan> m_code_spans;  // inline code found while building prose
  std::vector<int> m_item_stack;
  int m_quote_depth = 0;
  int m_next_list = 0;  // list numbers, in document order
};

}  // namespace pmlint::document

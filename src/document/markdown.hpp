#pragma once

#include <memory>
#include <string_view>

struct cmark_node;
struct cmark_parser;
struct cmark_iter;

namespace pmlint::document {

// The block kinds pmlint looks at, mapped once from cmark-gfm's types (its extension types are
// run-time globals, so they cannot be switch labels). A tree holds no inline nodes: see
// MarkdownTree.
enum class NodeKind {
  document, block_quote, list, item, code_block, html_block, custom_block, paragraph, heading,
  thematic_break, footnote_definition, table, table_row, table_cell, other
};

// A borrowed, non-owning handle to a node of a parsed tree; cheap to copy.
class NodeRef {
 public:
  NodeRef() = default;
  explicit NodeRef(cmark_node* node) : m_node(node) {}

  [[nodiscard]] bool valid() const { return m_node != nullptr; }
  [[nodiscard]] NodeKind kind() const;
  [[nodiscard]] int start_line() const;
  [[nodiscard]] int start_column() const;
  [[nodiscard]] int end_line() const;
  [[nodiscard]] int end_column() const;
  [[nodiscard]] int heading_level() const;
  [[nodiscard]] bool ordered_list() const;
  // For list items of a task list: true/false; for anything else: false with is_task() false.
  [[nodiscard]] bool is_task() const;
  [[nodiscard]] bool task_checked() const;
  [[nodiscard]] bool table_header_row() const;
  [[nodiscard]] NodeRef parent() const;
  [[nodiscard]] NodeRef first_child() const;
  [[nodiscard]] cmark_node* raw() const { return m_node; }

  friend bool operator==(const NodeRef&, const NodeRef&) = default;

 private:
  cmark_node* m_node = nullptr;
};

struct ParserDeleter {
  void operator()(cmark_parser* parser) const noexcept;
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const noexcept;
};

// One parse of a Markdown text's blocks with the GFM extensions pmlint enables (table,
// strikethrough, autolink, tasklist) and source positions on. Paragraphs, headings and table
// cells have no children: their inline content is not parsed (markdown.cpp says how). The tree
// lives in its thread's parse arena, which is emptied when the last MarkdownTree alive on that
// thread is destroyed.
class MarkdownTree {
 public:
  // The text is `head` followed by `rest`, read as one: the caller can replace a prefix (blanked
  // front matter) without copying the whole document.
  MarkdownTree(std::string_view head, std::string_view rest);
  ~MarkdownTree();
  MarkdownTree(const MarkdownTree&) = delete;
  MarkdownTree& operator=(const MarkdownTree&) = delete;

  [[nodiscard]] NodeRef root() const { return NodeRef(m_root); }

  // Depth-first walk without recursion (documents may nest 100,000 deep). `visit(node, entering)`
  // is called on entry to every node and on exit from container nodes; it returns whether to go
  // into the node's children (on exit the answer is not read).
  template <class Visitor>
  void walk(Visitor&& visit) const {
    Walker walker(m_root);
    NodeRef node;
    bool entering = false;
    while (walker.next(node, entering)) {
      if (!visit(node, entering) && entering) {
        walker.skip_children(node);
      }
    }
  }

 private:
  class Walker {
   public:
    explicit Walker(cmark_node* root);
    bool next(NodeRef& node, bool& entering);
    // The next event is leaving `node`, whose children are not visited.
    void skip_children(NodeRef node);

   private:
    std::unique_ptr<cmark_iter, IterDeleter> m_iter;
  };

  cmark_node* m_root = nullptr;
};

}  // namespace pmlint::document

#include "document/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <vector>

namespace pmlint::document {

void ParserDeleter::operator()(cmark_parser* parser) const noexcept { cmark_parser_free(parser); }
void IterDeleter::operator()(cmark_iter* iter) const noexcept { cmark_iter_free(iter); }

namespace {

constexpr std::array<const char*, 4> k_extensions = {"table", "strikethrough", "autolink", "tasklist"};

void register_extensions_once() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

NodeKind kind_of_extension(const char* name) {
  if (std::strcmp(name, "table") == 0) {
    return NodeKind::table;
  }
  if (std::strcmp(name, "table_row") == 0 || std::strcmp(name, "table_header") == 0) {
    return NodeKind::table_row;
  }
  if (std::strcmp(name, "table_cell") == 0) {
    return NodeKind::table_cell;
  }
  if (std::strcmp(name, "tasklist") == 0) {
    return NodeKind::item;
  }
  return NodeKind::other;
}

// Blocks handed out one after another, each starting with its size (which realloc needs): from a
// first chunk kept for the thread's life, then, for a large document, from chunks taken from the
// system allocator, each at least twice the one before, all given back at reset(). Pages are
// touched only as blocks fill them.
class BumpRegion {
 public:
  explicit BumpRegion(std::size_t first_chunk)
      : m_first(std::make_unique_for_overwrite<std::byte[]>(first_chunk)),
        m_first_size(first_chunk),
        m_next(m_first.get()),
        m_end(m_first.get() + first_chunk),
        m_chunk_size(first_chunk) {}

  void* allocate(std::size_t size) {
    if (size > SIZE_MAX / 4) {  // no such block could be had; and no sum below can overflow
      out_of_memory();
    }
    const std::size_t total = k_header + rounded(size);
    if (total > static_cast<std::size_t>(m_end - m_next)) {  // rarely: a pointer bump otherwise
      add_chunk(total);
    }
    std::byte* const block = m_next;
    m_next += total;
    std::memcpy(block, &size, sizeof size);
    return block + k_header;
  }

  static std::size_t size_of(const void* pointer) {
    std::size_t size = 0;
    std::memcpy(&size, static_cast<const std::byte*>(pointer) - k_header, sizeof size);
    return size;
  }

  // cmark grows its line and content buffers by realloc; when the buffer is the last block
  // handed out and its chunk has room, it grows where it is: no copy, no space left behind.
  bool grow_in_place(void* pointer, std::size_t size) {
    auto* const start = static_cast<std::byte*>(pointer);
    if (start + rounded(size_of(pointer)) != m_next || size > SIZE_MAX / 4 ||
        rounded(size) > static_cast<std::size_t>(m_end - start)) {
      return false;
    }
    m_next = start + rounded(size);
    std::memcpy(start - k_header, &size, sizeof size);
    return true;
  }

  void reset() {
    m_spilled.clear();
    m_next = m_first.get();
    m_end = m_next + m_first_size;
    m_chunk_size = m_first_size;
  }

  [[noreturn]] static void out_of_memory() {
    // As cmark's own allocator does: the C parser cannot unwind an exception.
    std::fputs("pmlint: out of memory while parsing Markdown\n", stderr);
    std::abort();
  }

 private:
  static constexpr std::size_t k_header = alignof(std::max_align_t);
  static std::size_t rounded(std::size_t size) { return (size + k_header - 1) & ~(k_header - 1); }

  void add_chunk(std::size_t at_least) {
    m_chunk_size = std::max(2 * m_chunk_size, at_least);
    try {
      m_spilled.push_back(std::make_unique_for_overwrite<std::byte[]>(m_chunk_size));
    } catch (const std::bad_alloc&) {
      out_of_memory();
    }
    m_next = m_spilled.back().get();
    m_end = m_next + m_chunk_size;
  }

  std::unique_ptr<std::byte[]> m_first;
  std::size_t m_first_size;
  std::vector<std::unique_ptr<std::byte[]>> m_spilled;
  std::byte* m_next;  // the free part of the current chunk: [m_next, m_end)
  std::byte* m_end;
  std::size_t m_chunk_size;  // the current chunk's
};

// Everything cmark allocates for one document (nodes, line buffers, text) dies together once the
// document's blocks are read, so each thread parses into its own arena and drops it whole: no
// free per node, no walk of the tree to free it. On the system allocator, allocating, freeing and
// the walk cost about a third of the parse's instructions (callgrind, 200 documents). (cmark-gfm's
// own arena, cmark_get_arena_mem_allocator, is a single global for the process, which threads
// cannot share.)
//
// Nodes (cmark allocates them, and only small structures besides, with calloc) and text buffers
// (realloc) go to two regions: the nodes then lie side by side, in document order, and the walk
// over them reads memory in one direction instead of jumping over each paragraph's text. On a
// 100 MB document, cmark_iter_next was 13% of pmlint's time with them mixed.
class ParseArena {
 public:
  static ParseArena& of_this_thread() {
    thread_local ParseArena arena;
    return arena;
  }
  static cmark_mem* allocator() {
    static cmark_mem mem = {&ParseArena::calloc, &ParseArena::realloc, &ParseArena::free};
    return &mem;
  }

  void hold() { ++m_trees; }
  // The last tree gone, everything allocated since goes; the first chunks are kept for the next
  // document.
  void release() {
    if (--m_trees == 0) {
      m_nodes.reset();
      m_buffers.reset();
    }
  }

 private:
  // Enough for a document of a few hundred kB.
  ParseArena() : m_nodes(std::size_t{1} << 20), m_buffers(std::size_t{4} << 20) {}

  static void* calloc(std::size_t count, std::size_t size) {
    if (size != 0 && count > SIZE_MAX / size) {  // the product overflows; allocate refuses the rest
      BumpRegion::out_of_memory();
    }
    void* block = of_this_thread().m_nodes.allocate(count * size);
    std::memset(block, 0, count * size);
    return block;
  }

  static void* realloc(void* pointer, std::size_t size) {
    BumpRegion& buffers = of_this_thread().m_buffers;
    if (pointer != nullptr && buffers.grow_in_place(pointer, size)) {
      return pointer;
    }
    void* block = buffers.allocate(size);
    if (pointer != nullptr) {
      std::memcpy(block, pointer, std::min(size, BumpRegion::size_of(pointer)));
    }
    return block;
  }

  static void free(void* /*pointer*/) {}  // everything goes at release()

  BumpRegion m_nodes;
  BumpRegion m_buffers;
  int m_trees = 0;
};

}  // namespace

}  // namespace pmlint::document

// pmlint reads blocks only: the document builder blanks inline markup from the source itself, and
// no rule reads emphasis, links or code spans as nodes. cmark-gfm has no option to leave inlines
// unparsed, and its inline pass (with the autolink and text-merging passes over what it builds)
// is over a third of its parse: 14% of pmlint's time on the 10,000 generated documents. That pass
// calls this function once for each paragraph, heading and table cell; Debian's shared
// libcmark-gfm calls it through its procedure linkage table, so this definition in the program
// takes the library's place and the pass builds nothing. Where a build of the library binds the
// call to its own copy (statically linked, or linked with -Bsymbolic), inlines are parsed as before
// and never read: slower, the same results. A test says which one this build does.
extern "C" __attribute__((visibility("default"))) void cmark_parse_inlines(
    cmark_parser* /*parser*/, cmark_node* /*parent*/, void* /*refmap*/, int /*options*/) {}

// For the same reason: at the end of every parse cmark-gfm walks the whole tree to merge adjacent
// text nodes, which a tree of blocks does not have (1% of pmlint's instructions for nothing).
extern "C" __attribute__((visibility("default"))) void cmark_consolidate_text_nodes(cmark_node* /*root*/) {}

namespace pmlint::document {

NodeKind NodeRef::kind() const {
  switch (cmark_node_get_type(m_node)) {
    case CMARK_NODE_DOCUMENT: return NodeKind::document;
    case CMARK_NODE_BLOCK_QUOTE: return NodeKind::block_quote;
    case CMARK_NODE_LIST: return NodeKind::list;
    case CMARK_NODE_ITEM: return NodeKind::item;
    case CMARK_NODE_CODE_BLOCK: return NodeKind::code_block;
    case CMARK_NODE_HTML_BLOCK: return NodeKind::html_block;
    case CMARK_NODE_CUSTOM_BLOCK: return NodeKind::custom_block;
    case CMARK_NODE_PARAGRAPH: return NodeKind::paragraph;
    case CMARK_NODE_HEADING: return NodeKind::heading;
    case CMARK_NODE_THEMATIC_BREAK: return NodeKind::thematic_break;
    case CMARK_NODE_FOOTNOTE_DEFINITION: return NodeKind::footnote_definition;
    default: return kind_of_extension(cmark_node_get_type_string(m_node));
  }
}

int NodeRef::start_line() const { return cmark_node_get_start_line(m_node); }
int NodeRef::start_column() const { return cmark_node_get_start_column(m_node); }
int NodeRef::end_line() const { return cmark_node_get_end_line(m_node); }
int NodeRef::end_column() const { return cmark_node_get_end_column(m_node); }
int NodeRef::heading_level() const { return cmark_node_get_heading_level(m_node); }
bool NodeRef::ordered_list() const { return cmark_node_get_list_type(m_node) == CMARK_ORDERED_LIST; }
bool NodeRef::is_task() const {
  return std::strcmp(cmark_node_get_type_string(m_node), "tasklist") == 0;
}
bool NodeRef::task_checked() const {
  return is_task() && cmark_gfm_extensions_get_tasklist_item_checked(m_node);
}
bool NodeRef::table_header_row() const {
  return cmark_gfm_extensions_get_table_row_is_header(m_node) != 0;
}
NodeRef NodeRef::parent() const { return NodeRef(cmark_node_parent(m_node)); }
NodeRef NodeRef::first_child() const { return NodeRef(cmark_node_first_child(m_node)); }

MarkdownTree::MarkdownTree(std::string_view head, std::string_view rest) {
  register_extensions_once();
  ParseArena::of_this_thread().hold();
  // Not CMARK_OPT_VALIDATE_UTF8: it rewrites lines and shifts positions; the loader validates.
  const std::unique_ptr<cmark_parser, ParserDeleter> parser(
      cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE, ParseArena::allocator()));
  for (const char* name : k_extensions) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
  }
  // cmark buffers a line split between two feeds, so the two parts read as one text.
  cmark_parser_feed(parser.get(), head.data(), head.size());
  cmark_parser_feed(parser.get(), rest.data(), rest.size());
  // The finished tree does not need its parser (cmark_parse_document frees it the same way).
  m_root = cmark_parser_finish(parser.get());
}

MarkdownTree::~MarkdownTree() { ParseArena::of_this_thread().release(); }

MarkdownTree::Walker::Walker(cmark_node* root) : m_iter(cmark_iter_new(root)) {}

void MarkdownTree::Walker::skip_children(NodeRef node) {
  if (node.first_child().valid()) {
    cmark_iter_reset(m_iter.get(), node.raw(), CMARK_EVENT_EXIT);
  }
}

bool MarkdownTree::Walker::next(NodeRef& node, bool& entering) {
  const cmark_event_type event = cmark_iter_next(m_iter.get());
  if (event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE) {
    return false;
  }
  node = NodeRef(cmark_iter_get_node(m_iter.get()));
  entering = event == CMARK_EVENT_ENTER;
  return true;
}

}  // namespace pmlint::document

// The floor pmlint is measured against: read each Markdown file given, or below the given folders,
// and parse it with cmark-gfm, with the extensions and options pmlint uses, and nothing else.
// Usage: parse_baseline (DIR | FILE)...

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  cmark_gfm_core_extensions_ensure_registered();
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    if (std::filesystem::is_regular_file(argv[i])) {
      files.emplace_back(argv[i]);
      continue;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[i])) {
      if (entry.is_regular_file() && entry.path().extension() == ".md") {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  std::size_t bytes = 0;
  std::size_t nodes = 0;
  for (const auto& file : files) {
    std::ifstream stream(file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    bytes += text.size();
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE);
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
      cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
    }
    cmark_parser_feed(parser, text.data(), text.size());
    cmark_node* root = cmark_parser_finish(parser);
    // Walk the tree once, as any consumer of it would.
    cmark_iter* iter = cmark_iter_new(root);
    while (cmark_iter_next(iter) != CMARK_EVENT_DONE) {
      ++nodes;
    }
    cmark_iter_free(iter);
    cmark_node_free(root);
    cmark_parser_free(parser);
  }
  std::fprintf(stderr, "%zu files, %zu bytes, %zu node events\n", files.size(), bytes, nodes);
  return 0;
}

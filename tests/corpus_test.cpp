// What the Document model extracts from the real postmortems in ../shared/corpus/real/. The
// corpus is not part of this repository: these tests say so and pass when it is absent.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/helpers.hpp"
#include "util/text.hpp"

namespace pmlint::test {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> corpus_files(const fs::path& folder) {
  std::vector<fs::path> files;
  if (!fs::is_directory(folder)) {
    return files;
  }
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".md" && entry.path().filename() != "SOURCES.md") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_file(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::stringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

// True when an Action Items section of `document` holds a list item or table row with words in
// it: what a reader would call an item, found without the action-item extractor.
bool action_section_lists_something(const document::Document& document) {
  const auto& vocabulary = document.vocabulary();
  for (const auto* section : document.sections_of(document::SectionKind::action_items)) {
    for (const auto& item : document.items()) {
      if (!section->body.contains(item.span.begin) || item.first_block < 0) {
        continue;
      }
      const auto& block = document.blocks()[static_cast<std::size_t>(item.first_block)];
      if (!vocabulary.is_placeholder(util::trim(block.span.of(document.prose())))) {
        return true;
      }
    }
    for (const auto& table : document.tables()) {
      if (section->body.contains(table.span.begin) && table.rows.size() > 1) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

TEST_CASE("corpus: timelines, action-item sections and items are found in the real postmortems") {
  const auto files = corpus_files(corpus_dir() / "real");
  if (files.empty()) {
    MESSAGE("skipped: no corpus at " << (corpus_dir() / "real").string());
    return;
  }
  REQUIRE(files.size() == 120);
  std::size_t with_timeline = 0;
  std::size_t with_action_section = 0;
  std::vector<std::string> listed_but_not_extracted;
  for (const auto& file : files) {
    const auto document = parse(read_file(file), file.filename().string());
    with_timeline += document.timeline().empty() ? 0 : 1;
    if (document.has_section(document::SectionKind::action_items)) {
      ++with_action_section;
      if (action_section_lists_something(document) && document.action_items().empty()) {
        listed_but_not_extracted.push_back(file.filename().string());
      }
    }
  }
  MESSAGE("timeline entries in " << with_timeline << " of " << files.size() << " files; action-items section in "
                                 << with_action_section);
  CHECK(with_timeline >= 115);
  CHECK(with_action_section >= 100);
  CHECK_MESSAGE(listed_but_not_extracted.empty(),
                "items listed but not extracted in: " << util::join(listed_but_not_extracted, ", "));
}

TEST_CASE("corpus: every real postmortem and template lints without a file error") {
  std::vector<fs::path> files = corpus_files(corpus_dir() / "real");
  const auto templates = corpus_files(corpus_dir() / "templates");
  files.insert(files.end(), templates.begin(), templates.end());
  if (files.empty()) {
    MESSAGE("skipped: no corpus at " << corpus_dir().string());
    return;
  }
  for (const auto& file : files) {
    const auto result = lint(read_file(file));
    CHECK_MESSAGE(!result.error, file.filename().string());
  }
}

}  // namespace pmlint::test

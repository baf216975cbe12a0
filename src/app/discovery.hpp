#pragma once

#include <filesystem>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/config.hpp"

namespace pmlint::app {

struct DiscoveryError {
  std::string path;
  std::string message;
};

// The files a run lints, in the order they are reported, each with its configuration. A file is
// kept as its name and an index to its folder's path: a run over a hundred thousand files holds
// little more than their names, so memory barely grows with the number of files.
class FileList {
 public:
  // `display`: the name to report, as the user wrote it or folder + relative path.
  void add(std::string_view path, std::string_view display, const engine::Config* config);
  [[nodiscard]] std::size_t size() const { return m_entries.size(); }
  [[nodiscard]] std::string path(std::size_t index) const;
  [[nodiscard]] std::string display(std::size_t index) const;
  [[nodiscard]] const engine::Config& config(std::size_t index) const { return *m_configs[m_entries[index].config]; }
  // Orders the files by display name; with `deduplicate`, a file reached by two routes (named
  // twice, or inside two folders given) is kept once.
  void sort(bool deduplicate);

 private:
  // What a file's path and display name begin with ("docs/2024/"); its name completes both.
  struct Folder {
    std::string path;
    std::string display;
  };
  struct Entry {
    std::uint32_t folder;  // index into m_folders
    std::uint32_t name;    // offset of the name in m_names
    std::uint32_t name_size;
    std::uint32_t config;  // index into m_configs
  };
  [[nodiscard]] std::string_view name_of(const Entry& entry) const {
    return std::string_view(m_names).substr(entry.name, entry.name_size);
  }
  std::string m_names;
  std::vector<Entry> m_entries;
  std::vector<Folder> m_folders;
  std::vector<const engine::Config*> m_configs;  // distinct; the resolver keeps them alive
};

struct Discovery {
  FileList files;
  std::vector<DiscoveryError> errors;
};

// Expands command-line paths: files as given (whatever their extension), folders to the
// Markdown files below them (not following symlinked folders, skipping hidden folders and
// node_modules, honouring `ignore:` globs of the configuration), and globs ("docs/**/*.md").
Discovery discover(const std::vector<std::string>& arguments, engine::ConfigResolver& configs);

// True for the extensions pmlint lints when it walks a folder.
bool is_markdown_file(const std::filesystem::path& path);

}  // namespace pmlint::app

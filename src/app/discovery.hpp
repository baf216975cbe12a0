#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "engine/config.hpp"

namespace pmlint::app {

struct InputFile {
  std::filesystem::path path;
  std::string display;  // as the user wrote it, or folder + relative path
};

struct DiscoveryError {
  std::string path;
  std::string message;
};

struct Discovery {
  std::vector<InputFile> files;   // sorted, without duplicates
  std::vector<DiscoveryError> errors;
};

// Expands command-line paths: files as given (whatever their extension), folders to the
// Markdown files below them (not following symlinked folders, skipping hidden folders and
// node_modules, honouring `ignore:` globs of the configuration), and globs ("docs/**/*.md").
Discovery discover(const std::vector<std::string>& arguments, engine::ConfigResolver& configs);

// True for the extensions pmlint lints when it walks a folder.
bool is_markdown_file(const std::filesystem::path& path);

}  // namespace pmlint::app

#pragma once

#include <filesystem>
#include <string>

#include "document/document.hpp"
#include "engine/config.hpp"
#include "engine/result.hpp"

namespace pmlint::engine {

// Runs the configured rules over a parsed document, applies suppression comments and turns
// diagnostics into findings with positions and fingerprints.
FileResult lint_document(const document::Document& document, const Config& config);

// Checks that `bytes` are text pmlint can read (not binary, valid UTF-8), parses and lints them.
FileResult lint_bytes(std::string display_path, std::string bytes, const Config& config);

// Reads a file and lints it; a file that cannot be read gives a FileResult with an error.
FileResult lint_file(const std::filesystem::path& path, std::string display_path, const Config& config);

// Why `bytes` cannot be linted as Markdown (binary, invalid UTF-8), with the position.
std::optional<FileError> unreadable_text(std::string_view bytes);

}  // namespace pmlint::engine

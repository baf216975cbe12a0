#pragma once

#include <fstream>
#include <string>

namespace pmlint::app {

// A report written atomically: to a temporary file beside the target, renamed over it on
// commit(). A run that fails part-way leaves the old report (or none), never half of one.
// A target that exists and is not a regular file (/dev/null, a pipe) is written in place.
class OutputFile {
 public:
  explicit OutputFile(std::string target);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  [[nodiscard]] bool ok() const { return m_error.empty(); }
  [[nodiscard]] const std::string& error() const { return m_error; }
  std::ostream& stream() { return m_stream; }
  // Flushes, closes and renames into place; false (with error()) on failure.
  bool commit();

 private:
  std::string m_target;
  std::string m_temporary;
  std::ofstream m_stream;
  std::string m_error;
  bool m_committed = false;
  bool m_direct = false;  // the target is a device or pipe, written in place
};

}  // namespace pmlint::app

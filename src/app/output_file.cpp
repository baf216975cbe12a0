#include "app/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace pmlint::app {

OutputFile::OutputFile(std::string target) : m_target(std::move(target)) {
  const std::filesystem::path path(m_target);
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (std::filesystem::is_directory(status)) {
    m_error = "is a folder";
    return;
  }
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    // /dev/null, a terminal, a pipe: written in place. Renaming over one would replace the device.
    m_stream.open(m_target, std::ios::binary);
    m_direct = true;
    if (!m_stream) {
      m_error = "cannot open it for writing";
    }
    return;
  }
  std::string pattern = (path.has_parent_path() ? path.parent_path().string() + "/" : std::string()) + "." +
                        path.filename().string() + ".XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int descriptor = mkstemp(name.data());
  if (descriptor < 0) {
    m_error = std::strerror(errno);
    return;
  }
  close(descriptor);
  m_temporary = name.data();
  m_stream.open(m_temporary, std::ios::binary | std::ios::trunc);
  if (!m_stream) {
    m_error = "cannot open a temporary file beside it";
  }
}

OutputFile::~OutputFile() {
  if (!m_committed && !m_temporary.empty()) {
    m_stream.close();
    std::remove(m_temporary.c_str());
  }
}

bool OutputFile::commit() {
  m_stream.flush();
  if (!m_stream) {
    m_error = "write failed";
    return false;
  }
  m_stream.close();
  if (m_direct) {
    m_committed = true;
    return true;
  }
  // Keep the permissions a new file would get, not mkstemp's 0600.
  const mode_t mask = umask(0);
  umask(mask);
  chmod(m_temporary.c_str(), 0666 & ~mask);
  if (std::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
    m_error = std::strerror(errno);
    return false;
  }
  m_committed = true;
  return true;
}

}  // namespace pmlint::app

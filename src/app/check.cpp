#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <thread>

#include "app/commands.hpp"
#include "app/discovery.hpp"
#include "app/output_file.hpp"
#include "app/report_setup.hpp"
#include "engine/config.hpp"
#include "engine/linter.hpp"

namespace pmlint::app {

namespace fs = std::filesystem;

namespace {

// Lints `files` on `threads` threads (this one and threads - 1 more) and hands results to `emit`
// in input order as soon as each is ready. Whichever thread finishes the next file in order emits
// it and any that wait behind it, one thread at a time; threads run at most a window ahead of the
// output and results wait in a ring of that size, so memory stays flat however many files there
// are.
template <class Emit>
void lint_in_order(const FileList& files, unsigned threads, Emit emit) {
  auto lint = [&](std::size_t index) {
    return engine::lint_file(fs::path(files.path(index)), files.display(index), files.config(index));
  };
  if (threads <= 1 || files.size() <= 1) {
    for (std::size_t index = 0; index < files.size(); ++index) {
      emit(lint(index));
    }
    return;
  }
  const std::size_t window = static_cast<std::size_t>(threads) * 4;
  std::vector<std::optional<engine::FileResult>> slots(window);  // file i waits in slot i % window
  std::mutex mutex;
  std::condition_variable room;
  std::size_t next = 0;      // the next file to lint
  std::size_t emitted = 0;   // files handed to `emit`
  bool emitting = false;     // a thread is emitting
  auto work = [&] {
    std::unique_lock lock(mutex);
    while (true) {
      room.wait(lock, [&] { return next >= files.size() || next < emitted + window; });
      if (next >= files.size()) {
        return;
      }
      const std::size_t index = next++;
      lock.unlock();
      engine::FileResult result = lint(index);
      lock.lock();
      slots[index % window] = std::move(result);
      if (emitting) {
        continue;  // the emitting thread will reach this result
      }
      emitting = true;
      while (emitted < files.size() && slots[emitted % window].has_value()) {
        engine::FileResult ready = std::move(*slots[emitted % window]);
        slots[emitted % window].reset();
        lock.unlock();
        emit(ready);
        lock.lock();
        ++emitted;
        room.notify_all();
      }
      emitting = false;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) {
    pool.emplace_back(work);
  }
  work();
  for (auto& thread : pool) {
    thread.join();
  }
}

void count(const engine::FileResult& result, output::RunSummary& summary) {
  ++summary.files;
  summary.suppressed += result.suppressed;
  if (result.error) {
    ++summary.failed_files;
    return;
  }
  if (!result.findings.empty()) {
    ++summary.files_with_findings;
  }
  for (const auto& finding : result.findings) {
    switch (finding.severity) {
      case engine::Severity::error: ++summary.errors; break;
      case engine::Severity::warning: ++summary.warnings; break;
      case engine::Severity::info: ++summary.infos; break;
    }
  }
}

}  // namespace

int check(const CheckOptions& options) {
  const auto threshold = engine::severity_named(options.severity_threshold);
  if (!threshold) {
    std::cerr << "pmlint: --severity-threshold must be info, warning or error\n";
    return k_exit_error;
  }
  engine::ConfigOverrides overrides{options.profile, options.select, options.extend_select, options.ignore};
  std::optional<fs::path> explicit_config;
  if (options.config) {
    explicit_config = fs::path(*options.config);
    if (!fs::is_regular_file(*explicit_config)) {
      std::cerr << "pmlint: " << *options.config << ": configuration file not found\n";
      return k_exit_error;
    }
  }
  engine::ConfigResolver configs(explicit_config, overrides);

  std::vector<std::string> paths = options.paths;
  const bool from_stdin = std::find(paths.begin(), paths.end(), "-") != paths.end();
  paths.erase(std::remove(paths.begin(), paths.end(), "-"), paths.end());
  if (options.paths.empty()) {
    paths.emplace_back(".");
  }

  Discovery discovery;
  std::shared_ptr<const engine::Config> stdin_config;
  try {
    discovery = discover(paths, configs);
    if (from_stdin) {
      stdin_config = configs.for_file(options.stdin_filename ? fs::path(*options.stdin_filename) : fs::path("stdin.md"));
    }
  } catch (const engine::ConfigError& error) {
    std::cerr << "pmlint: " << error.file();
    if (error.line() > 0) {
      std::cerr << ':' << error.line() << ':' << error.column();
    }
    std::cerr << ": error: " << error.what() << '\n';
    return k_exit_error;
  }

  std::unique_ptr<OutputFile> file_output;
  if (options.output_file) {
    file_output = std::make_unique<OutputFile>(*options.output_file);
    if (!file_output->ok()) {
      std::cerr << "pmlint: " << *options.output_file << ": cannot write report: " << file_output->error() << '\n';
      return k_exit_error;
    }
  }
  const bool terminal = isatty(STDOUT_FILENO) != 0;
  if (!file_output && !terminal) {
    // Into a pipe or a file, reports go out in 64 kB writes rather than the C library's 4 kB ones
    // (about one write every two files of the generated corpus); a terminal stays line-buffered.
    // glibc sizes a buffer it allocates itself by the file's block size, whatever it is asked.
    static char buffer[std::size_t{1} << 16];
    std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
  }
  std::ostream& out = file_output ? file_output->stream() : std::cout;
  const bool color = !options.no_color && !file_output && std::getenv("NO_COLOR") == nullptr && terminal;
  auto reporter = make_reporter(options.format, out, std::cerr, color, options.quiet);
  if (!reporter) {
    std::cerr << "pmlint: unknown format '" << options.format << "'\n";
    return k_exit_error;
  }

  output::RunSummary summary;
  bool failed = !discovery.errors.empty();
  bool over_threshold = false;
  auto emit = [&](const engine::FileResult& result) {
    count(result, summary);
    failed = failed || result.error.has_value();
    for (const auto& finding : result.findings) {
      over_threshold = over_threshold || finding.severity >= *threshold;
    }
    reporter->file(result);
  };
  for (const auto& error : discovery.errors) {
    engine::FileResult missing;
    missing.path = error.path;
    missing.error = engine::FileError{error.message};
    emit(missing);
  }
  if (from_stdin) {
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    emit(engine::lint_bytes(options.stdin_filename.value_or("-"), std::move(bytes), *stdin_config));
  }
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  lint_in_order(discovery.files, options.jobs == 0 ? cores : options.jobs, emit);
  reporter->finish(summary);
  if (file_output && !file_output->commit()) {
    std::cerr << "pmlint: " << *options.output_file << ": cannot write report: " << file_output->error() << '\n';
    return k_exit_error;
  }
  if (failed) {
    return k_exit_error;
  }
  if (over_threshold && !options.exit_zero) {
    return k_exit_findings;
  }
  return k_exit_clean;
}

}  // namespace pmlint::app

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
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

struct Job {
  InputFile input;
  std::shared_ptr<const engine::Config> config;
};

// Lints jobs on `threads` workers and hands results to `emit` in input order as soon as each is
// ready. Workers run at most a window ahead of the output, so memory stays flat however many
// files there are.
template <class Emit>
void lint_in_order(const std::vector<Job>& jobs, unsigned threads, Emit emit) {
  if (threads <= 1 || jobs.size() <= 1) {
    for (const Job& job : jobs) {
      emit(engine::lint_file(job.input.path, job.input.display, *job.config));
    }
    return;
  }
  const std::size_t window = static_cast<std::size_t>(threads) * 4;
  std::vector<std::optional<engine::FileResult>> slots(jobs.size());
  std::mutex mutex;
  std::condition_variable ready;
  std::condition_variable room;
  std::size_t next = 0;
  std::size_t emitted = 0;
  auto worker = [&] {
    while (true) {
      std::size_t index = 0;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return next >= jobs.size() || next < emitted + window; });
        if (next >= jobs.size()) {
          return;
        }
        index = next++;
      }
      engine::FileResult result = engine::lint_file(jobs[index].input.path, jobs[index].input.display, *jobs[index].config);
      {
        const std::lock_guard lock(mutex);
        slots[index] = std::move(result);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned i = 0; i < threads; ++i) {
    pool.emplace_back(worker);
  }
  for (std::size_t index = 0; index < jobs.size(); ++index) {
    engine::FileResult result;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return slots[index].has_value(); });
      result = std::move(*slots[index]);
      slots[index].reset();
      emitted = index + 1;
    }
    room.notify_all();
    emit(result);
  }
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

  std::vector<Job> jobs;
  Discovery discovery;
  std::shared_ptr<const engine::Config> stdin_config;
  try {
    discovery = discover(paths, configs);
    for (auto& input : discovery.files) {
      auto config = configs.for_file(input.path);
      jobs.push_back({std::move(input), std::move(config)});
    }
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
  std::ostream& out = file_output ? file_output->stream() : std::cout;
  const bool color = !options.no_color && !file_output && std::getenv("NO_COLOR") == nullptr && isatty(STDOUT_FILENO) != 0;
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
  lint_in_order(jobs, options.jobs == 0 ? cores : options.jobs, emit);
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

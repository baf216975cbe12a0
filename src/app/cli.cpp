#include <CLI/CLI.hpp>

#include <array>
#include <iostream>
#include <string_view>

#include "app/commands.hpp"
#include "app/report_setup.hpp"
#include "engine/config.hpp"

namespace pmlint::app {

namespace {

constexpr std::array<std::string_view, 7> k_commands = {"check", "explain", "rule", "rules", "inspect", "init", "version"};

// `pmlint [PATHS]` means `pmlint check [PATHS]`, as with ruff.
std::vector<std::string> with_default_command(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  const bool first_is_command = !arguments.empty() &&
                                std::find(k_commands.begin(), k_commands.end(), arguments.front()) != k_commands.end();
  const bool asks_top_level = !arguments.empty() && (arguments.front() == "--help" || arguments.front() == "-h" ||
                                                      arguments.front() == "--version" || arguments.front() == "-V");
  if (!first_is_command && !asks_top_level) {
    arguments.insert(arguments.begin(), "check");
  }
  return arguments;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"pmlint: a linter for postmortem documents in Markdown"};
  app.name("pmlint");
  app.set_version_flag("-V,--version", PMLINT_VERSION);
  app.require_subcommand(0, 1);
  app.footer("Run `pmlint rules` for the rule list, `pmlint explain RULE` for one rule's documentation.");

  CheckOptions check_options;
  CLI::App* check_command = app.add_subcommand("check", "Lint postmortems (the default command)");
  check_command->add_option("paths", check_options.paths,
                            "Files, folders or globs to lint; '-' reads standard input (default: .)");
  check_command->add_option("--format", check_options.format, "Output format")
      ->check(CLI::IsMember(format_names()))
      ->capture_default_str();
  check_command->add_option("--config", check_options.config,
                            "Configuration file to use instead of the nearest .pmlint.yaml");
  check_command->add_option("--profile", check_options.profile, "Built-in profile: recommended, strict, minimal");
  // One value each time, split at commas (as ruff reads them): `--select a,b file.md` lints
  // file.md rather than taking it for a third rule; `--select a --select b` adds up.
  const auto rule_list = [&](const char* name, std::vector<std::string>& into, const char* help) {
    check_command->add_option(name, into, help)->delimiter(',')->allow_extra_args(false);
  };
  rule_list("--select", check_options.select, "Run only these rules (comma-separated)");
  rule_list("--extend-select", check_options.extend_select, "Also run these rules (comma-separated)");
  rule_list("--ignore", check_options.ignore, "Do not run these rules (comma-separated)");
  check_command->add_option("--severity-threshold", check_options.severity_threshold,
                            "Lowest severity that makes the exit code 1: info, warning or error")
      ->check(CLI::IsMember({"info", "warning", "error"}))
      ->capture_default_str();
  check_command->add_option("-j,--jobs", check_options.jobs, "Files linted in parallel (default: one per core)");
  check_command->add_option("--stdin-filename", check_options.stdin_filename,
                            "Name to report (and find configuration) for standard input");
  check_command->add_option("-o,--output-file", check_options.output_file,
                            "Write the report to this file (atomically) instead of standard output");
  check_command->add_flag("-q,--quiet", check_options.quiet, "Print findings only, no summary");
  check_command->add_flag("--no-color", check_options.no_color, "Never color the output (NO_COLOR is honoured too)");
  check_command->add_flag("--exit-zero", check_options.exit_zero, "Exit 0 even when there are findings");

  std::string rule_id;
  std::string explain_format = "text";
  CLI::App* explain_command = app.add_subcommand("explain", "Show a rule's documentation");
  explain_command->alias("rule");
  explain_command->add_option("rule", rule_id, "Rule id, e.g. timeline-timezone")->required();
  explain_command->add_option("--format", explain_format, "text or json")->check(CLI::IsMember({"text", "json"}));

  std::string rules_format = "text";
  CLI::App* rules_command = app.add_subcommand("rules", "List every rule with its default severity");
  rules_command->add_option("--format", rules_format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));

  std::string inspect_path;
  std::optional<std::string> inspect_config;
  CLI::App* inspect_command = app.add_subcommand("inspect", "Print what pmlint understood of a document, as JSON");
  inspect_command->add_option("file", inspect_path, "Markdown file ('-' for standard input)")->required();
  inspect_command->add_option("--config", inspect_config, "Configuration file");

  InitOptions init_options;
  CLI::App* init_command = app.add_subcommand("init", "Write a postmortem skeleton that follows the workflow");
  init_command->add_option("file", init_options.file, "File to write (default: standard output)");
  init_command->add_option("--severity", init_options.severity, "SEV1, SEV2, SEV3 or SEV4")->capture_default_str();
  init_command->add_option("--audience", init_options.audience, "internal or customer-facing")
      ->check(CLI::IsMember({"internal", "customer-facing"}))
      ->capture_default_str();
  init_command->add_flag("--force", init_options.force, "Replace FILE if it exists");

  CLI::App* version_command = app.add_subcommand("version", "Print the version");

  const std::vector<std::string> arguments = with_default_command(argc, argv);
  try {
    std::vector<std::string> reversed(arguments.rbegin(), arguments.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return k_exit_error;
  }

  if (explain_command->parsed()) {
    return explain(rule_id, explain_format);
  }
  if (rules_command->parsed()) {
    return list_rules(rules_format);
  }
  if (inspect_command->parsed()) {
    return inspect(inspect_path, inspect_config);
  }
  if (init_command->parsed()) {
    return init(init_options);
  }
  if (version_command->parsed()) {
    std::cout << "pmlint " << PMLINT_VERSION << '\n';
    return k_exit_clean;
  }
  return check(check_options);
}

}  // namespace pmlint::app

// The command line: parse arguments, dispatch subcommands, map outcomes to
// exit codes (0 clean, 1 findings at or above --fail-on, 2 usage/config error).
#pragma once

namespace kclint {

int cli_main(int argc, char** argv);

}  // namespace kclint

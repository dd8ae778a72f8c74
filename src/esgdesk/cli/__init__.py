"""The `esgdesk` command line: a thin front over the same services the desktop app uses.

One module per group of commands (library, search, …), each with a `register(commands)` that adds its
subcommands and sets `handler` on them, so a new feature adds a module and one line in `COMMAND_MODULES`.

Exit status (DESIGN.md): 0 all went well; 1 some inputs failed (the rest were done and the failures reported);
2 the command could not run (usage, archive missing or locked, bad query). Messages go to stderr, data to stdout.
"""

from __future__ import annotations

from esgdesk.cli.main import EXIT_CANNOT_RUN, EXIT_OK, EXIT_SOME_FAILED, build_parser, main

__all__ = ["EXIT_CANNOT_RUN", "EXIT_OK", "EXIT_SOME_FAILED", "build_parser", "main"]

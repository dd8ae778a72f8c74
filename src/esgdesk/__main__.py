"""`python -m esgdesk` runs the same command line as the `esgdesk` script."""

import sys

from esgdesk.cli import main

sys.exit(main())

"""The frozen `esgdesk` executable (a console program): the same command line as the pip-installed script.

freeze_support() comes before any other import: the parse worker is this executable started again with
--multiprocessing-fork, and it should become the worker without first loading the whole command line.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from esgdesk.cli import main

    sys.exit(main())

"""esgdesk: an offline archive of Korean policy press releases, with search, notes and briefing packets."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("esgdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

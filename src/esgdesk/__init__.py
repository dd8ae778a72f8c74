"""esgdesk: an offline archive of Korean policy press releases, with search, notes and briefing packets."""

#: the release, as in pyproject.toml (a test keeps the two equal). A constant, not importlib.metadata: reading
#: the installed metadata cost a tenth of a second on every start, and a frozen app may not carry it.
__version__ = "0.1.0"

"""The application layer: one function per use case, combining the services; what the CLI and the GUI call.

Importing this package is cheap (the CLI's start-up depends on it): each module imports the services it
needs, and the command line imports only the modules of the command it runs.
"""

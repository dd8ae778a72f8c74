"""The application layer: one function per use case, combining the services; what the CLI and the GUI call."""

"""The desktop app (PySide6). The only package of esgdesk that imports Qt."""

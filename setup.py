"""Only what pyproject.toml cannot say: the top-level resources/ folder ships as the package esgdesk._resources.

One lookup (esgdesk.core.paths.resource_path) then finds fonts and data in a source checkout, an installed
wheel and a PyInstaller bundle alike.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages("src"), "esgdesk._resources"],
    package_dir={"": "src", "esgdesk._resources": "resources"},
)

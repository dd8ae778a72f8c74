"""The command line starts fast because it imports only what a command needs; what it writes out for that
stays equal to the source it stands in for."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import esgdesk
from esgdesk.briefing.templates import TEMPLATES
from esgdesk.cli import briefing, tags
from esgdesk.knowledge import tag_rules
from fixture_paths import PROJECT_ROOT


def test_the_version_is_the_projects() -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert esgdesk.__version__ == project["project"]["version"]


def test_the_cli_lists_the_real_templates_and_rule_choices() -> None:
    assert {name: template.description for name, template in TEMPLATES.items()} == briefing.TEMPLATES
    assert tags.MATCH_KINDS == tag_rules.MATCH_KINDS
    assert tags.FIELDS == tag_rules.FIELDS


def test_version_and_help_load_no_database_layer_and_no_service() -> None:
    code = (
        "import sys\n"
        "from esgdesk.cli import main\n"
        "for argv in (['--version'], ['--help'], ['export', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('sqlalchemy', 'sqlmodel', 'alembic', 'esgdesk.search', 'esgdesk.knowledge', 'esgdesk.ingest',\n"
        "         'esgdesk.briefing', 'esgdesk.notes', 'esgdesk.library', 'importlib.metadata')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stderr.strip().splitlines()[-1] == "[]"

"""A team archive's server going away mid-command: one sentence a person can act on, not a driver traceback.

Without this, a PostgreSQL restart during an import surfaced as psycopg's OperationalError wherever it hit:
the import counted it as a broken file, logged its traceback and went on to fail every later file the same
way. Installed on an engine, `report_lost_connections` turns a lost or refused connection into
`ServerUnavailableError` — an ArchiveError, so the import stops (nothing further could be stored) and the CLI
prints its one line and exits 2 — while any other database error (a query cancelled by a timeout, a
constraint) stays what it was.

What was committed before the loss stays committed; the derived state of those documents (entities, index)
is brought up to date on the next run from the change queue, not here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from esgdesk.core.errors import ArchiveError
from esgdesk.core.i18n import _

if TYPE_CHECKING:
    from esgdesk.core.archive import Archive

#: SQLSTATEs of a connection that is gone: class 08 (connection exception) and the shutdown family of 57P
_SHUTDOWN_STATES = frozenset({"57P01", "57P02", "57P03", "57P04", "57P05"})


class ServerUnavailableError(ArchiveError):
    """The team archive's server cannot be reached or dropped the connection; nothing after it was saved."""


def report_lost_connections(engine: Engine) -> None:
    """Make a lost or refused connection on `engine` raise ServerUnavailableError (once per engine)."""
    if engine.dialect.name != "postgresql" or event.contains(engine, "handle_error", _translate):
        return
    event.listen(engine, "handle_error", _translate)


def watched(archive: Archive) -> Archive:
    """`archive` with lost connections reported (for fronts that open an archive and hand it on)."""
    report_lost_connections(archive.engine)
    return archive


def is_connection_lost(context: Any) -> bool:
    """True for a dropped or refused connection (SQLAlchemy's is_disconnect, or the server's SQLSTATE)."""
    original = context.original_exception
    state = getattr(original, "sqlstate", None)
    if context.is_disconnect or (state and (state.startswith("08") or state in _SHUTDOWN_STATES)):
        return True
    # A connection that was never made (refused, host unknown, timed out) carries no SQLSTATE.
    try:
        import psycopg
    except ImportError:  # the driver is optional; without it no team archive is open
        return False
    return type(original) is psycopg.OperationalError and state is None


def _translate(context: Any) -> None:
    if not is_connection_lost(context):
        return
    engine = context.engine
    url = engine.url.set(drivername="postgresql") if engine is not None else None
    server = url.render_as_string(hide_password=True) if url is not None else "?"
    reason = (str(context.original_exception).strip().splitlines() or ["?"])[0]
    raise ServerUnavailableError(
        _(
            "Lost the connection to the team archive server {server} ({reason}). What was saved before stays "
            "saved; run the command again when the server is back.",
            server=server,
            reason=reason,
        )
    ) from context.original_exception

"""A lost connection to the team server becomes ServerUnavailableError; every other database error stays as it
was (a statement cancelled by a timeout is the query's problem, not an outage)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from esgdesk.core.db import postgres_url as driver_url
from esgdesk.core.errors import ArchiveError
from esgdesk.core.outage import ServerUnavailableError, report_lost_connections

pytestmark = pytest.mark.postgres


def test_a_killed_connection_is_an_outage_and_a_timeout_is_not(postgres_url: str) -> None:
    engine = create_engine(driver_url(postgres_url))
    report_lost_connections(engine)
    report_lost_connections(engine)  # once per engine, however often asked
    try:
        with engine.connect() as connection:
            connection.execute(text("SET statement_timeout = 50"))
            with pytest.raises(OperationalError) as cancelled:
                connection.execute(text("SELECT pg_sleep(2)"))
            assert not isinstance(cancelled.value, ServerUnavailableError)
        with engine.connect() as connection:
            backend = connection.execute(text("SELECT pg_backend_pid()")).scalar()
            with engine.connect() as other:
                other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
            with pytest.raises(ServerUnavailableError) as lost:
                connection.execute(text("SELECT 1"))
        assert isinstance(lost.value, ArchiveError)
        assert "\n" not in str(lost.value) and "Lost the connection" in str(lost.value)
    finally:
        engine.dispose()


def test_a_refused_connection_is_an_outage() -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    engine = create_engine(f"postgresql+psycopg://nobody@127.0.0.1:{port}/x", connect_args={"connect_timeout": 2})
    report_lost_connections(engine)
    with pytest.raises(ServerUnavailableError, match=f"127.0.0.1:{port}"):
        engine.connect()
    engine.dispose()

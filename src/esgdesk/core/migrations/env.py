"""Alembic environment: esgdesk passes its own engine in `config.attributes["engine"]`."""

from alembic import context

from esgdesk.core.models import metadata

config = context.config


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from esgdesk.core.db import make_engine

        url = config.get_main_option("sqlalchemy.url")
        if url is None:
            raise SystemExit("esgdesk's migrations need an engine in config.attributes or a sqlalchemy.url")
        engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            # Alembic takes SQLite's DDL for non-transactional and commits after each revision; with db.py's
            # transactional engine it is, so the whole upgrade (0001 → head) commits or rolls back as one.
            transactional_ddl=True,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    # English only, not _(): Alembic's offline mode, which esgdesk never runs.
    raise SystemExit("esgdesk runs its migrations online only")
run_migrations_online()

"""The team archive's server stopping in the middle of an import: one line on stderr saying so, exit 2, no
traceback; what was committed before is listed on stdout and is there when the server is back.

The test runs a PostgreSQL cluster of its own (initdb/pg_ctl, on a free loopback port) so it can stop it; the
shared test server is never touched. Without the PostgreSQL binaries it is skipped.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SOURCES = Path(__file__).resolve().parents[2] / "src"
BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))


def _as_server_user(command: list[str]) -> subprocess.CompletedProcess[str]:
    """PostgreSQL refuses to run as root: as root, run it as the `postgres` user."""
    if os.geteuid() == 0:
        command = ["su", "postgres", "-c", " ".join(f"'{part}'" for part in command)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    def __init__(self, root: Path) -> None:
        self.bin = Path(BINARIES[-1]).parent
        self.data = root / "data"
        self.port = _free_port()

    def command(self, *args: str) -> subprocess.CompletedProcess[str]:
        return _as_server_user([str(self.bin / args[0]), *args[1:]])

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data.parent} -c listen_addresses=127.0.0.1"
        done = self.command(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.data.parent / "log"), "-w", "start"
        )
        assert done.returncode == 0, done.stderr

    def stop(self) -> None:
        self.command("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgresql://esgdesk@127.0.0.1:{self.port}/postgres"


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    if not BINARIES:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
    if os.geteuid() == 0 and shutil.which("su") is None:
        pytest.skip("running as root without su: cannot start PostgreSQL as another user")
    # Not under pytest's tmp folder: that is private to this user, and the server runs as `postgres`.
    root = Path(tempfile.mkdtemp(prefix="esgdesk-outage-"))
    os.chmod(root, 0o777)
    made = Cluster(root)
    done = made.command("initdb", "-D", str(made.data), "-U", "esgdesk", "--auth=trust", "-E", "UTF8")
    if done.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"initdb failed here: {done.stderr.strip()[:200]}")
    try:
        made.start()
        yield made
    finally:
        made.stop()
        shutil.rmtree(root, ignore_errors=True)


def _documents(url: str) -> int:
    import psycopg

    with psycopg.connect(url.replace("postgresql://", "postgresql://", 1), connect_timeout=2) as connection:
        return int(connection.execute("SELECT count(*) FROM document").fetchone()[0])  # type: ignore[index]


def _releases(folder: Path, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        (folder / f"release-{number:03}.txt").write_text(
            f"공정전환 지원 보도자료 {number}호\n\n"
            f"산업통상자원부는 {number}번째 지역의 공정전환을 지원한다고 밝혔다. 충청북도와 강원특별자치도의 "
            f"시멘트 산업과 석탄 발전 지역이 대상이며, 지원 규모는 {number + 10}억 원이다.\n",
            encoding="utf-8",
        )


def test_the_server_stopping_mid_import_is_one_line_and_exit_2(cluster: Cluster, tmp_path: Path) -> None:
    _releases(tmp_path / "incoming", 150)
    location = f"{cluster.url}?files={tmp_path / 'shared-files'}"
    environment = {**os.environ, "PYTHONPATH": str(SOURCES), "LANG": "en_US.UTF-8"}
    environment.pop("LC_ALL", None)
    importing = subprocess.Popen(
        [sys.executable, "-m", "esgdesk", "--archive", location, "import", str(tmp_path / "incoming")],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    committed = 0
    while committed < 3 and importing.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
        try:
            committed = _documents(cluster.url)
        except Exception:  # the schema is still being made
            committed = 0
    assert importing.poll() is None, "the import finished before the server could be stopped"
    cluster.stop()
    out, err = importing.communicate(timeout=120)

    assert importing.returncode == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("esgdesk: Lost the connection to the team archive server")
    assert "run the command again" in lines[0]

    listed = [line for line in out.splitlines() if line.startswith("imported")]
    cluster.start()
    stored = _documents(cluster.url)
    assert committed <= stored < 150  # stopped midway
    assert len(listed) <= stored  # every document reported as imported is there (one may commit unreported)

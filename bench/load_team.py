"""Load test of a team archive: N simulated analysts on one PostgreSQL server, then proof that nothing was lost.

    python bench/load_team.py --url postgresql://user@127.0.0.1:5432/scratch --seconds 120 --analysts 20

Each analyst is a thread with its own esgdesk client (its own engine and connections, as on its own laptop)
and loops over a weighted mix: search (45 %), annotate and edit its own annotations (20 %), edit the note of
one of a few *shared* documents everyone edits (15 %, to provoke conflicts), tag (10 %), import a release
(10 %; every fifth import is a release another analyst imports too, which must stay one document).

Every write the service acknowledged is remembered, and afterwards checked against the database: each
acknowledged annotation with its last acknowledged note, each shared note at its last acknowledged version
and text, each acknowledged tag, and one document per imported text. Conflicts (ConflictError) are counted
as detected, never as lost. Only loopback servers are accepted: this is a bench, not a tool for production.

The database named by --url is emptied first (all esgdesk tables). Use a scratch database.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import create_engine, text
from sqlmodel import select

from esgdesk.core.archive import Archive
from esgdesk.core.db import postgres_url
from esgdesk.core.models import Annotation, Document, DocumentTag, Tag
from esgdesk.core.tags import attach_tag
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.pipeline import run_import
from esgdesk.notes.annotations import create_annotation, get_document_note, set_document_note, update_annotation
from esgdesk.notes.errors import ConflictError
from esgdesk.search.index import index_documents
from esgdesk.search.service import search

SAMPLE = (
    Path(__file__).resolve().parents[1] / "resources" / "samples" / "press-release-2023-04-28-motie-just-transition.txt"
)
QUERIES = ["탄소중립", "공정전환", "지역 주도", "산업구조 -석탄", "title:지원", "충청북도 OR 강원도", "일자리 감소"]
TAGS = ["공정전환", "정책/탄소중립", "정책/지역", "후속조치", "검토완료"]
SHARED_DOCUMENTS = 3
MIX = [("search", 45), ("annotate", 20), ("note", 15), ("tag", 10), ("import", 10)]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Ledger:
    """What one analyst was told succeeded, and how long each operation took."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    conflicts: int = 0
    annotations: dict[int, str] = field(default_factory=dict)
    notes: list[tuple[int, int, str]] = field(default_factory=list)  # (document, version, text) acknowledged
    #: (document, version in place, author the conflict named) of every note conflict, checked afterwards
    named: list[tuple[int, int, str | None]] = field(default_factory=list)
    tags: set[tuple[int, str]] = field(default_factory=set)
    imported_titles: set[str] = field(default_factory=set)


def _release(title: str, body: str) -> str:
    return f"{title}\n\n담당부서 : 산업통상부\n\n{body}\n"


class Analyst(threading.Thread):
    def __init__(self, number: int, location: str, stop: float, workdir: Path, seed: int) -> None:
        super().__init__(name=f"analyst-{number}", daemon=True)
        self.number = number
        self.location = location
        self.stop_at = stop
        self.workdir = workdir
        self.random = random.Random(seed)
        self.ledger = Ledger()
        self.imports = 0

    def run(self) -> None:
        archive = Archive.open(self.location)
        try:
            while time.monotonic() < self.stop_at:
                operation = self.random.choices([name for name, _ in MIX], [weight for _, weight in MIX])[0]
                started = time.perf_counter()
                try:
                    getattr(self, f"do_{operation}")(archive)
                except ConflictError:
                    self.ledger.conflicts += 1
                except Exception as exc:  # counted and shown; the bench goes on
                    self.ledger.errors[f"{operation}: {type(exc).__name__}: {str(exc)[:80]}"] += 1
                self.ledger.latencies[operation].append(time.perf_counter() - started)
        finally:
            archive.close()

    def _document(self, archive: Archive) -> int:
        with archive.session() as session:
            ids = session.exec(select(Document.id)).all()
        return self.random.choice(ids)

    def do_search(self, archive: Archive) -> None:
        search(archive, self.random.choice(QUERIES), limit=20)

    def do_annotate(self, archive: Archive) -> None:
        mine = self.ledger.annotations
        if mine and self.random.random() < 0.5:
            annotation_id = self.random.choice(list(mine))
            with archive.session() as session:
                version = session.get(Annotation, annotation_id).version  # type: ignore[union-attr]
            note = f"{self.name} 수정 {time.perf_counter_ns()}"
            update_annotation(archive, annotation_id, version=version, note=note)
            mine[annotation_id] = note
            return
        note = f"{self.name} 메모 {time.perf_counter_ns()}"
        view = create_annotation(archive, 1, quote="탄소중립은", note=note)
        mine[view.id] = note

    def do_note(self, archive: Archive) -> None:
        document_id = self.random.randint(1, SHARED_DOCUMENTS)
        _, version = get_document_note(archive, document_id)
        time.sleep(self.random.random() * 0.01)  # reading, then typing: the window in which others save
        note = f"{self.name} 문서 메모 {time.perf_counter_ns()}"
        try:
            new_version = set_document_note(archive, document_id, note, version=version, author=self.name)
        except ConflictError as conflict:
            self.ledger.named.append((document_id, conflict.actual_version, conflict.their_author))
            raise
        self.ledger.notes.append((document_id, new_version, note))

    def do_tag(self, archive: Archive) -> None:
        document_id = self._document(archive)
        path = self.random.choice(TAGS)
        with archive.writing("tag"), archive.session() as session:
            attach_tag(session, document_id, path, author=self.name)
            session.commit()
        index_documents(archive, [document_id])
        self.ledger.tags.add((document_id, path))

    def do_import(self, archive: Archive) -> None:
        self.imports += 1
        shared = self.imports % 5 == 0
        title = f"공동 보도자료 {self.imports // 5}" if shared else f"{self.name} 보도자료 {self.imports}"
        path = self.workdir / f"{self.name}-{self.imports}.txt"
        body = f"{title}에 관한 본문. 탄소중립 전환과 지역 일자리 지원 사업을 안내한다. 공정전환 대상 지역 확대."
        path.write_text(_release(title, body), encoding="utf-8")
        report = run_import(archive, [path], limits=ImportLimits(parse_in_worker=False))
        if report.failed:
            raise RuntimeError(report.failed[0].reason if hasattr(report.failed[0], "reason") else "import failed")
        self.ledger.imported_titles.add(title)


def _prepare(location: str, workdir: Path) -> None:
    """Empty the scratch database, then the starting archive: the sample and the shared documents."""
    with Archive.open(location) as archive:
        engine = create_engine(postgres_url(location.split("?")[0]))
        with engine.begin() as connection:
            tables = connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'")
            ).scalars()
            connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        engine.dispose()
        paths = [SAMPLE]
        for number in range(2, SHARED_DOCUMENTS + 1):
            path = workdir / f"shared-{number}.txt"
            path.write_text(
                _release(f"공유 문서 {number}", f"모두가 메모하는 문서 {number}. 탄소중립은 목표다."), "utf-8"
            )
            paths.append(path)
        for path in paths:
            run_import(archive, [path], limits=ImportLimits(parse_in_worker=False))


def _verify(location: str, ledgers: list[Ledger]) -> list[str]:
    """Every acknowledged write, looked up in the database; returns what is missing (empty: nothing lost)."""
    lost: list[str] = []
    with Archive.open(location) as archive, archive.session() as session:
        for ledger in ledgers:
            for annotation_id, note in ledger.annotations.items():
                row = session.get(Annotation, annotation_id)
                if row is None or row.note != note:
                    lost.append(f"annotation {annotation_id}")
            for document_id, path in ledger.tags:
                leaf = path.split("/")[-1]
                found = session.exec(
                    select(DocumentTag).join(Tag).where(DocumentTag.document_id == document_id, Tag.name == leaf)
                ).first()
                if found is None:
                    lost.append(f"tag {path} on {document_id}")
        saves = [save for ledger in ledgers for save in ledger.notes]
        for document_id in range(1, SHARED_DOCUMENTS + 1):
            acknowledged = sorted(save for save in saves if save[0] == document_id)
            document = session.get(Document, document_id)
            if acknowledged and (document.version, document.note) != acknowledged[-1][1:]:  # type: ignore[union-attr]
                lost.append(f"note of document {document_id}")
            if len({version for _, version, _ in acknowledged}) != len(acknowledged):
                lost.append(f"two saves acknowledged at one version of document {document_id}")
        # A conflict must name the analyst whose acknowledged save made the version it met.
        saved_by = {
            (document_id, version): note.split(" ")[0]
            for ledger in ledgers
            for document_id, version, note in ledger.notes
        }
        for ledger in ledgers:
            for document_id, version, named in ledger.named:
                author = saved_by.get((document_id, version))
                if author is not None and author != named:
                    lost.append(f"conflict on document {document_id} v{version} named {named}, saved by {author}")
        titles = session.exec(select(Document.title)).all()
        for title in {t for ledger in ledgers for t in ledger.imported_titles}:
            if titles.count(title) != 1:
                lost.append(f"import {title!r} is there {titles.count(title)} times")
    return lost


def _p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=20)[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="a scratch PostgreSQL database on this machine")
    parser.add_argument("--seconds", type=float, default=15.0, help="how long the analysts work (default 15)")
    parser.add_argument("--analysts", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    host = urlsplit(args.url).hostname or "localhost"
    if host not in LOOPBACK:
        parser.error(f"{host} is not a loopback address: run the load test against a local server only")
    with tempfile.TemporaryDirectory(prefix="esgdesk-load-") as temp:
        workdir = Path(temp)
        location = f"{args.url.split('?')[0]}?files={workdir / 'files'}"
        _prepare(location, workdir)
        stop = time.monotonic() + args.seconds
        analysts = [Analyst(n, location, stop, workdir, args.seed + n) for n in range(args.analysts)]
        started = time.monotonic()
        for analyst in analysts:
            analyst.start()
        for analyst in analysts:
            analyst.join()
        elapsed = time.monotonic() - started
        ledgers = [analyst.ledger for analyst in analysts]
        lost = _verify(location, ledgers)
    _report(ledgers, elapsed, args.analysts, lost)
    return 1 if lost else 0


def _report(ledgers: list[Ledger], elapsed: float, analysts: int, lost: list[str]) -> None:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    for ledger in ledgers:
        for name, values in ledger.latencies.items():
            latencies[name].extend(values)
        for message, count in ledger.errors.items():
            errors[message] += count
    total = sum(len(values) for values in latencies.values())
    print(f"{analysts} analysts, {elapsed:.1f} s: {total} operations, {total / elapsed:.1f} per second")
    print(f"{'operation':<10} {'count':>7} {'per s':>7} {'median ms':>10} {'p95 ms':>8}")
    for name, values in sorted(latencies.items()):
        print(
            f"{name:<10} {len(values):>7} {len(values) / elapsed:>7.1f} "
            f"{statistics.median(values) * 1000:>10.1f} {_p95(values) * 1000:>8.1f}"
        )
    print(f"conflicts detected (second saver told, nothing overwritten): {sum(ledger.conflicts for ledger in ledgers)}")
    named = [entry for ledger in ledgers for entry in ledger.named]
    wrong = sum(1 for item in lost if item.startswith("conflict on document"))
    print(f"note conflicts checked for the author they name: {len(named)}; wrong author: {wrong}")
    acknowledged = sum(
        len(ledger.annotations) + len(ledger.notes) + len(ledger.tags) + len(ledger.imported_titles)
        for ledger in ledgers
    )
    print(f"acknowledged writes checked: {acknowledged}; lost: {len(lost)}")
    for item in lost[:20]:
        print(f"  LOST {item}")
    for message, count in sorted(errors.items(), key=lambda item: -item[1])[:10]:
        print(f"  error x{count}: {message}")


if __name__ == "__main__":
    sys.exit(main())

"""Search benchmark: esgdesk's search (its default engine, tantivy; ESGDESK_SEARCH_ENGINE=fts5 for FTS5) against
Whoosh and bare tantivy on one synthetic Korean corpus.

    .venv/bin/python bench/search.py                 # 2,000 documents, about a minute
    .venv/bin/python bench/search.py --docs 100000   # the issue's target size
    .venv/bin/python bench/search.py --docs 10000,100000,300000 --keep /tmp/bench   # the scaling table

Measures, per engine: build rate (documents/s, tokenising included), index size against the text's UTF-8 size,
latency p50/p95 per query class (first page of 20 hits plus the total count; esgdesk's figure includes
snippets), and recall/precision against substring truth computed by brute force over the same texts.
For esgdesk also what the GUI asks for (`search_ids()`: every match's id in ranked order; `facet_counts()`: the
sidebar's counts from the unranked match set) and a deep page (offset 1,000). With several sizes, a scaling
table follows. Use --keep to build a large corpus once: a kept archive and tantivy index are reused.

Whoosh and tantivy are optional (`pip install whoosh tantivy`, bench only). Both get the same bigram tokens as
esgdesk (pre-tokenised, split on spaces): tantivy's own NgramTokenizer gives every gram the same position, so
phrase queries over its grams find nothing, and Whoosh's NgramTokenizer grams across spaces. Feeding both the
same tokens compares the engines, not the tokenisers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import MINISTRIES, QUERIES, CorpusGenerator, SyntheticDocument
from esgdesk.core.archive import Archive
from esgdesk.core.models import Document, DocumentTag, Organization, Tag
from esgdesk.search import query as q
from esgdesk.search.engine import engine_name
from esgdesk.search.index import INDEX_NAME, SearchIndex
from esgdesk.search.plan import text_match
from esgdesk.search.service import close_index, facet_counts, matching_ids, search, search_ids
from esgdesk.search.tantivy_index import TantivyIndex
from esgdesk.search.tokenize import index_text, normalize, strip_particle


@dataclass
class EngineResult:
    name: str
    build_seconds: float = 0.0
    index_bytes: int = 0
    latencies: dict[str, list[float]] = field(default_factory=dict)
    recall: dict[str, float] = field(default_factory=dict)
    precision: dict[str, float] = field(default_factory=dict)
    #: latencies of the GUI's calls and of a deep page (esgdesk only)
    extra: dict[str, list[float]] = field(default_factory=dict)
    note: str = ""
    #: one query as the engine runs it (first page of 20 plus the total), timed after every engine is built
    run: Callable[[str], object] | None = None


# -- corpus and truth --------------------------------------------------------------------------------------


def truth_text(doc: SyntheticDocument) -> str:
    """What the default search covers: title, body, ministry and department, tags."""
    return "\n".join([doc.title, doc.body, MINISTRIES[doc.ministry][1], doc.department, *doc.tags])


def truth(docs: list[SyntheticDocument], texts: list[str], query: str) -> set[int]:
    """Brute-force substring truth (1-based ids in insertion order)."""
    tree = q.parse(query)
    return {i + 1 for i, (doc, text) in enumerate(zip(docs, texts, strict=True)) if _holds(tree, doc, text)}


def _holds(node: q.Node, doc: SyntheticDocument, text: str) -> bool:
    if isinstance(node, q.And):
        return all(_holds(child, doc, text) for child in node.children)
    if isinstance(node, q.Or):
        return any(_holds(child, doc, text) for child in node.children)
    if isinstance(node, q.Not):
        return not _holds(node.child, doc, text)
    if isinstance(node, q.Text):
        haystack = doc.title if node.field == "title" else text
        if node.text in haystack:
            return True
        stem = None if node.phrase else strip_particle(node.text)
        return stem is not None and stem in haystack
    if isinstance(node, q.DateRange):
        return (node.start is None or doc.published >= node.start) and (node.end is None or doc.published <= node.end)
    if isinstance(node, q.Filter) and node.field == "kind":
        return doc.kind == node.value
    if isinstance(node, q.Filter) and node.field == "tag":
        return node.value in doc.tags
    raise ValueError(f"no truth for {node!r}")


def populate(archive: Archive, docs: list[SyntheticDocument]) -> None:
    with archive.session() as session:
        organizations = [Organization(key=key, name=name) for key, name in MINISTRIES]
        session.add_all(organizations)
        tags: dict[str, Tag] = {}
        for doc in docs:
            for name in doc.tags:
                tags.setdefault(name, Tag(name=name))
        session.add_all(tags.values())
        session.commit()
        for start in range(0, len(docs), 5000):
            rows = []
            for i, doc in enumerate(docs[start : start + 5000], start=start + 1):
                rows.append(
                    Document(
                        id=i,
                        title=doc.title,
                        body=doc.body,
                        kind=doc.kind,
                        published=doc.published,
                        ministry_id=organizations[doc.ministry].id,
                        department=doc.department,
                        content_hash=str(i),
                    )
                )
                rows.extend(DocumentTag(document_id=i, tag_id=tags[name].id) for name in doc.tags)
            session.add_all(rows)
            session.commit()
            session.expunge_all()


def _document_count(archive: Archive) -> int:
    with archive.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT count(*) FROM document").scalar_one()


# -- esgdesk ---------------------------------------------------------------------------------------------


def run_esgdesk(
    archive: Archive, docs: list[SyntheticDocument], truths: dict[str, set[int]], repeat: int
) -> EngineResult:
    engine = engine_name()
    result = EngineResult(f"esgdesk ({engine} bigrams)")
    index = SearchIndex(archive)
    started = time.perf_counter()
    index.rebuild()
    result.build_seconds = time.perf_counter() - started
    text_bytes = sum(len(doc.title.encode()) + len(doc.body.encode()) for doc in docs)
    if isinstance(index, TantivyIndex):
        index.close()
        result.index_bytes = sum(f.stat().st_size for f in index.folder.rglob("*") if f.is_file())
    else:
        index.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        stored = index.connection.execute("SELECT coalesce(sum(length(source)), 0) FROM entry").fetchone()[0]
        index.close()
        result.index_bytes = (archive.root / INDEX_NAME).stat().st_size
        result.note = (
            f"of the index, {stored / text_bytes:.2f}x the text is the stored copy of indexed values that SQLite "
            f"{sqlite3.sqlite_version} needs for deletes (none with SQLite >= 3.43's contentless_delete)"
        )
    close_index(archive)

    def run(query: str) -> None:
        search(archive, query, limit=20)

    result.run = run
    for klass, queries in QUERIES.items():
        _score(result, klass, [(set(matching_ids(archive, query)), truths[query]) for query in queries])
    every = [query for queries in QUERIES.values() for query in queries]
    result.extra["first page, ids only: search_ids(limit=20)"] = _timed(
        lambda query: search_ids(archive, query, 0, 20), every, repeat
    )
    result.extra["GUI list: search_ids (all)"] = _timed(lambda query: search_ids(archive, query), every, repeat)
    result.extra["GUI facets: facet_counts"] = _timed(lambda query: facet_counts(archive, query), every, repeat)
    result.extra["page at offset 1000"] = _timed(lambda query: search(archive, query, offset=1000), every, repeat)
    return result


def _timed(run: Callable[[str], object], queries: list[str], repeat: int) -> list[float]:
    for query in queries:
        run(query)
    times = []
    for _ in range(repeat):
        for query in queries:
            started = time.perf_counter()
            run(query)
            times.append((time.perf_counter() - started) * 1000)
    return times


def _time_queries(results: list[EngineResult], repeat: int) -> None:
    """Each query on every engine in turn, so that a burst of load from elsewhere on the machine falls on all
    engines alike and the p95s compare (timed one engine after another, they differed by 2x from run to run)."""
    engines = [result for result in results if result.run is not None]
    for klass, queries in QUERIES.items():
        for query in queries:
            for result in engines:
                result.run(query)  # type: ignore[misc]  # warm the cache once, as an analyst's second search would
        for result in engines:
            result.latencies[klass] = []
        for _ in range(repeat):
            for query in queries:
                for result in engines:
                    started = time.perf_counter()
                    result.run(query)  # type: ignore[misc]
                    result.latencies[klass].append((time.perf_counter() - started) * 1000)


def _score(result: EngineResult, klass: str, pairs: list[tuple[set[int], set[int]]]) -> None:
    found = sum(len(got & want) for got, want in pairs)
    wanted = sum(len(want) for _, want in pairs)
    got_total = sum(len(got) for got, _ in pairs)
    result.recall[klass] = found / wanted if wanted else 1.0
    result.precision[klass] = found / got_total if got_total else 1.0


# -- the same tokens as boolean/phrase queries for other engines --------------------------------------------


def token_query(node: q.Node, term: Callable, phrase: Callable, conj: Callable, disj: Callable, neg: Callable, flt):  # type: ignore[no-untyped-def]
    """Translate our tree with the engine's constructors; Text nodes become phrases of our tokens."""
    if isinstance(node, q.And):
        return conj([token_query(c, term, phrase, conj, disj, neg, flt) for c in node.children])
    if isinstance(node, q.Or):
        return disj([token_query(c, term, phrase, conj, disj, neg, flt) for c in node.children])
    if isinstance(node, q.Not):
        return neg(token_query(node.child, term, phrase, conj, disj, neg, flt))
    if isinstance(node, q.Text):
        match = text_match(node)
        fields = ["title"] if node.field == "title" else ["title", "body", "ministry", "tags"]
        alternatives = []
        for item in match.phrases:
            for name in fields:
                toks = list(item.tokens)
                alternatives.append(term(name, toks[0]) if len(toks) == 1 else phrase(name, toks))
        return disj(alternatives)
    return flt(node)


def run_whoosh(
    docs: list[SyntheticDocument],
    tokenized: list[tuple[str, ...]],
    truths: dict[str, set[int]],
    folder: Path,
    repeat: int,
) -> EngineResult | None:
    try:
        from whoosh import fields, index
        from whoosh import query as wq
        from whoosh.analysis import SpaceSeparatedTokenizer
    except ImportError:
        return None
    result = EngineResult("Whoosh 2.7 (same bigrams)")
    analyzer = SpaceSeparatedTokenizer()
    schema = fields.Schema(
        id=fields.NUMERIC(stored=True, unique=True),
        title=fields.TEXT(analyzer=analyzer, field_boost=5.0),
        body=fields.TEXT(analyzer=analyzer),
        ministry=fields.TEXT(analyzer=analyzer),
        tags=fields.TEXT(analyzer=analyzer),
        tagname=fields.KEYWORD(commas=True),
        kind=fields.ID,
        published=fields.DATETIME,
    )
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    ix = index.create_in(folder, schema)
    writer = ix.writer(limitmb=512)
    for i, (doc, toks) in enumerate(zip(docs, tokenized, strict=True), start=1):
        title, body, ministry, tags = toks
        writer.add_document(
            id=i,
            title=title,
            body=body,
            ministry=ministry,
            tags=tags,
            tagname=",".join(doc.tags),
            kind=doc.kind.replace(" ", "_"),
            published=dt.datetime.combine(doc.published, dt.time()),
        )
    writer.commit()
    result.build_seconds = (
        time.perf_counter()
        - started
        + _tokenize_seconds(docs[: min(len(docs), 2000)]) * (len(docs) / min(len(docs), 2000))
    )
    result.index_bytes = sum(f.stat().st_size for f in folder.iterdir())
    result.note = "build time includes tokenising"

    def flt(node: q.Node):  # type: ignore[no-untyped-def]
        if isinstance(node, q.DateRange):
            return wq.DateRange(
                "published",
                dt.datetime.combine(node.start, dt.time()) if node.start else None,
                dt.datetime.combine(node.end, dt.time()) if node.end else None,
            )
        if node.field == "kind":  # type: ignore[attr-defined]
            return wq.Term("kind", node.value.replace(" ", "_"))  # type: ignore[attr-defined]
        return wq.Term("tagname", node.value)  # type: ignore[attr-defined]

    def build(query: str):  # type: ignore[no-untyped-def]
        return token_query(
            q.parse(query),
            lambda f, t: wq.Term(f, t),
            lambda f, ts: wq.Phrase(f, ts),
            wq.And,
            wq.Or,
            wq.Not,
            flt,
        )

    searcher = ix.searcher()  # kept open: the queries are timed after the other engines are built

    def run(query: str) -> None:
        hits = searcher.search(build(query), limit=20)
        len(hits)  # the total, as esgdesk reports it

    result.run = run
    for klass, queries in QUERIES.items():
        pairs = []
        for query in queries:
            hits = searcher.search(build(query), limit=None)
            pairs.append(({hit["id"] for hit in hits}, truths[query]))
        _score(result, klass, pairs)
    return result


def run_tantivy(
    docs: list[SyntheticDocument],
    tokenized: list[tuple[str, ...]],
    truths: dict[str, set[int]],
    folder: Path,
    repeat: int,
) -> EngineResult | None:
    try:
        import tantivy
    except ImportError:
        return None
    result = EngineResult(f"tantivy {tantivy.__version__.split()[1].rstrip(',')} (same bigrams)")
    builder = tantivy.SchemaBuilder()
    for name in ("title", "body", "ministry", "tags"):
        builder.add_text_field(name, stored=False, tokenizer_name="whitespace")
    builder.add_text_field("tagname", stored=False, tokenizer_name="raw")
    builder.add_text_field("kind", stored=False, tokenizer_name="raw")
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_date_field("published", stored=False, indexed=True, fast=True)
    schema = builder.build()
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    ix = tantivy.Index(schema, path=str(folder))
    writer = ix.writer(heap_size=256_000_000, num_threads=2)
    for i, (doc, toks) in enumerate(zip(docs, tokenized, strict=True), start=1):
        title, body, ministry, tags = toks
        document = tantivy.Document(id=i, title=title, body=body, ministry=ministry, tags=tags, kind=doc.kind)
        for name in doc.tags:
            document.add_text("tagname", name)
        document.add_date("published", dt.datetime.combine(doc.published, dt.time(), tzinfo=dt.UTC))
        writer.add_document(document)
    writer.commit()
    writer.wait_merging_threads()
    ix.reload()
    result.build_seconds = (
        time.perf_counter()
        - started
        + _tokenize_seconds(docs[: min(len(docs), 2000)]) * (len(docs) / min(len(docs), 2000))
    )
    result.index_bytes = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    searcher = ix.searcher()
    occur = tantivy.Occur

    def conj(parts):  # type: ignore[no-untyped-def]
        return tantivy.Query.boolean_query([(occur.Must, part) for part in parts])

    def disj(parts):  # type: ignore[no-untyped-def]
        return tantivy.Query.boolean_query([(occur.Should, part) for part in parts])

    def neg(part):  # type: ignore[no-untyped-def]
        return tantivy.Query.boolean_query([(occur.Must, tantivy.Query.all_query()), (occur.MustNot, part)])

    def flt(node: q.Node):  # type: ignore[no-untyped-def]
        if isinstance(node, q.DateRange):
            low = dt.datetime.combine(node.start or dt.date(1900, 1, 1), dt.time(), tzinfo=dt.UTC)
            high = dt.datetime.combine(node.end or dt.date(2999, 1, 1), dt.time(), tzinfo=dt.UTC)
            return tantivy.Query.range_query(schema, "published", tantivy.FieldType.Date, low, high)
        name = "kind" if node.field == "kind" else "tagname"  # type: ignore[attr-defined]
        return tantivy.Query.term_query(schema, name, node.value)  # type: ignore[attr-defined]

    def build(query: str):  # type: ignore[no-untyped-def]
        return token_query(
            q.parse(query),
            lambda f, t: tantivy.Query.term_query(schema, f, t),
            lambda f, ts: tantivy.Query.phrase_query(schema, f, ts),
            conj,
            disj,
            neg,
            flt,
        )

    def run(query: str) -> None:
        searcher.search(build(query), limit=20).count  # noqa: B018

    result.run = run
    for klass, queries in QUERIES.items():
        pairs = []
        for query in queries:
            found = searcher.search(build(query), limit=len(docs) or 1)
            pairs.append(({searcher.doc(address)["id"][0] for _, address in found.hits}, truths[query]))
        _score(result, klass, pairs)
    result.note = "build time includes tokenising"
    return result


def _tokenize_seconds(docs: list[SyntheticDocument]) -> float:
    started = time.perf_counter()
    for doc in docs:
        _tokens(doc)
    return time.perf_counter() - started


def _tokens(doc: SyntheticDocument) -> tuple[str, ...]:
    ministry = f"{MINISTRIES[doc.ministry][1]}\n{doc.department}"
    return (index_text(doc.title), index_text(doc.body), index_text(ministry), index_text("\n".join(doc.tags)))


# -- report ----------------------------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def print_table(results: list[EngineResult], docs: int, text_bytes: int) -> None:
    print(f"\n{docs:,} documents, {text_bytes / 1e6:.1f} MB of text (UTF-8)\n")
    header = f"| {'engine':<28} | {'build docs/s':>12} | {'index/text':>10} |"
    for klass in QUERIES:
        header += f" {klass + ' p50/p95 ms':>24} |"
    header += f" {'recall':>6} | {'precision':>9} |"
    print(header)
    print("|" + "|".join("-" * (len(part) + 0) for part in header.split("|")[1:-1]) + "|")
    for result in results:
        line = (
            f"| {result.name:<28} | {docs / result.build_seconds:>12,.0f} | {result.index_bytes / text_bytes:>9.2f}x |"
        )
        for klass in QUERIES:
            times = result.latencies.get(klass, [])
            line += f" {percentile(times, 0.5):>11.1f} / {percentile(times, 0.95):>8.1f} |"
        recall = min(result.recall.values()) if result.recall else float("nan")
        precision = min(result.precision.values()) if result.precision else float("nan")
        line += f" {recall:>6.3f} | {precision:>9.3f} |"
        print(line)
    for result in results:
        worst = [f"{k}: r={result.recall[k]:.3f} p={result.precision[k]:.3f}" for k in QUERIES]
        print(f"  {result.name}: " + "; ".join(worst) + (f" ({result.note})" if result.note else ""))
        for name, times in result.extra.items():
            print(f"  {result.name}: {name}: p50 {percentile(times, 0.5):.1f} ms, p95 {percentile(times, 0.95):.1f} ms")


def print_scaling(rows: list[tuple[int, int, list[EngineResult]]]) -> None:
    """p95 per query class (and the GUI's facet path) per corpus size, esgdesk beside tantivy."""
    print("\nScaling (p95 ms; esgdesk / tantivy; index/text)\n")
    header = f"| {'documents':>9} |" + "".join(f" {klass:>15} |" for klass in QUERIES)
    header += f" {'facets':>7} | {'GUI ids':>7} | {'index/text':>15} |"
    print(header)
    print("|" + "|".join("-" * len(part) for part in header.split("|")[1:-1]) + "|")
    for docs, text_bytes, results in rows:
        ours = next((r for r in results if r.name.startswith("esgdesk")), None)
        theirs = next((r for r in results if r.name.startswith("tantivy")), None)
        line = f"| {docs:>9,} |"
        for klass in QUERIES:
            a = percentile(ours.latencies.get(klass, []), 0.95) if ours else float("nan")
            b = percentile(theirs.latencies.get(klass, []), 0.95) if theirs else float("nan")
            line += f" {a:>6.1f} / {b:>6.1f} |"
        facets = percentile(ours.extra.get("GUI facets: facet_counts", []), 0.95) if ours else float("nan")
        ids = percentile(ours.extra.get("GUI list: search_ids (all)", []), 0.95) if ours else float("nan")
        ratio_a = ours.index_bytes / text_bytes if ours else float("nan")
        ratio_b = theirs.index_bytes / text_bytes if theirs else float("nan")
        line += f" {facets:>7.1f} | {ids:>7.1f} | {ratio_a:>6.2f} / {ratio_b:>6.2f} |"
        print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default="2000", help="corpus size(s), comma-separated (default 2000)")
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query")
    parser.add_argument("--engines", default="esgdesk,whoosh,tantivy")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (a kept corpus is reused)")
    args = parser.parse_args(argv)
    engines = set(args.engines.split(","))
    rows = []
    for size in (int(part) for part in args.docs.split(",")):
        folder = args.keep / f"docs-{size}" if args.keep else Path(tempfile.mkdtemp(prefix="esgdesk-bench-"))
        try:
            text_bytes, results = run_size(size, args.seed, engines, folder, args.repeat)
        finally:
            if args.keep is None:
                shutil.rmtree(folder, ignore_errors=True)
        print_table(results, size, text_bytes)
        rows.append((size, text_bytes, results))
    if len(rows) > 1:
        print_scaling(rows)
    print(f"\n(cpu: {os.cpu_count()} cores; latency = first 20 hits + total; {args.repeat} runs per query)")
    return 0


def run_size(size: int, seed: int, engines: set[str], folder: Path, repeat: int) -> tuple[int, list[EngineResult]]:
    started = time.perf_counter()
    docs = list(CorpusGenerator(seed).documents(size))
    for doc in docs:
        doc.title, doc.body = normalize(doc.title), normalize(doc.body)
    texts = [truth_text(doc) for doc in docs]
    text_bytes = sum(len(doc.title.encode()) + len(doc.body.encode()) for doc in docs)
    print(f"generated {len(docs):,} documents in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    truths = {query: truth(docs, texts, query) for queries in QUERIES.values() for query in queries}
    results: list[EngineResult] = []
    if "esgdesk" in engines:
        folder.mkdir(parents=True, exist_ok=True)
        archive = Archive.open(folder / "archive")
        started = time.perf_counter()
        if _document_count(archive) == len(docs):
            print("reusing the archive kept from an earlier run", file=sys.stderr)
        else:
            populate(archive, docs)
            print(f"archive filled in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        results.append(run_esgdesk(archive, docs, truths, repeat))
        gc.collect()
    tokenized = [_tokens(doc) for doc in docs] if engines & {"whoosh", "tantivy"} else []
    if "tantivy" in engines:
        shutil.rmtree(folder / "tantivy", ignore_errors=True)
        outcome = run_tantivy(docs, tokenized, truths, folder / "tantivy", repeat)
        results.append(outcome) if outcome else print("tantivy is not installed", file=sys.stderr)
    if "whoosh" in engines:
        outcome = run_whoosh(docs, tokenized, truths, folder / "whoosh", repeat)
        results.append(outcome) if outcome else print("whoosh is not installed", file=sys.stderr)
    _time_queries(results, repeat)
    if "esgdesk" in engines:
        close_index(archive)
        archive.close()
    return text_bytes, results


if __name__ == "__main__":
    raise SystemExit(main())

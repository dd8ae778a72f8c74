"""Literal truth: for Hangul queries of two or more syllables, search finds exactly the documents that contain
the query (or, for a word ending in a particle, its stem) — checked against brute-force substring search on
generated corpora whose tiny alphabet makes every tricky case (repeats, words that end where the next begins,
particles, one-syllable runs, Latin and digits glued on) common."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search_helpers import add_documents
from sqlalchemy import delete

from esgdesk.core.archive import Archive
from esgdesk.core.models import Document
from esgdesk.search.engine import ENGINE_ENV
from esgdesk.search.service import close_index, index_for, matching_ids, search
from esgdesk.search.tokenize import _SPACED_RE, strip_particle

SYLLABLES = "가나다탄소는을에"  # 는/을/에 are particles, 가/나/다 are also everyday syllables
SEPARATORS = [" ", " ", " ", ", ", "\n", "·", "(", ")"]

syllable_words = st.text(alphabet=SYLLABLES, min_size=1, max_size=6)
latin_words = st.sampled_from(["CO2", "esg", "2030", "A"])
words = st.one_of(syllable_words, syllable_words, syllable_words, latin_words)


@st.composite
def texts(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(words, min_size=0, max_size=12))
    out = []
    for piece in pieces:
        out.append(piece)
        # sometimes glue Latin/digits straight onto Hangul (CO2감축, 2030년)
        out.append("" if draw(st.integers(0, 5)) == 0 else draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


corpora = st.lists(st.tuples(texts(), texts()), min_size=1, max_size=8)


@pytest.fixture(scope="module", params=["tantivy", "fts5", pytest.param("postgres", marks=pytest.mark.postgres)])
def shared_archive(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """One archive per module and engine: the same generated corpora must give the same truth on every one."""
    with pytest.MonkeyPatch.context() as patch:
        if request.param == "postgres":
            url = request.getfixturevalue("postgres_url")
            request.getfixturevalue("postgres_reset")()
            archive = Archive.open(f"{url}?files={tmp_path_factory.mktemp('truth-files')}")
        else:
            patch.setenv(ENGINE_ENV, request.param)
            archive = Archive.open(tmp_path_factory.mktemp("truth") / "archive")
        yield archive
        close_index(archive)
        archive.close()


def _in_spaced_heading(query: str, *texts: str) -> bool:
    """Whether `query` is in a spaced-out heading (`통 합 재 정`) read as one word, which the index also holds
    (tokenize.index_tokens): a document with `가 가` may be found by 가가."""
    return any(query in "".join(match.group().split()) for text in texts for match in _SPACED_RE.finditer(text))


def _replace_corpus(archive: Archive, corpus: list[tuple[str, str]]) -> list[int]:
    with archive.session() as session:
        old = [row for (row,) in session.execute(Document.__table__.select().with_only_columns(Document.id))]
        session.execute(delete(Document))
        session.commit()
    index_for(archive).remove(old)
    return add_documents(archive, *({"title": title, "body": body} for title, body in corpus))


def _queries(corpus: list[tuple[str, str]], data: st.DataObject) -> list[str]:
    """Substrings of the corpus (so most queries have hits) plus free-form syllable strings."""
    joined = "\n".join(title + "\n" + body for title, body in corpus)
    queries = []
    for _ in range(6):
        if joined and data.draw(st.booleans()):
            start = data.draw(st.integers(0, len(joined) - 1))
            size = data.draw(st.integers(2, 6))
            candidate = joined[start : start + size]
        else:
            candidate = data.draw(st.text(alphabet=SYLLABLES, min_size=2, max_size=5))
        if len(candidate) >= 2 and all(char in SYLLABLES for char in candidate):
            queries.append(candidate)
    return queries


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(corpus=corpora, data=st.data())
def test_hangul_queries_find_exactly_the_documents_that_contain_them(
    shared_archive: Archive, corpus: list[tuple[str, str]], data: st.DataObject
) -> None:
    ids = _replace_corpus(shared_archive, corpus)
    for query in _queries(corpus, data):
        stem = strip_particle(query)
        must = {i for i, (title, body) in zip(ids, corpus, strict=True) if query in title or query in body}
        may = {i for i, (title, body) in zip(ids, corpus, strict=True) if stem and (stem in title or stem in body)}
        may |= {i for i, (title, body) in zip(ids, corpus, strict=True) if _in_spaced_heading(query, title, body)}
        found = set(matching_ids(shared_archive, query))
        assert must <= found, f"recall: {query!r} missed {sorted(must - found)}"
        assert found <= must | may, f"precision: {query!r} wrongly found {sorted(found - must - may)}"
        assert search(shared_archive, query, limit=3).total == len(found)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora, data=st.data())
def test_boolean_queries_agree_with_set_algebra(
    shared_archive: Archive, corpus: list[tuple[str, str]], data: st.DataObject
) -> None:
    ids = _replace_corpus(shared_archive, corpus)
    candidates = _queries(corpus, data)
    if len(candidates) < 2:
        return
    first, second = candidates[0], candidates[1]

    def hits(word: str) -> set[int]:
        return set(matching_ids(shared_archive, word))

    a, b = hits(first), hits(second)
    everything = set(ids)
    assert set(matching_ids(shared_archive, f"{first} {second}")) == a & b
    assert set(matching_ids(shared_archive, f"{first} OR {second}")) == a | b
    assert set(matching_ids(shared_archive, f"{first} -{second}")) == a - b
    assert set(matching_ids(shared_archive, f"-{first}")) == everything - a
    assert set(matching_ids(shared_archive, f"({first} OR {second}) -{first}")) == b - a

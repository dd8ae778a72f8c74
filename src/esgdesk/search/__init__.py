"""Korean full-text search (no Qt).

- `tokenize`: NFC, Hangul/Han bigrams, Latin/number words, particles → stems.
- `query`: the search language and its `QuerySyntaxError`.
- `plan`: a parsed query → one FTS5 MATCH expression plus SQL filters.
- `engine`: which engine a local archive uses — tantivy (default) or FTS5 (`ESGDESK_SEARCH_ENGINE=fts5`).
- `index`: `SearchIndex` — search.sqlite beside archive.sqlite: update, remove, rebuild, check, repair; it hands
  out the engine in use (`tantivy_index.TantivyIndex`, `pg.PgSearchIndex` for a team archive).
- `tantivy_index`, `tantivy_query`: the tantivy index in search-index/ and queries, pages, facets on it.
- `snippet`: snippets cut from the original text with hits in brackets.
- `service`: `search()`, `search_ids()`, `facet_counts()`, `matching_ids()`, saved searches — what the CLI and GUI call.
"""

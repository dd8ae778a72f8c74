"""Korean full-text search (no Qt).

- `tokenize`: NFC, Hangul/Han bigrams, Latin/number words, particles → stems.
- `query`: the search language and its `QuerySyntaxError`.
- `plan`: a parsed query → one FTS5 MATCH expression plus SQL filters.
- `index`: `SearchIndex` — search.sqlite beside archive.sqlite: update, remove, rebuild, check, repair.
- `snippet`: snippets cut from the original text with hits in brackets.
- `service`: `search()`, `search_ids()`, `facet_counts()`, `matching_ids()`, saved searches — what the CLI and GUI call.
"""

"""What both index engines share: the document frequencies read from one table, df, and the
writer's hooks that only PostgreSQL fills (corpus_postgres.py keeps moves apart, in df_pending)."""

from __future__ import annotations


class Engine:
    DOCS_OF_POSTINGS = "LEFT JOIN docs d ON d.id = f.doc"  # d: the document of each posting f

    def schema_is(self, version: int) -> None:
        """Told the index's schema version once it is known."""

    def wrote(self) -> None:
        """After each write transaction."""

    def finish(self) -> None:
        """A writer's last act before it closes."""

    def clear_df(self) -> None:
        self.run("DELETE FROM df")

    def frequencies(self) -> str:
        """A relation (hash, docs) of every document frequency, to be given a name."""
        return "df"

    def frequencies_of(self, values: list, max_docs: int) -> tuple[str, list]:
        """(a query of rows (hash, docs), its parameters): the frequencies of those of `values`
        (at most CHUNK) found in fewer than max_docs documents."""
        (member, params), = self.member("hash", values)
        return f"SELECT hash, docs FROM df WHERE {member} AND docs < ?", [*params, max_docs]

    def shared_hashes(self, max_docs: int) -> tuple[str, tuple]:
        """(a query, its parameters) for the hashes found in 2 to max_docs - 1 documents, in
        order (the index df_shared holds those)."""
        return "SELECT hash FROM df WHERE docs > 1 AND docs < ? ORDER BY hash", (max_docs,)

"""Reporters: each format is one module with `render(findings, run) -> str`.

A reporter that can print as documents are linted (text, github) also sets STREAMING = True
and offers `render_document(findings, run)` for one document's findings and
`render_end(findings, run)` for what closes the output: `join_chunks` of those is `render`.
Words around the findings come from `labels`, in both languages.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field

FORMATS = ("text", "json", "sarif", "github", "html")
_MODULES = {"text": "text", "json": "json_report", "sarif": "sarif", "github": "github", "html": "html_report"}


@dataclass
class RunInfo:
    """What a reporter knows of the run besides the findings."""

    documents: dict = field(default_factory=dict)  # path -> Document, every linted document
    rules: list = field(default_factory=list)  # the Rules that ran
    lang: str = "zh"
    color: bool = False
    failed: int = 0  # inputs that could not be linted


def reporter(fmt: str):
    """The module of a format, imported when first asked for."""
    return importlib.import_module(f"{__name__}.{_MODULES[fmt]}")


def render(fmt: str, findings, run: RunInfo) -> str:
    return reporter(fmt).render(findings, run)


def join_chunks(chunks) -> str:
    """How a streaming reporter's pieces make its whole output: non-empty ones, a line apart."""
    return "\n".join(chunk for chunk in chunks if chunk)


def category_counts(findings) -> list[tuple[str, int]]:
    return sorted(Counter(f.category for f in findings).items())

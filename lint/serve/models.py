"""The shapes of the HTTP API. Requests are validated with them; responses are written by the
lint processes as plain JSON and documented here, and the tests hold the two together by
checking every response against the OpenAPI description made from these classes."""

from __future__ import annotations

import datetime
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rectlint.conventions.kinds import COMPLETENESS, KINDS
from rectlint.finding import CATEGORIES, SEVERITIES

Lang = Literal["zh", "en"]
Severity = Literal[SEVERITIES]  # type: ignore[valid-type]
Category = Literal[CATEGORIES]  # type: ignore[valid-type]


class Options(BaseModel):
    """How to lint, as the command line's options of the same names."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal[("auto", *KINDS)] = Field(  # type: ignore[valid-type]
        "auto", description="The notice kind, as --kind; auto lets rectlint decide.")
    select: Optional[list[str]] = Field(
        None, description="Rule ids or categories to run instead of the configuration's (as --select).")
    ignore: list[str] = Field([], description="Rule ids or categories to skip (as --ignore).")
    lang: Lang = Field("zh", description="Language of the messages.")
    as_of: Optional[datetime.date] = Field(
        None, description="The date the draft speaks from, as --as-of (YYYY-MM-DD).")

    @field_validator("select", "ignore", mode="before")
    @classmethod
    def _comma_separated(cls, value):
        if isinstance(value, str):  # a form field: "date,ordinal"
            return [part.strip() for part in value.split(",") if part.strip()]
        return value


class CheckText(Options):
    """A draft sent as text."""

    text: str = Field(description="The draft.")
    filename: str = Field("draft.txt", description="Its name in findings; its suffix sets the format "
                                                   "unless `format` does.")
    format: Optional[Literal["txt", "md", "html"]] = Field(None, description="How to read the text.")


class Location(BaseModel):
    path: str
    line: int
    column: int
    end_line: int
    end_column: int


class Place(BaseModel):
    part: Literal["body", "textbox", "header", "footer", "footnote", "endnote"]
    part_index: Optional[int]
    paragraph: int
    headings: list[str]
    quote: str


class DocumentInfo(BaseModel):
    kind: Literal[KINDS]  # type: ignore[valid-type]
    completeness: Literal[COMPLETENESS]  # type: ignore[valid-type]
    detected: bool


class Finding(Location):
    """One finding in JSON contract version 1 (see the README)."""

    rule: str
    category: Category
    severity: Severity
    message: str
    suggestion: Optional[str]
    related: list[Location]
    place: Optional[Place] = Field(None, description="Only for .docx drafts.")
    document: DocumentInfo


class Counts(BaseModel):
    info: int
    warning: int
    error: int


class Document(DocumentInfo):
    path: str
    format: Literal["txt", "md", "docx", "html", "doc", "wps", "odt", "rtf", "docm", "pdf", "ofd"]
    characters: int = Field(description="Length of the text as read, in code points.")
    lines: int
    findings: int
    severities: Counts
    failed: bool = Field(description="Whether a finding reaches the configuration's fail-on "
                                     "severity: the gate's answer, as the CLI's exit code.")


class CheckResult(BaseModel):
    version: Literal[1] = Field(description="The JSON contract's version.")
    document: Document
    findings: list[Finding]
    warnings: list[str] = Field(description="What the reader had to say of an input it could still read.")


class Error(BaseModel):
    code: str = Field(description="A stable id, such as too-large or input.")
    message: str = Field(description="The line in the language asked for (lang, or Accept-Language).")
    zh: str
    en: str


class ErrorBody(BaseModel):
    error: Error


class RuleSummary(BaseModel):
    id: str
    category: Category
    severity: Severity
    summary: str
    options: dict


class RuleDetail(RuleSummary):
    documentation: str
    choices: dict


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    workers: int

"""rectlint: an offline linter for Chinese rectification notices."""

__version__ = "0.2.0"

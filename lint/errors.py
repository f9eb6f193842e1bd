"""Errors that end in exit code 2 with one line on stderr."""


class RectlintError(Exception):
    """Base class: the message is the whole line shown to the user."""

    @property
    def message(self):
        """The line as raised: a messages.Said where it was worded in both languages."""
        return self.args[0] if self.args else ""


class InputError(RectlintError):
    pass


class ConfigError(RectlintError):
    lang = None  # the language the configuration in error asks for, when it says


class UsageError(RectlintError):
    pass


def os_error(exc: OSError, lang: str, name: str | None = None) -> str:
    """An error of the environment as one line: the file (`name`, or the one the error names),
    and the reason in the language asked for where rectlint knows the words (the system's own
    text otherwise)."""
    import errno

    from .messages import text
    from .text import printable

    name = name or exc.filename
    where = f"{printable(str(name))}：" if name else ""
    name = errno.errorcode.get(exc.errno or 0, "")
    try:
        reason = text("os." + name, lang)
    except KeyError:
        reason = exc.strerror or str(exc)
    return (where.replace("：", ": ") if lang == "en" else where) + reason

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

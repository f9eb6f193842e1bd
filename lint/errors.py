"""Errors that end in exit code 2 with one line on stderr."""


class RectlintError(Exception):
    """Base class: the message is the whole line shown to the user."""


class InputError(RectlintError):
    pass


class ConfigError(RectlintError):
    pass


class UsageError(RectlintError):
    pass

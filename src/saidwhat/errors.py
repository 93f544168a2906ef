"""The errors saidwhat raises; each message names the bad value and the way out."""


class SaidwhatError(Exception):
    """Base class: the CLI turns any of these into one line on stderr."""


class InputError(SaidwhatError):
    """A document or input file that cannot be read (bad encoding, missing file, bad JSON line)."""


class ConfigError(SaidwhatError):
    """A setting, option or configuration file with a bad value."""


class ModelError(SaidwhatError):
    """The spaCy pipeline or the shipped attribution model cannot be loaded."""


class ArchiveError(SaidwhatError):
    """The quote archive cannot be opened, migrated or written."""


class UsageError(SaidwhatError):
    """Options that cannot be used together or a bad value: the CLI exits with status 2."""

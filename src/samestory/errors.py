"""One exception tree for everything samestory raises on purpose.

Every error carries the HTTP status a server should answer with, and its message is
one line meant for a person: the CLI prints it as is and exits non-zero.

    SameStoryError (500)
    ├── InputError (400)               bad input the user can fix
    │   ├── EmptyInputError            nothing to read
    │   ├── BinaryInputError           not text
    │   ├── NoMainTextError (422)      HTML/JSON with no article text in it
    │   ├── FileTooLargeError (413)    over Settings.max_input_bytes
    │   ├── UnsupportedFormatError (415)
    │   └── InvalidValueError          a malformed option or field (a bad date, ...)
    ├── NotFoundError (404)            a path or id that does not exist
    ├── ModelUnavailableError (503)    a configured model/backend cannot be loaded
    ├── StoreError (500)               a database that cannot be opened or written
    └── ConfigError (500)              settings that cannot work together
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConfigError",
    "EmptyInputError",
    "FileTooLargeError",
    "InputError",
    "InvalidValueError",
    "ModelUnavailableError",
    "NoMainTextError",
    "NotFoundError",
    "SameStoryError",
    "StoreError",
    "UnsupportedFormatError",
]


class SameStoryError(Exception):
    """Base of every deliberate samestory error."""

    status: int = 500

    def __init__(self, message: str) -> None:
        # One line: these messages end up as CLI output and JSON error bodies.
        super().__init__(" ".join(str(message).split()))

    @property
    def message(self) -> str:
        return str(self)

    def to_dict(self) -> dict[str, object]:
        return {"error": type(self).__name__, "message": self.message, "status": self.status}


class InputError(SameStoryError):
    status = 400


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class NoMainTextError(InputError):
    status = 422


class FileTooLargeError(InputError):
    status = 413


class UnsupportedFormatError(InputError):
    status = 415


class InvalidValueError(InputError):
    pass


class NotFoundError(SameStoryError):
    status = 404


class ModelUnavailableError(SameStoryError):
    status = 503


class StoreError(SameStoryError):
    status = 500


class ConfigError(SameStoryError):
    status = 500

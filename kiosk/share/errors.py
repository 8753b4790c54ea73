"""The one error the share layer raises for a person's mistake (a bad format, folder or path)."""

from __future__ import annotations


class ExportError(Exception):
    """Something about the export request a person can fix; `message` says what."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

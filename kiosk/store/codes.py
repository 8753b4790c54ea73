"""Edit codes: six digits shown once to a card's host, stored only as a salted, slow hash."""

from __future__ import annotations

import hashlib
import hmac
import secrets

CODE_DIGITS = 6
_ALGORITHM = "pbkdf2_sha256"
# About 25 ms on a laptop: unnoticeable at the wall, and with the lockout it makes guessing at a kiosk hopeless.
_ITERATIONS = 100_000
# A hash no code matches (the form Django uses for unusable passwords): for cards nobody may edit, e.g. demo cards.
UNUSABLE_CODE_HASH = "!"


def new_edit_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def hash_edit_code(code: str, *, iterations: int = _ITERATIONS) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", code.encode(), salt, iterations)
    return f"{_ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def verify_edit_code(code: str, stored: str) -> bool:
    try:
        algorithm, iterations, salt_hex, digest_hex = stored.split("$")
        if algorithm != _ALGORITHM:
            return False
        digest = hashlib.pbkdf2_hmac("sha256", code.strip().encode(), bytes.fromhex(salt_hex), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)

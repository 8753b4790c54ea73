"""Test-wide settings: Qt runs offscreen with the software renderer, so the suite needs no screen or GPU."""

from __future__ import annotations

import os

# These must be set before pytest-qt creates the application.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_QUICK_BACKEND"] = "software"
os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
# Keep runs independent of the developer's own kiosk data and config.
os.environ.pop("KIOSK_CONFIG", None)
os.environ.pop("KIOSK_DATA_DIR", None)

# The hub fixtures (a throwaway PostgreSQL server, started only by the first test that asks for it).
from tests.pgfixtures import hub_database, hub_url, make_role, pg_cluster

__all__ = ["hub_database", "hub_url", "make_role", "pg_cluster"]

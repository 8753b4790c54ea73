"""The sync tests share the PostgreSQL fixtures of tests/pgfixtures.py, loaded by tests/conftest.py."""

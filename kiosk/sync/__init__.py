"""Several kiosks, one board: an outbox pushed to a PostgreSQL hub, which arbitrates, and a pull of everything
newer than this kiosk's cursor. See the README's "Several kiosks" section for the rules."""

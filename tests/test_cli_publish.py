"""`kiosk publish` from a shell: a new card's page online after one round, an unchanged board left alone, and
the refusals that protect a live site."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from kiosk.config import load_config
from kiosk.domain.clock import ManualClock
from kiosk.paths import DEMO_CONFIG
from kiosk.share.links import session_url
from kiosk.share.site import site_file
from kiosk.store.service import BoardService, CardDraft
from tests.test_cli import kiosk


def test_publish_puts_a_new_cards_page_online(tmp_path: Path) -> None:
    data, www = tmp_path / "data", tmp_path / "www"
    www.mkdir()
    event = load_config(DEMO_CONFIG).event
    day = event.days[0]
    service = BoardService.open(data, event, ManualClock(event.at(day, time(9))), "test")
    try:
        draft = CardDraft(room_key="150d", starts_at=event.at(day, time(11)), topic="Live <site>", host_name="Ana")
        card = service.add_card(draft).card
    finally:
        service.close()
    done = kiosk("publish", "--out", str(www / "openspaces"), data_dir=data)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Published 1 sessions at {www / 'openspaces'} -> ")
    # The page the card's QR code names is there, with the topic as plain text.
    page = site_file(www / "openspaces", session_url(event, card).removeprefix(event.base_url.rstrip("/") + "/"))
    assert "Live &lt;site&gt;" in page.read_text(encoding="utf-8")
    again = kiosk("publish", "--out", str(www / "openspaces"), data_dir=data)
    assert again.returncode == 0 and again.stdout.startswith("Unchanged: 1 sessions")


def test_publish_refuses_a_real_folder_in_one_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert kiosk("check", data_dir=data).returncode == 0
    out = tmp_path / "site"
    out.mkdir()
    done = kiosk("publish", "--out", str(out), "--every", "30", data_dir=data)
    assert done.returncode == 2
    assert done.stderr.strip().startswith(f"kiosk: {out} is a real folder") and "\n" not in done.stderr.strip()


def test_publish_needs_an_existing_board(tmp_path: Path) -> None:
    done = kiosk("publish", "--out", str(tmp_path / "site"), data_dir=tmp_path / "typo")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"kiosk: there is no board in {tmp_path / 'typo'}; give the kiosk's data directory with --data-dir."
    )
    assert not (tmp_path / "typo").exists()


def test_publish_every_must_be_a_number_of_seconds(tmp_path: Path) -> None:
    done = kiosk("publish", "--out", str(tmp_path / "site"), "--every", "soon", data_dir=tmp_path / "data")
    assert done.returncode == 2
    assert "'soon' is not a number of seconds" in done.stderr

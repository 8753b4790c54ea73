"""Where the kiosk's bundled files live: beside the package in a checkout, or inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

# PyInstaller unpacks bundled data under sys._MEIPASS; in a checkout the folders sit beside the package.
_ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))

ASSETS_DIR = _ROOT / "assets"
CONFIG_DIR = _ROOT / "config"
DEMO_CONFIG = CONFIG_DIR / "pycon-us-2023.toml"

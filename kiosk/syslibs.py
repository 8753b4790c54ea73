"""Turn "cannot open shared object file" loader errors into the Debian package a person should install."""

from __future__ import annotations

import re

# The system libraries PySide6's Qt Quick, virtual keyboard and X11 platform need beyond a minimal Debian.
DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libpulse.so.0": "libpulse0",
    "libpulse-mainloop-glib.so.0": "libpulse-mainloop-glib0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libsmime3.so": "libnss3",
    "libnss3.so": "libnss3",
    "libasound.so.2": "libasound2",
}

APT_LINE = (
    "sudo apt-get install libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 libpulse0 "
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
)

_MISSING = re.compile(r"(lib[\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")


def missing_library_hint(error_text: str) -> str | None:
    """A sentence naming the missing library and the package that provides it, or None if it's another error."""
    match = _MISSING.search(error_text)
    if not match:
        return None
    library = match[1]
    package = DEBIAN_PACKAGES.get(library)
    if package:
        return f"Qt needs the system library {library}. Install it with: sudo apt-get install {package}"
    return f"Qt needs the system library {library}, which is not installed. On Debian/Ubuntu: {APT_LINE}"

"""`python -m kiosk.ui.i18n`: update the translation catalogues from the sources and compile them."""

from kiosk.ui.i18n import I18N_DIR, release, update

update()
release()
print(f"updated and compiled the catalogues in {I18N_DIR}")

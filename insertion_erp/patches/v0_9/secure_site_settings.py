"""Sites installed before v0.9: uploads limited to the enterprise's kinds of files (never a
page a browser would run from the site's origin), and no error traceback sent to clients."""

from insertion_erp.install.install import secure_site_settings


def execute() -> None:
	secure_site_settings()

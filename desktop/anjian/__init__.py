"""Anjian (安检): audit your own account security and keep it safe over time."""

__version__ = "0.1.0"
APP_ID = "io.github.anjian.Anjian"
KEYRING_SERVICE = "anjian"

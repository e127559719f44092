"""Backups: the register of what was backed up, the recovery-phrase test, Anjian's own export."""

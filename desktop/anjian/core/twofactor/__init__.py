"""Two-step verification: the 2FA map of every account, the enrollment drill and the
TOTP backup vault.

Pure code (no I/O, no Qt, time passed in as ``now``):

- :mod:`.secret` — base32 secrets: reading what people type or scan, writing them in groups;
- :mod:`.totp` — codes (RFC 4226/6238), checking a typed code, clock drift, replay, attempts;
- :mod:`.otpauth` — ``otpauth://totp/...`` links, read strictly and written;
- :mod:`.migration` — Google Authenticator exports (``otpauth-migration://``);
- :mod:`.drill` — the enrollment drill as data: its steps and what each needs;
- :mod:`.records` — the 2FA map and its findings;
- :mod:`.section` — the ``two_factor`` section of the state document (map and vault metadata).
"""

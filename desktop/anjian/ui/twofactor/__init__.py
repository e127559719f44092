"""The Two-factor section: the 2FA map, the enrollment drill and the TOTP backup vault."""

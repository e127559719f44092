"""Reminders: what is due, when to notify, and noticing that the clock jumped."""

"""Incidents: the stolen-account playbook and the record of working through it."""

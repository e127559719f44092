"""The first-run checklist and the overall score: items as data, their state, the wizard."""

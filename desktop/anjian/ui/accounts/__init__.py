"""The Accounts page and the Links & numbers page (issue #5)."""

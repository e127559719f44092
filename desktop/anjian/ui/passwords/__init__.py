"""The Passwords page: live strength meter, saved checks and reuse findings."""

"""Passwords: how easy a password is to guess, and whether it is used twice.

- :mod:`.lists`: the word lists (common Chinese passwords, pinyin, love numbers).
- :mod:`.chinese`: matchers for what Chinese users choose (pinyin names and
  words, phone and QQ numbers, Chinese date forms), feeding zxcvbn's scoring.
- :mod:`.personal`: the user's own name, birthday, phones and e-mails as inputs.
- :mod:`.scorer`: the score, guesses, crack times, patterns and feedback.
- :mod:`.feedback`: every text the scorer shows, zxcvbn's included, translated.
- :mod:`.reuse`: keyed, slow fingerprints that find reuse without keeping passwords.
- :mod:`.records`: the ``passwords`` section of the state: one check per account.

Nothing here stores or logs a password; the scorer keeps only results.
"""

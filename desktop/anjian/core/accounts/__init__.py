"""The accounts register's details: bound phones and e-mails, official channels, checks.

Pure code (no I/O, no Qt; time passed in as ``now``). The accounts themselves
are :class:`anjian.core.state.Account`; what hangs off them lives here:

- :mod:`.phones` and :mod:`.emails`: reading what people type, normalising, masking;
- :mod:`.contacts`: :class:`RecoveryContact`, the phone or e-mail an account is bound
  to, with its "still mine" confirmations and the receive-a-code drill;
- :mod:`.channels`: each account's official websites, apps and support channels, and
  the cited presets;
- :mod:`.links` and :mod:`.numbers`: the offline link check and the support number check;
- :mod:`.findings`: what needs attention (a number that is no longer yours, one phone
  bound to everything, a contact due for confirmation...);
- :mod:`.book`: the ``account_details`` section of the state document;
- :mod:`.help`: the drill and the "can't receive the code" page, as content.
"""

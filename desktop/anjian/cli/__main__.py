"""``python -m anjian.cli`` runs ``anjian-cli``."""

from anjian.cli import main

raise SystemExit(main())

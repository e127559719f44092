"""``python -m anjian`` starts the GUI."""

from anjian.ui.app import main

raise SystemExit(main())

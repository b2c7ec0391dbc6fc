"""``python -m analyst_app`` runs the command-line interface."""

from analyst_app.cli import main

raise SystemExit(main())

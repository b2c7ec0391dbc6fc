"""One function per user action; each owns its database session and takes progress and cancel."""

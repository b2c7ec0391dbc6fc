"""One page per analysis area, shown in the main window's stacked widget."""

"""Screens of the browser: main, search, filter, help."""

"""Widgets of the browser: virtual lists, the article reader."""

"""Articles bundled with Sitrep: a fresh store is built from them."""

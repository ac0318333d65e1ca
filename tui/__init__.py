"""The Textual browser and the command line."""

"""Interface: the public and member web pages."""

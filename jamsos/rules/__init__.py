"""The pure rules engine: regulations as data and functions, no Django, no database."""

"""Shared kernel: clock, identifier fields and validators, audit helpers."""

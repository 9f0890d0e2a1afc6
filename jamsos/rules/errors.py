"""Errors of the rules engine: a stable code and a message in Bahasa Indonesia and English."""

from __future__ import annotations


class RuleError(ValueError):
    """Input the rules cannot evaluate (bad value, a date before a rule existed, ...)."""

    def __init__(self, code: str, *, en: str, id: str, **params: object) -> None:
        super().__init__(en)
        self.code = code
        self.message_en = en
        self.message_id = id
        self.params = params

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message_en, "message_id": self.message_id}

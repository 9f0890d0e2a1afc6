"""Log formatting that keeps personal data out of the logs.

Database errors quote the offending values ("Key (nik)=(3201...) already exists"), and
tracebacks carry exception messages, so redaction happens on the final formatted text.
"""

import logging
import re

# A NIK (16 digits) anywhere in a message, with or without separators typed by a person.
_NIK = re.compile(r"(?<!\d)(\d{4})[ .\-]?(\d{4})[ .\-]?(\d{4})[ .\-]?(\d{4})(?!\d)")


def redact(text: str) -> str:
    """Masks every 16-digit number as 3201********0001."""
    return _NIK.sub(lambda match: f"{match.group(1)}********{match.group(4)}", text)


class RedactingFormatter(logging.Formatter):
    """A formatter whose output, exception text included, never holds a full NIK."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))

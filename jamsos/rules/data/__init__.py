"""Parameter rows of the regulations, one module per domain, each row with its source."""

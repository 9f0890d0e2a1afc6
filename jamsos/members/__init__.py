"""Members (peserta): identity, membership numbers and employment history."""

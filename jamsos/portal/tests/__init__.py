"""Tests of the web portal: pages, translations, search and the health check."""

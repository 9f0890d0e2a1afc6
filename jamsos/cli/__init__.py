"""Interface: the `jamsos` command line (rules evaluation, demo data, batch jobs)."""

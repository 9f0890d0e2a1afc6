"""Management commands of the jamsos command line."""

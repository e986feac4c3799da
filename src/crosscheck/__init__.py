"""crosscheck: what is claimed, who says so, how many independent sources carry it."""
__version__ = "0.1.0"

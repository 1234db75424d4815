class DigestError(Exception):
    """A problem the user can fix; the CLI prints it without a traceback."""

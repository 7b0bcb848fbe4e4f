"""actorgraph: who is alleged to be tied to whom, and on what evidence."""

__version__ = "0.1.0"

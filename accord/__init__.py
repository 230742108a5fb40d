"""accord: a register of what governments undertake, read from their readouts."""

__version__ = "0.1.0"

"""shiftplan: duty rosters for 24-hour stations, planned fairly and printed for the wall."""

__version__ = "0.1.0"

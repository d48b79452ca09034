"""The open exchange format: scenario and schedule files (docs/format.md)."""

"""The rostering problem, its calendar and rules, and the validator: standard library only."""

"""Refining a saved kit: its revisions (history), choices and locks, and changes by instruction. Pure functions on
kits, plus the few calls that read and write them through a KitStore."""

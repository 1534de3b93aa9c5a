"""Widgets of the reading app; each shows one thing from the model."""

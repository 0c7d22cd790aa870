"""Resolvers: normalization of what the extract stages find (times, places, actors)."""

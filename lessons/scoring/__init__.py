"""Scoring the annotator against answer keys: keys, metrics, the word-list baseline."""

"""The learner's state: saved progress and quiz logic."""

"""Developer tooling, outside the learners' package: benchmarks and the notebook builder."""

"""The learned part of attribution: features, candidates, a linear scorer and its training."""

"""Quiz blueprint: self-test of N questions from a deck or sections, score and mistakes."""

"""Study blueprint: the spaced-repetition session (question → answer → feedback → next)."""

"""Account blueprint: register (a guest keeps their progress), log in, log out, profile."""

"""Article → facts → questions → bank. Pure functions of their inputs; never imports Flask."""

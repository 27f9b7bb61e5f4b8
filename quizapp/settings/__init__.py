"""Settings blueprint: new cards per day and desired retention, per learner."""

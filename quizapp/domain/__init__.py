"""Pure rules with no database or Flask: grading answers, FSRS scheduling, password hashing.

* ``grading``   — a response against a question, one rule per question kind;
* ``scheduler`` — the only module that calls ``fsrs`` (card state + rating + time → new state);
* ``passwords`` — argon2id hashing and the length limits;
* ``timezones`` — aware UTC datetimes, IANA zone names, when a learner's study day starts.
"""

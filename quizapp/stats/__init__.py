"""Study statistics, all in one place: the pure definitions, the queries, the ``/stats`` page.

* ``metrics`` — the definitions as pure functions of plain records and a given ``now``;
* ``queries`` — loads those records from the database for one learner and deck;
* ``charts``  — charts drawn as inline SVG on the server;
* ``views``   — the ``stats`` blueprint (one page per deck).
"""

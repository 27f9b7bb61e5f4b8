"""The JSON API at ``/api/v1`` (decks, next card, answers, undo, re-rating, stats) and its
OpenAPI document, plus ``/healthz``.

* ``problems`` — RFC 9457 problem bodies and the ``ApiError`` exception;
* ``guard``    — the CSRF rule for JSON requests (see ``guard`` and the OpenAPI document);
* ``parsing``  — request bodies → service arguments (422 when they do not fit);
* ``payloads`` — domain objects → JSON (a question never carries its answer);
* ``views``    — the routes: parse, call one service, commit, then answer;
* ``authoring_views`` — own decks: create, list / edit / add questions, report a question;
* ``openapi``  — the OpenAPI 3.1 document served at ``/api/v1/openapi.json`` (the own-deck
  part in ``authoring_doc``);
* ``health``   — ``/healthz``, a trivial endpoint for load balancers and the benchmark.
"""

"""Request-level plumbing shared by every blueprint (the blueprints are the feature folders
beside this one: ``study``, ``quiz``, ``decks``, ``settings``, ``account``, ``api``,
``classroom``, ``stats``).

* ``extensions``  — ``csrf`` and ``limiter``;
* ``auth``        — who is asking (session learner) and access decorators;
* ``clock``       — the request's "now";
* ``cookies``     — the session cookie, re-sent only when it changed;
* ``security``    — security headers and trusted proxies;
* ``errors``      — friendly error pages (problem documents under ``/api/``);
* ``templating``  — what every template can use;
* ``helpers``     — form fields, 404/400 helpers, the learner's settings, answer keys;
* ``owned``       — the deck the learner owns, or 404 (private) / 403 (someone else's);
* ``answering``   — an answer form → ``study.Response``;
* ``answer_views``— the feedback page's re-rate and override, shared by study and quiz.
"""

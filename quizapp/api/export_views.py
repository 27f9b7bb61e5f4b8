"""``GET /api/v1/decks/<slug>/progress.apkg``: "take my progress to Anki" for API clients.

The same package as the web button (``quizapp.decks.downloads.progress_file``): the whole
deck with the session's learner's scheduling and review log. Routes join the ``api``
blueprint (imported by ``create_app``), so its guard, errors and ``no-store`` apply.
"""

from __future__ import annotations

from flask import Response, request

from quizapp.api.problems import ApiError
from quizapp.api.views import _deck, bp
from quizapp.decks.downloads import progress_file
from quizapp.web.auth import current_user


@bp.get("/decks/<slug>/progress.apkg")
def progress_package(slug: str) -> Response:
    found = _deck(slug)
    user = current_user()
    if user is None:
        raise ApiError(401, "no learner session: answer a card first, or log in")
    type_in = request.args.get("type_in", "false")
    if type_in not in ("true", "false"):
        raise ApiError(422, "type_in is true or false")
    return progress_file(found, user, "anki-typein" if type_in == "true" else "anki")

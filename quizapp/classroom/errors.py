"""Classroom errors, mapped to status codes by the views.

``NotFound`` (from the study service) is a 404 and also what you get for things you may not
know exist; ``Forbidden`` is a 403 for things you know exist but may not use;
``ClassroomError`` is a problem the user can fix, shown as a message (400 or the form again).
"""

from __future__ import annotations

from quizapp.services.study import NotFound


class ClassroomError(ValueError):
    """A request the user can correct (bad code, name taken, assignment closed, …)."""


class Forbidden(PermissionError):
    """Known to exist, but not yours to use."""


__all__ = ["ClassroomError", "Forbidden", "NotFound"]

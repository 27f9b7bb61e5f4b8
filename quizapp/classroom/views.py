"""The ``classroom`` blueprint with all its routes (teacher and student pages)."""

from __future__ import annotations

from quizapp.classroom import views_followup, views_student, views_teacher
from quizapp.classroom.blueprint import bp

__all__ = ["bp", "views_followup", "views_student", "views_teacher"]

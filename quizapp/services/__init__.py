"""The work behind the pages, the API and the classroom: plain functions of (session, ids, now).

* ``settings``  — ``StudySettings`` for a learner from app config + their own choices;
  ``update_settings``.
* ``study``     — ``next_card``, ``queue_counts``, ``submit_answer`` (grade → rating → fsrs →
  ``ReviewLog`` + ``CardState``, idempotent by answer key), ``rerate``, ``undo``,
  ``card_preview`` (intervals for the Again/Hard/Good/Easy buttons), ``last_undoable``.
* ``quiz``      — ``create_quiz``, ``quiz_position``, ``quiz_results``.
* ``accounts``  — ``register``, ``authenticate``, ``username_problem``.
* ``decks``     — ``deck_summaries``, ``article_view``.

Services add and flush; they never commit. The caller (a view, a CLI command, an API
handler) commits once, and only then acknowledges the result.
"""

"""The work behind the pages, the API and the CLI: plain functions of (session, ids, now).
Never imports Flask or the web/cli layers; the session type is ``quizapp.db.session.DbSession``.

* ``settings``  — ``settings_for(config, user)`` → ``StudySettings`` (scheduler settings, new
  cards per day, day rollover, learn-ahead); ``update_settings``.
* ``study``     — ``next_card``, ``queue_counts`` (due/new/learning-soon/done today, for
  "7 of 23"), ``submit_answer`` (grade → rating → fsrs → ``ReviewLog`` + ``CardState``,
  idempotent by answer key; ``source`` = study | quiz | classroom), ``rerate``,
  ``allowed_rerates``, ``rerate_buttons``, ``undo``, ``last_undoable``, ``get_review``
  (the learner's own answer or ``NotFound``), ``card_preview`` (intervals for the
  Again/Hard/Good/Easy buttons). Errors: ``StudyError`` (→ 400), ``NotFound`` (→ 404).
* ``quiz``      — ``create_quiz``, ``get_quiz``, ``next_question``, ``answer_question``,
  ``answers``, ``results``.
* ``accounts``  — ``register``, ``find_by_username``, ``authenticate``,
  ``adopt_guest_progress``, ``username_problem``, ``password_problem``,
  ``password_change_problems``, ``change_password``, ``deletion_problem``,
  ``owned_class_count``, ``delete_account`` (every row of the learner, children first).
* ``guests``    — ``quizapp prune-guests``: stale guests found and deleted in batches.
* ``erasure``   — ``erase_learners``: every row of some learners, children first.
* ``decks``     — ``deck_by_slug``, ``deck_summaries``, ``sections``, ``tags``,
  ``active_questions``, ``article_view`` (pure), ``source_context`` (a question's sentence
  in its paragraph).
* ``exports``   — ``export_file``: the one call into ``export/`` (Anki, type-in Anki, TSV,
  Quizlet, GIFT) for the web, the API and the CLI; ``export_sets`` — what a download holds
  (deck, section, tag, weak cards, assignment, a bank file) with retired questions and a
  file-name stem; ``weak_cards`` — a learner's lapsed or likely forgotten cards;
  ``note_times`` — the Anki change ledger; ``learner_progress`` — a learner's cards and
  review log as ``export.progress`` types.
* own decks (bring your own article): ``deck_access`` (who may see / edit a deck:
  ``viewable_deck``, ``owned_deck``, ``visible_to``), ``deck_upload`` (an uploaded article →
  text; ``UploadError``), ``authoring`` (``create_deck``, ``new_version``), ``deck_edits``
  (edit / retire / restore / add, stored as hand fixes; ``EditError``), ``review_list``
  (the review page's rows and filters), ``reports`` (learners flag questions),
  ``deck_files`` (bank / Anki / TSV / GIFT downloads with the edits: the one exporter call),
  ``deck_imports`` (``quizapp import --owner``; slugs never taken over).

Services add and flush; they never commit. The caller (a view, a CLI command, an API
handler) commits once, and only then acknowledges the result.
"""

"""Classroom self-testing (issue 5): teachers, classes with join codes, assignments,
attempts and reports.

Layout, one job per module:

* ``codes`` — join codes that are easy to read aloud (pure);
* ``picking`` — the deterministic question set of an attempt (pure);
* ``classes``, ``assignments``, ``attempts`` — services (take a session and ``now``, flush,
  never commit);
* ``access`` — who may see what (404 for what you may not know exists, 403 otherwise);
* ``report`` — report computations as pure functions of plain data; ``report_data`` loads
  that data from the database; ``csv_export`` writes the CSV download;
* ``forms`` — parsing the assignment form; ``qr`` — the join QR code as SVG;
* ``errors`` — the exceptions services raise; ``blueprint`` — the ``classroom`` blueprint,
  the mapping of those exceptions to 404/403/400 pages, and template filters;
* ``views`` (``views_teacher``, ``views_student``) — the routes.

Its tables live in ``quizapp.db.classroom``; ``quizapp create-teacher`` in ``quizapp.cli.teachers``.

Answers are written only by ``quizapp.services.study.submit_answer`` (source
"classroom"), so grading, idempotency and the FSRS schedule are the study service's.
"""

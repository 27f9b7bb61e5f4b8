"""The stylesheet every quizapp note type shares: readable on a phone and in night mode.

Plain CSS only, so it renders the same on Anki desktop, AnkiDroid, AnkiMobile and AnkiWeb.
Colours that differ in night mode are set under ``.nightMode`` (current clients) and
``.night_mode`` (older AnkiDroid); everything else inherits the client's own colours.
"""

from __future__ import annotations

CARD_CSS = """\
.card {
  font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 20px;
  line-height: 1.45;
  text-align: left;
  color: #1d1d1f;
  background-color: #ffffff;
  overflow-wrap: anywhere;
}
.qz { max-width: 38em; margin: 0 auto; padding: 0 4px; }
.qz-kind { font-size: 0.7em; letter-spacing: 0.04em; text-transform: uppercase; color: #6e6e73; }
.qz-prompt { margin: 0.4em 0 0.6em; }
.qz-answer { font-weight: 600; margin: 0.5em 0; }
.qz-accepted, .qz-explanation { margin: 0.5em 0; }
.qz-label { font-size: 0.75em; font-weight: 600; color: #6e6e73; }
.qz-source {
  margin-top: 1em; padding-left: 0.6em; border-left: 3px solid #c7c7cc; font-size: 0.8em;
}
.qz-section { font-weight: 600; }
.qz-retired { margin: 0.5em 0; color: #b42318; }
.qz-id { margin-top: 1em; font-size: 0.6em; color: #8e8e93; font-family: monospace; }
.cloze { font-weight: 700; color: #0a58ca; }
ol.qz-options { list-style: none; padding: 0; margin: 0.5em 0; }
ol.qz-options li {
  margin: 0.35em 0; padding: 0.45em 0.6em; border: 1px solid #c7c7cc; border-radius: 8px;
}
.qz-letter { display: inline-block; min-width: 1.4em; font-weight: 700; }
.qz-correct-A .qz-opt-A, .qz-correct-B .qz-opt-B,
.qz-correct-C .qz-opt-C, .qz-correct-D .qz-opt-D {
  border: 2px solid #1a7f37; background-color: rgba(26, 127, 55, 0.12); font-weight: 600;
}
.qz-correct-A .qz-opt-A::after, .qz-correct-B .qz-opt-B::after,
.qz-correct-C .qz-opt-C::after, .qz-correct-D .qz-opt-D::after {
  content: " \\2713";
}
.nightMode.card, .nightMode .card, .night_mode.card, .night_mode .card {
  color: #e5e5ea; background-color: #1c1c1e; }
.nightMode .qz-kind, .nightMode .qz-label, .night_mode .qz-kind, .night_mode .qz-label {
  color: #a1a1a6;
}
.nightMode .qz-source, .night_mode .qz-source { border-left-color: #48484a; }
.nightMode .cloze, .night_mode .cloze { color: #6ea8fe; }
.nightMode .qz-retired, .night_mode .qz-retired { color: #ff8a80; }
.nightMode ol.qz-options li, .night_mode ol.qz-options li { border-color: #48484a; }
.nightMode .qz-correct-A .qz-opt-A, .nightMode .qz-correct-B .qz-opt-B,
.nightMode .qz-correct-C .qz-opt-C, .nightMode .qz-correct-D .qz-opt-D,
.night_mode .qz-correct-A .qz-opt-A, .night_mode .qz-correct-B .qz-opt-B,
.night_mode .qz-correct-C .qz-opt-C, .night_mode .qz-correct-D .qz-opt-D {
  border-color: #3fb950; background-color: rgba(63, 185, 80, 0.18);
}
@media (max-width: 480px) { .card { font-size: 18px; } }
"""

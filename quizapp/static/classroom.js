// quizapp classroom: progressive enhancement only; every page works without it.
// * Report pages: poll the progress JSON and update the progress table in place.
// * Projector page: poll the number of students who joined.
// * Assignment form: fill in the teacher's time zone (an IANA name) for the times.
(function () {
  "use strict";

  function text(el, value) { el.textContent = value === null || value === undefined ? "—" : String(value); }

  function cell(value) { var td = document.createElement("td"); text(td, value); return td; }

  function renderRows(tbody, rows, linkBase) {
    var fresh = document.createDocumentFragment();
    rows.forEach(function (row) {
      var tr = document.createElement("tr");
      tr.dataset.student = row.student_id;
      var name = document.createElement("td");
      var a = document.createElement("a");
      a.href = linkBase.replace(/0$/, String(row.student_id));
      a.textContent = row.student;
      name.appendChild(a);
      tr.appendChild(name);
      tr.appendChild(cell(row.status));
      tr.appendChild(cell(row.answered + " / " + row.total));
      tr.appendChild(cell(row.score === null ? null : row.score + " %"));
      fresh.appendChild(tr);
    });
    if (rows.length) { tbody.replaceChildren(fresh); }
  }

  function startPolling(section) {
    var url = section.dataset.progressUrl;
    var every = Math.max(2, parseInt(section.dataset.pollSeconds || "5", 10)) * 1000;
    var tbody = section.querySelector("tbody");
    var linkBase = section.dataset.studentUrl;
    var note = section.querySelector("[data-live-note]");
    if (note) { note.textContent = "Updates every " + every / 1000 + " seconds."; }
    function tick() {
      if (document.hidden) { return; }
      fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (data) {
          ["joined", "started", "finished"].forEach(function (k) {
            var el = section.querySelector('[data-field="' + k + '"]');
            if (el) { text(el, data[k]); }
          });
          renderRows(tbody, data.students, linkBase);
        })
        .catch(function () { if (note) { note.textContent = "Live updates paused; reload the page."; } });
    }
    window.setInterval(tick, every);
  }

  // Projector page: the number of students who joined, refreshed every few seconds.
  function pollJoinCount(el) {
    var shown = el.querySelector('[data-field="joined"]');
    window.setInterval(function () {
      if (document.hidden) { return; }
      fetch(el.dataset.countUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (data) { if (shown.textContent !== String(data.joined)) { text(shown, data.joined); } })
        .catch(function () { return; });
    }, 3000);
  }

  function fillTimezone() {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    if (!zone) { return; }
    document.querySelectorAll("input[data-detect-timezone]").forEach(function (input) {
      input.value = zone;
    });
    document.querySelectorAll("[data-timezone-label]").forEach(function (el) { el.textContent = zone; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var live = document.querySelector("[data-progress-url]");
    if (live) { startPolling(live); }
    var joinCount = document.querySelector("[data-count-url]");
    if (joinCount) { pollJoinCount(joinCount); }
    fillTimezone();
  });
})();

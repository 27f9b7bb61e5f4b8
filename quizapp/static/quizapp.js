// quizapp keyboard shortcuts. Progressive enhancement only: every page works without it.
// Any element with data-key="1".."4", "space", "enter", "u" or "r" is clicked when that key is
// pressed while the learner is not typing in a field.
(function () {
  "use strict";

  var KEYS = { " ": "space", "Enter": "enter", "u": "u", "U": "u", "r": "r", "R": "r", "1": "1", "2": "2", "3": "3", "4": "4" };

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function activate(name) {
    var el = document.querySelector('[data-key="' + name + '"]');
    if (!el) { return false; }
    el.click();
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var name = KEYS[event.key];
    if (!name) { return; }
    // Enter on a focused button or link already activates it: leave it to the browser.
    if (name === "enter" && event.target && event.target.matches && event.target.matches("button, a")) { return; }
    // Space continues like Enter when there is nothing to reveal.
    if (activate(name) || (name === "space" && activate("enter"))) { event.preventDefault(); }
  });

  // Tell the server the learner's time zone (their study day starts at 4 a.m. there); the
  // settings page preselects it until the learner picks one.
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
  if (zone) {
    document.querySelectorAll("input[data-zone]").forEach(function (input) { input.value = zone; });
    document.querySelectorAll("select[data-detect-zone]").forEach(function (select) {
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === zone) { select.selectedIndex = i; break; }
      }
    });
  }

  // Phone-width menu: the toggle folds the navigation links (CSS shows it below 40rem).
  var toggle = document.querySelector(".menu-toggle");
  if (toggle) {
    var links = document.getElementById(toggle.getAttribute("aria-controls"));
    toggle.hidden = false;
    toggle.parentNode.classList.add("js-menu");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      links.classList.toggle("open", open);
    });
  }

  // One submission per answer form: a double click must not post twice (the server
  // would ignore the repeat anyway, thanks to the idempotency key). GET forms (the
  // download form) only fetch, and a download leaves the page in place: they may repeat.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.method === "get") { return; }
    if (form.dataset.submitted) { event.preventDefault(); return; }
    form.dataset.submitted = "1";
  });
})();

// crosscheck: small progressive enhancements. Pages work without it. Never builds HTML from strings.
(function () {
  "use strict";

  function matrixFilter() {
    var tools = document.getElementById("matrix-tools");
    var matrix = document.getElementById("matrix");
    if (!tools || !matrix) return;
    tools.hidden = false;
    tools.addEventListener("click", function (ev) {
      var btn = ev.target.closest("button[data-show], button[data-lang]");
      if (!btn) return;
      var show = btn.getAttribute("data-show");
      var lang = btn.getAttribute("data-lang");
      tools.querySelectorAll("button").forEach(function (b) { b.classList.toggle("on", b === btn); });
      matrix.querySelectorAll("tbody tr").forEach(function (row) {
        var keep = lang ? (row.getAttribute("data-langs") || "").split(" ").indexOf(lang) >= 0
                        : show === "all" || row.getAttribute("data-status") === show;
        row.classList.toggle("hidden", !keep);
      });
    });
  }

  function matrixHover() {
    var matrix = document.getElementById("matrix");
    if (!matrix) return;
    var heads = matrix.querySelectorAll("thead th.rep");
    function mark(col, on) {
      if (col < 0 || col >= heads.length) return;
      heads[col].classList.toggle("hot", on);
      var card = document.getElementById("rep-" + heads[col].textContent.trim());
      if (card) card.classList.toggle("hot", on);
      matrix.querySelectorAll("tbody tr").forEach(function (row) {
        var cell = row.querySelectorAll("td.cell")[col];
        if (cell) cell.classList.toggle("hot", on);
      });
    }
    function colOf(target) {
      var td = target.closest("td.cell, th.rep");
      if (!td) return -1;
      var list = td.tagName === "TH" ? Array.prototype.slice.call(heads)
        : Array.prototype.slice.call(td.parentNode.querySelectorAll("td.cell"));
      return list.indexOf(td);
    }
    matrix.addEventListener("mouseover", function (ev) { mark(colOf(ev.target), true); });
    matrix.addEventListener("mouseout", function (ev) { mark(colOf(ev.target), false); });
  }

  function highlightToggles() {
    var toggles = document.getElementById("toggles");
    var text = document.getElementById("doc-text");
    if (!toggles || !text) return;
    toggles.hidden = false;
    toggles.addEventListener("change", function (ev) {
      var kind = ev.target.getAttribute("data-kind");
      if (kind) text.classList.toggle("no-" + kind, !ev.target.checked);
    });
  }

  function flashTarget() {
    if (!location.hash) return;
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!el || !el.classList.contains("hl-claim")) return;
    el.classList.add("flash");
    el.scrollIntoView({ block: "center" });
  }

  document.addEventListener("DOMContentLoaded", function () {
    matrixFilter();
    matrixHover();
    highlightToggles();
    flashTarget();
  });
})();

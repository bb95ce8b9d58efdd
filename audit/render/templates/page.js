// The report pages' only script: filters on a document page, sorting on the index page.
// Each page is complete without it (the filter form stays hidden; the table keeps input order).
(function () {
  "use strict";

  var form = document.getElementById("filters");
  if (form) {
    form.hidden = false;
    form.addEventListener("change", function () {
      var off = {};
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        if (!box.checked) { off[box.name + ":" + box.value] = true; }
      });
      document.querySelectorAll("article.finding").forEach(function (finding) {
        finding.hidden = Boolean(off["severity:" + finding.dataset.severity] || off["category:" + finding.dataset.category]);
      });
      // A group whose findings are all hidden hides its heading too (inner groups first).
      var groups = Array.prototype.slice.call(document.querySelectorAll("section.finding-group")).reverse();
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("article.finding:not([hidden])");
      });
    });
  }

  var table = document.getElementById("documents");
  if (table) {
    var statusRank = { pass: 0, warn: 1, fail: 2, error: 3 };
    var numeric = { year: true, error: true, warning: true, info: true };
    var value = function (row, key) {
      var raw = row.dataset[key] || "";
      if (key === "status") { return statusRank[raw]; }
      if (numeric[key]) { return raw === "" ? null : Number(raw); }
      return raw;
    };
    table.querySelectorAll("th button[data-sort]").forEach(function (button) {
      button.addEventListener("click", function () {
        var th = button.closest("th");
        var key = button.dataset.sort;
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th[aria-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a, key), y = value(b, key), order = 0;
          if (x === null && y !== null) { return 1; }  // rows without a value go last either way
          if (y === null && x !== null) { return -1; }
          if (x !== y) { order = typeof x === "number" ? x - y : String(x).localeCompare(String(y), "zh"); }
          if (!ascending) { order = -order; }
          return order || Number(a.dataset.order) - Number(b.dataset.order);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
})();

// newsgraph dossier: highlight an item's evidence in its article, draw the charts, live search.
// Shared by the offline report (inlined) and the web app (served); no network, no library but plotly.
(function () {
  "use strict";

  function show(key) {
    document.querySelectorAll(".hl").forEach(function (el) { el.classList.remove("hl"); });
    var parts = document.querySelectorAll('[data-k~="' + CSS.escape(key) + '"]');
    parts.forEach(function (el) { el.classList.add("hl"); });
    if (parts.length) { parts[0].scrollIntoView({ block: "center" }); }
    return parts.length;
  }

  function drawCharts() {
    if (!window.Plotly) { return; }
    document.querySelectorAll(".chart[data-figure]").forEach(function (box) {
      var figure = JSON.parse(document.getElementById(box.getAttribute("data-figure")).textContent);
      window.Plotly.newPlot(box, figure.data, figure.layout, { displayModeBar: false, responsive: true });
      box.on("plotly_click", function (event) {
        var key = event.points[0].customdata;
        if (key) { show(key); }
      });
    });
  }

  function liveSearch(form) {
    var target = document.querySelector(form.getAttribute("data-target"));
    var timer = null;
    function run() {
      var query = new URLSearchParams(new FormData(form)).toString();
      fetch(form.getAttribute("data-live") + "?" + query, { headers: { "Accept": "text/html" } })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          target.innerHTML = html;
          history.replaceState(null, "", form.getAttribute("action") + "?" + query);
        });
    }
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 250); });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(); });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-show]");
    if (!link) { return; }
    event.preventDefault();
    var key = link.getAttribute("data-show");
    show(key);
    history.replaceState(null, "", "#" + key);
  });

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    document.querySelectorAll("form[data-live]").forEach(liveSearch);
    if (location.hash.length > 1) { show(decodeURIComponent(location.hash.slice(1))); }
  });
})();

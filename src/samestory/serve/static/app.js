// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Facts x outlets matrix: show one status at a time.
  document.querySelectorAll("button[data-filter]").forEach(function (button) {
    button.addEventListener("click", function () {
      var want = button.dataset.filter;
      document.querySelectorAll("button[data-filter]").forEach(function (b) {
        b.classList.toggle("on", b === button);
      });
      document.querySelectorAll("#matrix tbody tr").forEach(function (row) {
        row.classList.toggle("hidden", want !== "all" && row.dataset.status !== want);
      });
    });
  });
  // Article page: switch each kind of highlight on and off.
  var text = document.getElementById("article-text");
  document.querySelectorAll("#marks input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (text) text.classList.toggle("off-" + box.dataset.kind, !box.checked);
    });
  });
  // Compare page: an uploaded text file is shown in its box before sending.
  ["a", "b"].forEach(function (k) {
    var file = document.getElementById(k + "_file");
    var area = document.getElementById(k + "_text");
    if (!file || !area) return;
    file.addEventListener("change", function () {
      var f = file.files && file.files[0];
      if (!f || !/\.txt$/i.test(f.name)) return;
      var reader = new FileReader();
      reader.onload = function () { area.value = String(reader.result); };
      reader.readAsText(f);
    });
  });
})();

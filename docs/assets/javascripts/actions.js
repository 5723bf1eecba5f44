// The calls to action, improved when JavaScript runs; every one also works without it.
// "Copy link" is a plain link to the page: here it copies the address instead.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.kz-copy");
  if (!link || !navigator.clipboard) return;
  event.preventDefault();
  navigator.clipboard.writeText(link.href).then(function () {
    // The status region is in the page from the start (cta.html), so screen readers announce it.
    var status = link.closest(".kz-cta").querySelector(".kz-copy-status");
    var label = link.textContent;
    link.textContent = link.getAttribute("data-copied");
    if (status) status.textContent = link.getAttribute("data-copied");
    setTimeout(function () {
      link.textContent = label;
      if (status) status.textContent = "";
    }, 4000);
  });
});

// "Print or save as PDF": a button only where a script can press it; the hint stays for all.
document.querySelectorAll("button.kz-print").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});

// Material's navigation drawer (phone and tablet width): the menu icon opens it from the
// keyboard (Enter or Space), focus moves into it when it opens, and Escape closes it and returns focus.
(function () {
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("label.kz-menu");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  // Material already clicks a focused label on Enter; Space does the same here.
  button.addEventListener("keydown", function (event) {
    if (event.key === " ") {
      event.preventDefault();
      button.click();
    }
  });
  toggle.addEventListener("change", function () {
    if (!toggle.checked) return;
    var first = drawer.querySelector("a[href]");
    if (first) setTimeout(function () { first.focus(); }, 50);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !toggle.checked) return;
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    button.focus();
  });
})();

// The hreflang links, back to rel="alternate" once Material's script has looked (hreflang.js).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll('link[rel="kz-hreflang"]').forEach(function (link) {
    link.setAttribute("rel", "alternate");
  });
});

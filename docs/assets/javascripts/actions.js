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
  var label = document.querySelector("label.kz-menu");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !drawer) return;
  // Without a script the menu icon is a <label> of the drawer's hidden checkbox; here it becomes
  // a button that says whether the drawer is open (Enter and Space work as on any button).
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className;
  button.title = label.title;
  button.innerHTML = label.innerHTML;
  button.setAttribute("aria-expanded", "false");
  label.replaceWith(button);
  button.addEventListener("click", function () {
    toggle.checked = !toggle.checked;
    toggle.dispatchEvent(new Event("change"));
  });
  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    if (!toggle.checked) return;
    var first = drawer.querySelector("a[href]");
    if (first) setTimeout(function () { first.focus(); }, 50);
  });
  function close() {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !toggle.checked) return;
    close();
    button.focus();
  });
  // The overlay beside the open drawer, and the drawer's title, close it (theme_fixes.drawer).
  document.querySelectorAll("[data-kz-drawer-close]").forEach(function (element) {
    element.addEventListener("click", function (event) {
      if (!toggle.checked || event.target.closest("a[href]")) return;
      close();
      button.focus();
    });
  });
  // In the drawer, the table of contents' title leads back to the navigation (it was a label).
  var toc = document.getElementById("__toc");
  document.querySelectorAll("[data-kz-toc-close]").forEach(function (element) {
    element.addEventListener("click", function () {
      if (!toc || !toc.checked) return;
      toc.checked = false;
      toc.dispatchEvent(new Event("change"));
    });
  });
})();

// The colour scheme: a toggle button, "Dark mode", pressed or not. It clicks Material's hidden
// radio for the other scheme, and Material's script switches and remembers it.
(function () {
  var scheme = document.querySelector("button.kz-scheme");
  var radios = document.querySelectorAll('[data-md-component="palette"] input.md-option');
  if (!scheme || radios.length < 2) return;
  function dark() { return document.body.getAttribute("data-md-color-scheme") === "slate"; }
  function show() { scheme.setAttribute("aria-pressed", dark() ? "true" : "false"); }
  scheme.hidden = false;
  show();
  new MutationObserver(show).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  scheme.addEventListener("click", function () {
    var want = dark() ? "default" : "slate";
    for (var i = 0; i < radios.length; i++) {
      if (radios[i].getAttribute("data-md-color-scheme") === want) { radios[i].click(); break; }
    }
  });
})();

// The hreflang links, back to rel="alternate" once Material's script has looked (hreflang.js).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll('link[rel="kz-hreflang"]').forEach(function (link) {
    link.setAttribute("rel", "alternate");
  });
});

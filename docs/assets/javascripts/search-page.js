// The search page: Pagefind's interface, with results addressed from this site's own root,
// so it works at any path (GitHub Pages project sites, mirrors) and in every language.
// Opened from disk (the offline copy), search cannot work (its index loads with fetch and
// WebAssembly), so the page keeps its message and its link to everyone named.
(function () {
  var box = document.getElementById("kz-search");
  if (!box || window.location.protocol === "file:") return;

  function start() {
    var options = {
      element: "#kz-search",
      bundlePath: new URL(box.getAttribute("data-bundle") || "pagefind/", document.baseURI).pathname,
      // Result addresses are written from the site's root, which every language shares.
      baseUrl: new URL(box.getAttribute("data-root") || "./", document.baseURI).pathname,
      showSubResults: true,
      showImages: false,
      resetStyles: false
    };
    var translations = JSON.parse(box.getAttribute("data-translations") || "{}");
    if (Object.keys(translations).length) options.translations = translations;
    box.innerHTML = "";
    new window.PagefindUI(options);
    // Pagefind names its box only by a title: give it a visible label.
    var input = box.querySelector("input");
    if (input && box.getAttribute("data-label")) {
      input.id = "kz-search-input";
      var label = document.createElement("label");
      label.className = "kz-search__label";
      label.htmlFor = input.id;
      label.textContent = box.getAttribute("data-label");
      box.parentNode.insertBefore(label, box);
    }
  }

  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = box.getAttribute("data-style");
  document.head.appendChild(style);
  var script = document.createElement("script");
  script.src = box.getAttribute("data-script");
  script.onload = start;
  document.head.appendChild(script);
})();

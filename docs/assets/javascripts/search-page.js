// The search page: Pagefind's interface, with results addressed from this site's own root,
// so it works at any path (GitHub Pages project sites, mirrors).
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("kz-search");
  if (!box || !window.PagefindUI) return;
  box.innerHTML = "";
  new window.PagefindUI({
    element: "#kz-search",
    baseUrl: new URL(".", document.baseURI).pathname,
    showSubResults: true,
    showImages: false,
    resetStyles: false
  });
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
});

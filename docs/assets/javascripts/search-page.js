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
});

// The index of people: its filter links lead to static pages (people/status/released.html)
// without JavaScript; with it, they filter the cards in place and keep the address shareable
// (?status=released). Loaded on every page; does nothing where there is nothing to filter.
(function () {
  var index = document.querySelector("[data-kz-filterable]");
  if (!index) return;
  var links = document.querySelectorAll("a[data-filter]");
  var state = document.querySelector(".kz-filters__state");
  var clear = document.querySelector(".kz-filters__clear");
  var cards = index.querySelectorAll("li.kz-card");

  function apply(facet, value) {
    var shown = 0;
    cards.forEach(function (card) {
      // A card may carry several values of a facet (articles), separated by spaces.
      card.hidden = Boolean(facet) && (card.getAttribute("data-" + facet) || "").split(" ").indexOf(value) < 0;
      if (!card.hidden) shown += 1;
    });
    index.querySelectorAll(".kz-index__group").forEach(function (group) {
      group.hidden = !group.querySelector("li.kz-card:not([hidden])");
    });
    links.forEach(function (link) {
      if (link.getAttribute("data-filter") === (facet ? facet + ":" + value : "")) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    });
    clear.hidden = !facet;
    state.textContent = facet ? state.getAttribute("data-template").replace("{shown}", shown).replace("{total}", cards.length) : "";
  }

  links.forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var parts = link.getAttribute("data-filter").split(":");
      var url = new URL(window.location.href);
      url.search = parts[0] ? "?" + parts[0] + "=" + encodeURIComponent(parts[1]) : "";
      window.history.replaceState(null, "", url);
      apply(parts[0], parts[1]);
    });
  });
  var params = new URLSearchParams(window.location.search);
  ["group", "status", "role", "article"].forEach(function (facet) {
    if (params.get(facet)) apply(facet, params.get(facet));
  });
})();

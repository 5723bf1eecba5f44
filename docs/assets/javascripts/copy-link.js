// "Copy link": a plain link to the page without JavaScript; with it, copies the address.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.kz-copy");
  if (!link || !navigator.clipboard) return;
  event.preventDefault();
  navigator.clipboard.writeText(link.href).then(function () {
    var label = link.textContent;
    link.textContent = link.getAttribute("data-copied");
    link.setAttribute("aria-live", "polite");
    setTimeout(function () { link.textContent = label; }, 2000);
  });
});

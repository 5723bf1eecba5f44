// The calls to action, improved when JavaScript runs; every one also works without it.
// "Copy link" is a plain link to the page: here it copies the address instead.
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

// "Print or save as PDF": a button only where a script can press it; the hint stays for all.
document.querySelectorAll("button.kz-print").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});

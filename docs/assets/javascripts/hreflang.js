// Material's script reads every <link rel="alternate"> when the page has loaded and fetches a
// sitemap.xml beside each, to map languages; the switcher here needs no such fetch (it links
// each page to its translations directly). So the hreflang links are hidden from it for that
// moment: renamed here, before it runs, and named back by actions.js once it has looked.
document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
  link.setAttribute("rel", "kz-hreflang");
});

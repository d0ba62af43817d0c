// lwsite: reload the error page of `mkdocs serve` when the site is built again.
// The page's script element names a marker file and the token of the build that made the page;
// every half second the marker is read, and the page reloads once it holds another token or is
// gone (a build without errors removes it). Errors in reaching the server are retried.
(function () {
  "use strict";
  var script = document.currentScript;
  var marker = script.getAttribute("data-marker");
  var token = script.getAttribute("data-token");
  function poll() {
    fetch(marker + "?t=" + Date.now(), { cache: "no-store" })
      .then(function (response) {
        return response.ok ? response.text() : "";
      })
      .then(function (text) {
        if (text.trim() !== token) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 500);
        }
      }, function () {
        window.setTimeout(poll, 1000);
      });
  }
  window.setTimeout(poll, 500);
})();

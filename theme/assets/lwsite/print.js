/* lwsite: printing communication materials.
   - Buttons with data-lw-print open the browser's print dialog, where "Save as PDF" is
     one of the destinations. One delegated listener: no inline script, CSP-clean pages.
   - Links inside .lw-print-links get their full address in data-lw-href, which the print
     stylesheet prints after the link text (unless the text already is the address). */
document.addEventListener("click", function (event) {
  var target = event.target;
  var button = target && target.closest ? target.closest("[data-lw-print]") : null;
  if (button) {
    event.preventDefault();
    window.print();
  }
});

(function () {
  var links = document.querySelectorAll(".lw-print-links a[href]");
  for (var i = 0; i < links.length; i++) {
    var link = links[i];
    var address = link.href.replace(/^mailto:/, "");
    if (link.textContent.trim() === address) {
      link.setAttribute("data-lw-href-shown", "");
    } else {
      link.setAttribute("data-lw-href", address);
    }
  }
})();

/* On paper a chart's data table is printed beside it: open every "Data table" before printing,
   and close again after, as the reader left them. */
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var boxes = document.querySelectorAll("details.lw-data:not([open])");
    for (var i = 0; i < boxes.length; i++) { boxes[i].open = true; opened.push(boxes[i]); }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) { opened.pop().open = false; }
  });
})();

// claimgraph web app: small enhancements only; every page works without this file.
// On an article, hovering or focusing a highlight outlines every highlight of the
// same statement or dispute (its speaker, cue, content and figures).
(function () {
  "use strict";
  var text = document.querySelector(".article-text");
  if (!text) {
    return;
  }
  var active = [];
  function clear() {
    active.forEach(function (el) { el.classList.remove("hl-active"); });
    active = [];
  }
  function show(target) {
    clear();
    var el = target.closest ? target.closest("[data-ref]") : null;
    if (!el) {
      return;
    }
    el.getAttribute("data-ref").split(" ").forEach(function (ref) {
      text.querySelectorAll("[data-ref]").forEach(function (other) {
        if (other.getAttribute("data-ref").split(" ").indexOf(ref) >= 0) {
          other.classList.add("hl-active");
          active.push(other);
        }
      });
    });
  }
  text.addEventListener("mouseover", function (e) { show(e.target); });
  text.addEventListener("mouseleave", clear);
  document.documentElement.setAttribute("data-enhanced", "true");
})();

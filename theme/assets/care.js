// 关怀模式 (large type, stronger contrast, larger targets; care.css). Loaded in <head> without defer so a
// remembered choice applies before the first paint. Without JavaScript the "关怀模式" link still works for
// the page being read (care.css also applies to html:has(#care:target)) and "退出关怀模式" leaves it; this
// script makes the pair one switch that is remembered on this phone (localStorage) and never reloads the page.
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "site-care";
  root.classList.add("js");
  try {
    // An address ending in #care (the no-JavaScript link, or one shared with a relative) turns it on too.
    if (location.hash === "#care") { localStorage.setItem(KEY, "1"); }
    if (localStorage.getItem(KEY) === "1") { root.classList.add("care"); }
  } catch (e) { /* storage may be off in private mode: the switch still works for this page */ }

  function setCare(on) {
    root.classList.toggle("care", on);
    try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { }
    // Leaving: drop a #care from the address, or a reload (or a shared link) would turn it on again.
    if (!on && location.hash === "#care" && history.replaceState) {
      history.replaceState(null, "", location.pathname + location.search);
    }
  }

  // With JavaScript each link is a button; the one that does not apply is hidden by care.css, so the
  // header shows "关怀模式" or "退出关怀模式", never both, and focus moves to the one now shown.
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".care-switch a"), function (link) {
      var on = link.classList.contains("care-on");
      link.setAttribute("role", "button");
      function press(event) {
        event.preventDefault();
        setCare(on);
        var other = link.parentNode.querySelector(on ? ".care-off" : ".care-on");
        if (other) { other.focus(); }
      }
      link.addEventListener("click", press);
      // A button also answers the space bar.
      link.addEventListener("keydown", function (event) { if (event.key === " ") { press(event); } });
    });
  });
})();

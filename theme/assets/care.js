// 关怀模式 (large type, stronger contrast, larger targets; care.css). Loaded in <head> without defer so a
// remembered choice applies before the first paint. Without JavaScript the "关怀模式" link still works for
// the page being read (care.css also applies to html:has(#care:target)); this script makes it one
// switch that is remembered on this phone (localStorage) and never reloads the page.
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
    label();
  }

  // With JavaScript the pair becomes one toggle button ("标准模式" is hidden by care.css).
  function label() {
    Array.prototype.forEach.call(document.querySelectorAll(".care-switch .care-on"), function (link) {
      link.setAttribute("role", "button");
      link.setAttribute("aria-pressed", String(root.classList.contains("care")));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    label();
    Array.prototype.forEach.call(document.querySelectorAll(".care-switch .care-on"), function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        setCare(!root.classList.contains("care"));
      });
      // A button also answers the space bar.
      link.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); setCare(!root.classList.contains("care")); }
      });
    });
  });
})();

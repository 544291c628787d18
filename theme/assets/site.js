// Progressive enhancement only: every page works without this file except live search and
// comment forms. No framework, no external requests besides our own /api.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
})();

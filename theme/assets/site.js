// Progressive enhancement only: every page works without this file except live search.
// No framework and no requests to other hosts: only our own /api.
(function () {
  "use strict";

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // A table wider than the screen scrolls sideways inside .table-wrap; on a phone nothing shows that
  // columns are hidden to the right, so such a wrapper gets a hint (.overflows in site.css), kept up to
  // date when the phone is turned.
  function markOverflowingTables() {
    $all(".table-wrap").forEach(function (wrap) {
      wrap.classList.toggle("overflows", wrap.scrollWidth > wrap.clientWidth + 1);
    });
  }
  markOverflowingTables();
  window.addEventListener("resize", markOverflowingTables);

  // With JavaScript, the header search goes to the live search page instead of the server-rendered one.
  $all("form.site-search").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var q = form.querySelector("input[name=q]").value.trim();
      location.href = "/search/?q=" + encodeURIComponent(q);
    });
  });

  // "打印“三亮”卡片" goes to #card, which the print stylesheet prints alone; with JavaScript the
  // print dialog opens as well, once the fragment is in place.
  $all("a[data-print]").forEach(function (link) {
    link.addEventListener("click", function () { setTimeout(function () { window.print(); }, 0); });
  });

  // 履职统计: each column's link leads to a page sorted by it (no script needed); with JavaScript
  // the rows are sorted in place (largest first, ties in roster order; 姓名 back to roster order) and
  // the address becomes that page's, so a reload or a shared link shows the same order.
  $all("table[data-sortable]").forEach(function (table) {
    var body = table.tBodies[0];
    var links = $all("thead a[data-sort]", table).concat($all("[data-sort-for=\"" + table.id + "\"] a[data-sort]"));
    function sort(key, href) {
      var link = $("thead a[data-sort=\"" + key + "\"]", table);
      if (!link) { return false; }
      var th = link.closest("th"), index = th.cellIndex;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var order = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
        if (key === "name") { return order; }
        return (Number(b.cells[index].getAttribute("data-value")) - Number(a.cells[index].getAttribute("data-value"))) || order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      $all("thead th", table).forEach(function (cell) { cell.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", key === "name" ? "ascending" : "descending");
      links.forEach(function (a) {
        if (!a.closest("[data-sort-for]")) { return; }
        if (a.getAttribute("data-sort") === key) { a.setAttribute("aria-current", "true"); } else { a.removeAttribute("aria-current"); }
      });
      if (href && history.replaceState) { history.replaceState(null, "", href.split("#")[0]); }
      return true;
    }
    links.forEach(function (a) {
      a.addEventListener("click", function (event) {
        if (sort(a.getAttribute("data-sort"), a.getAttribute("href"))) { event.preventDefault(); }
      });
    });
  });

  // Filter a roster's rows or a list's cards by the text in their data-name, offline, or by the
  // start of any pinyin form in data-pinyin (wjg, wang, wangjianguo for 王建国). A group
  // (a township's stations) with nothing left is hidden too, and the count says how many remain.
  // What is typed is folded first: full-width letters and digits to ASCII (NFKC), and traditional
  // characters to simplified through data-fold, the page's own few pairs of the site search's table
  // (陳陈華华: each traditional character, then its simplified one), so 陳美華 finds 陈美华 here as
  // the search does.
  $all("input[data-filter-target]").forEach(function (input) {
    var target = document.getElementById(input.getAttribute("data-filter-target"));
    var count = document.getElementById(input.getAttribute("data-filter-target") + "-count");
    var fold = {}, pairs = input.getAttribute("data-fold") || "";
    for (var i = 0; i + 1 < pairs.length; i += 2) { fold[pairs.charAt(i)] = pairs.charAt(i + 1); }
    function folded(text) {
      if (text.normalize) { text = text.normalize("NFKC"); }
      return Array.prototype.map.call(text, function (c) { return Object.prototype.hasOwnProperty.call(fold, c) ? fold[c] : c; }).join("");
    }
    input.addEventListener("input", function () {
      var typed = input.value.trim();
      var q = folded(typed).trim();
      var latin = q.toLowerCase().replace(/\s+/g, "");
      var shown = 0, places = 0;
      $all("[data-name]", target).forEach(function (item) {
        var pinyin = (item.getAttribute("data-pinyin") || "").split(" ");
        var byPinyin = /^[a-z]+$/.test(latin) && pinyin.some(function (p) { return p.indexOf(latin) === 0; });
        // Entries marked data-filter-only (a village's page) show only when they match, and are
        // not counted with the stations.
        var only = item.hasAttribute("data-filter-only");
        item.hidden = q === "" ? only : item.getAttribute("data-name").toLowerCase().indexOf(q.toLowerCase()) < 0 && !byPinyin;
        if (!item.hidden) { if (only) places++; else shown++; }
      });
      $all("[data-filter-group]", target).forEach(function (group) {
        group.hidden = $all("[data-name]", group).every(function (item) { return item.hidden; });
      });
      filterCount(input, target, count, typed, shown, places);
    });
    // In place of the search page the no-JavaScript form goes to.
    if (input.form) { input.form.addEventListener("submit", function (event) { event.preventDefault(); }); }
  });

  // What a filter says: a roster (data-filter-unit, a table) keeps "共 N 名" and with nothing left
  // hides its header row and its order ("，按姓氏笔画排序", #<target>-order) too, offers the name one
  // character off (王建过 → 王建国, wangjiangou → 王建国) and links the site search (data-filter-search)
  // with what was typed; a list of places says how many it found.
  function filterCount(input, target, count, q, shown, places) {
    var unit = input.getAttribute("data-filter-unit");
    if (target.tHead) { target.tHead.hidden = shown === 0; }
    var order = document.getElementById(target.id + "-order");
    if (order) { order.hidden = q !== "" && shown === 0; }
    if (!count) { return; }
    if (unit) {
      var all = $all("[data-name]", target).length;
      if (q !== "" && shown === 0) {
        var close = closeName(target, q);
        say(count, ["本页没有找到“" + q + "”。"].concat(
          close ? ["您是不是要找", link(close.querySelector("a[href]").getAttribute("href"), close.getAttribute("data-name")), "？"] : [],
          ["可以到", searchLink(input, q), "查找。"]));
        return;
      }
      count.textContent = q === "" ? "共 " + all + " " + unit : "找到 " + shown + " " + unit;
    } else if (q !== "" && shown === 0 && places === 0) {
      say(count, ["没有找到“" + q + "”，请换个地名试试，或到", searchLink(input, q), "查找。"]);
    } else {
      count.textContent = q === "" ? "" : shown > 0 ? "找到 " + shown + " 个" : "这里暂无家站点，请点开下面的地区查看就近的家站点。";
    }
  }

  // A sentence of text and links, built as nodes (what was typed is never read as markup).
  function say(element, parts) {
    element.textContent = "";
    parts.forEach(function (part) { element.appendChild(typeof part === "string" ? document.createTextNode(part) : part); });
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function searchLink(input, q) {
    return link((input.getAttribute("data-filter-search") || "/search/") + "?q=" + encodeURIComponent(q), "全站搜索");
  }

  // The first row (in the page's order) whose name, or whose whole pinyin, is one edit from what was
  // typed (two characters or more; five letters or more) and that links to a page; null when none.
  function closeName(target, q) {
    var latin = q.toLowerCase().replace(/\s+/g, "");
    var byPinyin = /^[a-z]+$/.test(latin);
    if (byPinyin ? latin.length < 5 : q.length < 2) { return null; }
    var rows = $all("[data-name]", target);
    for (var i = 0; i < rows.length; i++) {
      var forms = byPinyin ? (rows[i].getAttribute("data-pinyin") || "").split(" ").slice(0, 1) : [rows[i].getAttribute("data-name")];
      if (forms.some(function (form) { return oneEdit(form.toLowerCase(), byPinyin ? latin : q); })) {
        if (rows[i].querySelector("a[href]")) { return rows[i]; }
      }
    }
    return null;
  }

  // Whether b is a one character substitution, insertion or deletion away from a.
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) { return false; }
    var i = 0;
    while (i < a.length && i < b.length && a.charAt(i) === b.charAt(i)) { i++; }
    return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1)
      : a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // A station's next reception days, computed from its rule when the page is viewed (Beijing
  // date), so the list never runs dry between builds. Same rule as ReceptionRule.Next: a day a
  // month does not have (31日 in April, 第五个周三) is skipped, as iCalendar skips it.
  $all("[data-reception]").forEach(function (box) {
    var rule;
    try { rule = JSON.parse(box.getAttribute("data-reception")); } catch (e) { return; }
    var now = new Date(Date.now() + 8 * 3600 * 1000);
    var today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    var dates = [];
    function add(t) { if (t >= today && dates.length < 3 && dates.indexOf(t) < 0) dates.push(t); }
    if (rule.k === "dates") {
      rule.d.forEach(function (d) { var p = d.split("-"); add(Date.UTC(+p[0], +p[1] - 1, +p[2])); });
      dates.sort(function (a, b) { return a - b; });
    } else if (rule.k === "weekly") {
      for (var i = 0; i < 14 && dates.length < 3; i++) {
        var t = today + i * 86400000;
        if (rule.w.indexOf(new Date(t).getUTCDay()) >= 0) add(t);
      }
    } else {
      for (var m = 0; m < 24 && dates.length < 3; m++) {
        var y = now.getUTCFullYear(), mo = now.getUTCMonth() + m;
        var length = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
        if (rule.k === "monthdays") {
          rule.d.forEach(function (d) { if (d <= length) add(Date.UTC(y, mo, d)); });
        } else if (rule.n < 0) {
          var last = Date.UTC(y, mo, length);
          add(last - ((new Date(last).getUTCDay() - rule.w + 7) % 7) * 86400000);
        } else {
          var first = Date.UTC(y, mo, 1);
          var day = 1 + (rule.w - new Date(first).getUTCDay() + 7) % 7 + (rule.n - 1) * 7;
          if (day <= length) add(Date.UTC(y, mo, day));
        }
      }
    }
    if (dates.length === 0) return;
    // The date and the time range each kept whole (span.nw): in 关怀模式 "9:00—" / "12:00" broke apart.
    var hours = rule.s ? " <span class=\"nw\">" + rule.s + (rule.e ? "—" + rule.e : "起") + "</span>" : "";
    box.querySelector("ul").innerHTML = dates.map(function (t) {
      var d = new Date(t);
      return "<li><span class=\"nw\">" + d.getUTCFullYear() + "年" + (d.getUTCMonth() + 1) + "月" + d.getUTCDate() + "日（周" + "日一二三四五六".charAt(d.getUTCDay()) + "）</span>" + hours + "</li>";
    }).join("");
    box.hidden = false;
  });

  // Suggestion filters: status, result class, handling unit; the count follows.
  $all("form[data-filter-table]").forEach(function (form) {
    var table = document.getElementById(form.getAttribute("data-filter-table"));
    var count = document.getElementById(form.getAttribute("data-filter-table") + "-count");
    function apply() {
      var shown = 0;
      $all("tbody tr", table).forEach(function (row) {
        var ok = $all("select[data-filter]", form).every(function (select) {
          return select.value === "" || row.getAttribute("data-" + select.getAttribute("data-filter")) === select.value;
        });
        row.hidden = !ok;
        if (ok) { shown++; }
      });
      if (count) { count.textContent = "共 " + shown + " 件"; }
    }
    // The choices live in the address (?status=…&result=…&unit=…), as the form's GET puts them.
    var remember = function () {
      var params = new URLSearchParams();
      $all("select[data-filter]", form).forEach(function (select) { if (select.value) { params.set(select.name, select.value); } });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    };
    var initial = new URLSearchParams(location.search);
    $all("select[data-filter]", form).forEach(function (select) {
      var wanted = initial.get(select.name);
      if (wanted && $all("option", select).some(function (o) { return o.value === wanted; })) { select.value = wanted; }
    });
    apply();
    form.addEventListener("change", function () { apply(); remember(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); remember(); });
  });

  // Draft pages: live counts, a heat mark per article, the comment period by the live clock, and the
  // comment form. The page says what was true when it was built; the endpoint's stats answer says
  // whether comments are taken now ("not-yet-open", "open", "closed"), and the form follows it.
  var draft = $("article.draft[data-draft]");
  if (draft) {
    var draftId = draft.getAttribute("data-draft");
    var period = $(".draft-status", draft);
    var statusTexts = { "not-yet-open": "尚未开始征求意见", open: "征求意见中", closed: "征求意见已截止" };
    var statusClasses = { "not-yet-open": "upcoming", open: "open", closed: "closed" };
    // "2026-12-20T23:59:59+08:00" (the endpoint keeps the build's Beijing offset) → "2026年12月20日".
    var chineseDate = function (iso) {
      var d = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
      return d ? d[1] + "年" + Number(d[2]) + "月" + Number(d[3]) + "日" : null;
    };
    // Every date of the period on the page is a <time> (white-space: nowrap, so "2026年12月20日" never breaks on
    // a phone); the endpoint's dates replace the build's in place, keeping that markup.
    var showPeriod = function (opens, closes) {
      [["data-opens", opens], ["data-closes", closes]].forEach(function (pair) {
        var built = period && period.getAttribute(pair[0]);
        var text = chineseDate(pair[1]);
        if (!built || !text) { return; }
        $all("time", draft).forEach(function (el) {
          if (el.getAttribute("datetime") === built) { el.textContent = text; el.setAttribute("datetime", pair[1]); }
        });
        period.setAttribute(pair[0], pair[1]);
      });
    };
    var applyStatus = function (status, opens, closes) {
      var badge = period && $(".status", period);
      if (!badge || !statusTexts[status]) { return; }
      showPeriod(opens, closes);
      badge.textContent = statusTexts[status];
      badge.className = "status " + statusClasses[status];
      var form = $("#comment-form");
      if (form) { form.hidden = status !== "open"; }
      $all(".comment-upcoming").forEach(function (el) { el.hidden = status !== "not-yet-open"; });
      $all(".comment-closed").forEach(function (el) { el.hidden = status !== "closed"; });
      $all(".article-actions").forEach(function (el) { el.hidden = status !== "open"; });
    };
    // Without an answer from the endpoint, this device's clock decides.
    var statusByClock = function () {
      var now = Date.now();
      var opens = Date.parse(period ? period.getAttribute("data-opens") : "");
      var closes = Date.parse(period ? period.getAttribute("data-closes") : "");
      if (!isNaN(opens) && now < opens) { return "not-yet-open"; }
      if (!isNaN(closes) && now > closes) { return "closed"; }
      return "open";
    };
    var loadStats = function () {
      fetch("/api/drafts/" + encodeURIComponent(draftId) + "/stats", { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (stats) {
          if (!stats) { applyStatus(statusByClock()); return; }
          applyStatus(stats.status || statusByClock(), stats.opens, stats.closes);
          // Channels: "网上征求意见" is the site's own; every other one (来信, 座谈会 …) was imported offline.
          var channels = stats.channels || {};
          var online = channels["网上征求意见"] || 0;
          var offline = Object.keys(channels).filter(function (c) { return c !== "网上征求意见"; })
            .sort(function (a, b) { return channels[b] - channels[a] || (a < b ? -1 : a > b ? 1 : 0); }); // most first
          stats.online = online;
          $all("[data-stat]").forEach(function (el) { el.textContent = stats[el.getAttribute("data-stat")]; });
          // When the live count was taken, beside it: the report's figure above it has its own date.
          var now = new Date();
          $all("[data-stat-time]").forEach(function (el) {
            el.textContent = "，截至" + (now.getMonth() + 1) + "月" + now.getDate() + "日 " + now.getHours() + ":" + ("0" + now.getMinutes()).slice(-2);
            el.hidden = false;
          });
          var groups = $("#draft-groups");
          if (groups) {
            groups.hidden = !(stats.duplicated > 0);
            groups.textContent = stats.duplicated > 0
              ? stats.comments + " 条意见，其中 " + stats.duplicated + " 条内容相同或相近（" + stats.groups + " 组）" : "";
          }
          var channelLine = $("#draft-channels");
          if (channelLine) {
            var offlineTotal = offline.reduce(function (sum, c) { return sum + channels[c]; }, 0);
            channelLine.hidden = offline.length === 0;
            // The endpoint's own record, so it adds up to its total ("comments"), never to the report's.
            channelLine.textContent = offline.length === 0 ? "" : "本网站记录：在线提交 " + online + " 条，线下渠道录入 " + offlineTotal + " 条（"
              + offline.map(function (c) { return c + " " + channels[c] + " 条"; }).join("，") + "），合计 " + (online + offlineTotal) + " 条";
          }
          var max = 1;
          Object.keys(stats.articles || {}).forEach(function (k) { max = Math.max(max, stats.articles[k]); });
          $all("[data-article-count]").forEach(function (el) {
            var anchor = el.getAttribute("data-article-count");
            var n = (stats.articles || {})[anchor] || 0;
            var away = (stats.articlesOffline || {})[anchor] || 0;
            el.textContent = n === 0 ? "" : away > 0 ? "已有 " + n + " 条意见（网上 " + (n - away) + " 条，线下 " + away + " 条）" : "已有 " + n + " 条意见";
            el.closest(".article").style.setProperty("--heat", (n / max).toFixed(2));
          });
        })
        .catch(function () { applyStatus(statusByClock()); /* counts are a nicety; the text is what matters */ });
    };
    loadStats();
    // A page left open across the deadline (or the opening) changes state then, without a reload.
    [period && period.getAttribute("data-opens"), period && period.getAttribute("data-closes")].forEach(function (when) {
      var wait = Date.parse(when || "") - Date.now();
      if (wait > 0 && wait < 86400000) { setTimeout(loadStats, wait + 1000); }
    });

    // The comment form is sent by the shared submission code below; an article's "对本条提意见"
    // link chooses the article, and a stored comment refreshes the counts.
    var form = $("#comment-form");
    if (form) {
      var article = $("#comment-article", form);
      $all("a[data-article]").forEach(function (link) {
        link.addEventListener("click", function () {
          if (article.value !== link.getAttribute("data-article")) {
            article.value = link.getAttribute("data-article");
            article.dispatchEvent(new Event("change"));
          }
          setTimeout(function () { $("#comment-text", form).focus(); }, 0);
        });
      });
      form.addEventListener("submission:stored", loadStats);
    }
  }

  // Every submission form (a comment on a draft, a message to a deputy or a station), one code path:
  // the form posts to its own action as JSON with an Idempotency-Key, so a second click or a retry
  // after a lost connection is the same submission, never a second one. What was typed (the fields
  // marked data-keep: never the name or contact) is kept on this device until a receipt arrives,
  // and every failure is said in Chinese with the text left in place. Without JavaScript the same
  // forms post as plain forms and the endpoint answers with a receipt page.
  // As the endpoint counts (SubmissionText.Normalize, then text elements): CR LF and a lone CR as one
  // line break, the ends trimmed, each character as a person sees it (an emoji, 𠮷, a flag: 1).
  var graphemes = function (text) {
    text = text.replace(/\r\n?/g, "\n").trim();
    if (window.Intl && Intl.Segmenter) {
      var n = 0, it = new Intl.Segmenter("zh", { granularity: "grapheme" }).segment(text)[Symbol.iterator]();
      while (!it.next().done) { n++; }
      return n;
    }
    return Array.from(text).length;
  };
  $all("form[data-submission]").forEach(function (form) {
    var key = form.getAttribute("data-store-key");
    var kept = $all("[data-keep]", form);
    var result = $("[data-result]", form);
    var button = $("button[type=submit]", form);
    var idem = form.elements.idempotencyKey;
    var busy = false;
    var noun = form.getAttribute("data-submission") === "message" ? "留言" : "意见";
    var valueOf = function (el) { return el.type === "checkbox" ? el.checked : el.value; };
    // maxlength and minlength count UTF-16 units (an emoji as 2), so near the limit they would stop a
    // text the endpoint takes. Without script they stay (stricter than the endpoint, never looser);
    // with it the same limits are checked in characters as a person sees them, and the browser's own
    // check shows the Chinese sentence and holds the form back while the text is over.
    $all("textarea[maxlength], textarea[minlength]", form).forEach(function (area) {
      var max = Number(area.getAttribute("maxlength") || 0), min = Number(area.getAttribute("minlength") || 0);
      area.removeAttribute("maxlength");
      area.removeAttribute("minlength");
      area.setAttribute("data-max", max);
      area.setAttribute("data-min", min);
      area.checkLength = function () {
        var n = graphemes(area.value);
        area.setCustomValidity(max > 0 && n > max ? "最多 " + max + " 字，已写 " + n + " 字，请删减 " + (n - max) + " 字"
          : n > 0 && n < min ? "至少 " + min + " 字，已写 " + n + " 字" : "");
      };
      area.addEventListener("input", area.checkLength);
    });
    // An empty required field is said in Chinese, not in the browser's own language (a phone set to
    // English would say "Please fill out this field" on a Chinese form). The length check above keeps
    // its own sentence: the empty-field one is cleared as soon as something is typed or ticked.
    $all("[required]", form).forEach(function (el) {
      var empty = el.type === "checkbox" ? "请勾选此项" : "请填写此项";
      el.addEventListener("invalid", function () {
        if (el.validity.valueMissing) { el.setCustomValidity(empty); }
      });
      el.addEventListener(el.type === "checkbox" ? "change" : "input", function () {
        if (el.validationMessage === empty) { el.setCustomValidity(""); }
        if (el.checkLength) { el.checkLength(); }
      });
    });
    // The counter counts characters as a person sees them (and as the endpoint counts them).
    $all("textarea[data-counter]", form).forEach(function (area) {
      var counter = document.getElementById(area.getAttribute("data-counter"));
      var max = Number(counter.getAttribute("data-max"));
      var min = Number(area.getAttribute("data-min") || 0);
      var update = function () {
        var n = graphemes(area.value);
        counter.textContent = n === 0 ? "最多 " + max + " 字" : n < min ? "已写 " + n + " 字，至少 " + min + " 字"
          : n > max ? "已写 " + n + " 字，超出 " + (n - max) + " 字，请删减" : "已写 " + n + " 字，还可写 " + (max - n) + " 字";
        counter.classList.toggle("over", n > max);
      };
      area.addEventListener("input", update);
      counter.updateCount = update;
    });
    try {
      var saved = JSON.parse(localStorage.getItem(key) || "null");
      if (saved) {
        kept.forEach(function (el) {
          if (!(el.name in saved)) { return; }
          if (el.type === "checkbox") { el.checked = !!saved[el.name]; } else { el.value = saved[el.name] || ""; }
        });
        idem.value = saved.idempotencyKey || "";
      }
    } catch (e) { /* storage may be off in private mode */ }
    $all(".counter", form).forEach(function (c) { if (c.updateCount) { c.updateCount(); } });
    $all("textarea", form).forEach(function (area) { if (area.checkLength) { area.checkLength(); } });
    var save = function () {
      var data = { idempotencyKey: idem.value };
      kept.forEach(function (el) { data[el.name] = valueOf(el); });
      try { localStorage.setItem(key, JSON.stringify(data)); } catch (e) { }
    };
    // A key stands for one submission: once what is said changes, the next submission is a new one
    // with a new key (the endpoint refuses a key reused for a different text).
    var changed = function () { idem.value = ""; save(); };
    kept.forEach(function (el) { el.addEventListener(el.tagName === "TEXTAREA" ? "input" : "change", changed); });
    // A corrected name or phone number is a different submission too (never kept on the device).
    $all("input, textarea, select", form).forEach(function (el) {
      if (!el.name || el.name === "idempotencyKey" || Array.prototype.indexOf.call(kept, el) >= 0) { return; }
      el.addEventListener(el.type === "checkbox" ? "change" : "input", changed);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (busy) { return; }
      busy = true;
      if (!idem.value) {
        idem.value = (window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
        save();
      }
      button.disabled = true;
      result.className = "";
      result.textContent = "正在提交……";
      var body = {};
      $all("input, textarea, select", form).forEach(function (el) {
        if (!el.name || el.name === "idempotencyKey") { return; }
        body[el.name] = el.type === "checkbox" ? el.checked : (el.value || null);
      });
      body.text = body.text || "";
      fetch(form.getAttribute("action"), {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "Idempotency-Key": idem.value },
        body: JSON.stringify(body)
      }).then(function (response) {
        // The endpoint answers every failure with a Chinese sentence (problem JSON); anything else
        // (a proxy's error page) is said as what it is, not as a lost connection.
        return response.json().then(function (data) { return { ok: response.ok, status: response.status, data: data || {} }; },
          function () { return { ok: false, status: response.status, data: {} }; });
      }, function () {
        return null;
      }).then(function (answer) {
        if (answer === null) {
          result.className = "error";
          result.textContent = "网络连接失败，" + noun + "未提交。您填写的内容已保存在本机，恢复网络后请再次点击提交，不会重复登记。";
        } else if (answer.ok) {
          var receipt = String(answer.data.receipt || "");
          result.className = "receipt";
          result.innerHTML = escapeHtml(form.getAttribute("data-stored") || "已保存") + "。回执编号：<strong class=\"receipt-number\">" + escapeHtml(receipt) +
            "</strong>，请记下以便查询。<a href=\"/receipts/?number=" + encodeURIComponent(receipt) + "\">查询回执</a>" +
            (answer.data.note ? "<br>" + escapeHtml(answer.data.note) : "");
          // Sent: nothing of it stays in the form (text, name, phone; the ticks back as the page had
          // them), on a shared phone least of all; the receipt above stays. On a failure (below)
          // everything typed stays.
          $all("textarea, input", form).forEach(function (el) {
            if (el.type === "hidden" || el.type === "submit" || el.type === "button") { return; }
            if (el.type === "checkbox" || el.type === "radio") { el.checked = el.defaultChecked; return; }
            el.value = "";
            el.dispatchEvent(new Event("input"));
          });
          idem.value = "";
          try { localStorage.removeItem(key); } catch (e) { }
          form.dispatchEvent(new CustomEvent("submission:stored", { detail: answer.data }));
        } else {
          var errors = answer.data.errors ? Object.keys(answer.data.errors).map(function (k) { return answer.data.errors[k].join("；"); }) : [];
          var said = answer.data.detail || answer.data.title;
          if (answer.status === 422) { idem.value = ""; save(); }
          result.className = "error";
          result.textContent = said
            ? said + (errors.length ? "：" + errors.join("；") : "")
            : "服务器暂时无法处理（HTTP " + answer.status + "），" + noun + "未提交。您填写的内容已保存在本机，请稍后再试。";
        }
      }).then(function () { button.disabled = false; busy = false; });
    });
  });

  // Published messages of a deputy or a station (text, reply, dates; never a name or a contact) and
  // this year's figures, from the endpoint's JSON: figures {year, received, answered,
  // medianDaysToAnswer}, messages [{text, date, statusLabel, unit, reply, repliedOn}], newest first. Without script, or when the endpoint does not
  // answer, the link to the endpoint's page of the same stays.
  var dateText = function (iso) {
    var d = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return d ? d[1] + "年" + Number(d[2]) + "月" + Number(d[3]) + "日" : "";
  };
  var paragraphs = function (text) {
    return String(text || "").split(/\n+/).filter(function (p) { return p.trim() !== ""; })
      .map(function (p) { return "<p>" + escapeHtml(p) + "</p>"; }).join("");
  };
  $all("[data-messages]").forEach(function (box) {
    fetch(box.getAttribute("data-messages"), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        var figures = data.figures;
        var list = data.messages || [];
        if (figures) {
          var median = figures.medianDaysToAnswer;
          var items = [
            [figures.received, (figures.year || "") + "年收到留言"],
            [figures.answered, "已答复"],
            [median === null || median === undefined ? "—" : Math.round(median * 10) / 10, "答复用时中位数", "天"]
          ];
          var ul = $("[data-message-figures]", box);
          // The unit goes beside the number (as the endpoint's page has it), never onto a line of its own.
          ul.innerHTML = items.map(function (f) {
            var unit = f[2] && f[0] !== "—" ? "<small> " + f[2] + "</small>" : "";
            return "<li><span><strong>" + escapeHtml(f[0]) + unit + "</strong>" + escapeHtml(f[1]) + "</span></li>";
          }).join("");
          ul.hidden = false;
        }
        $("[data-message-list]", box).innerHTML = list.map(function (m) {
          var reply = m.reply ? "<div class=\"reply\"><p class=\"meta\">" + escapeHtml((m.unit ? m.unit : "") + "答复" + (m.repliedOn ? "（" + dateText(m.repliedOn) + "）" : "")) + "：</p>" + paragraphs(m.reply) + "</div>"
            : "<p class=\"meta\">尚未答复</p>";
          return "<li><p class=\"meta\"><time datetime=\"" + escapeHtml(m.date || "") + "\">" + escapeHtml(dateText(m.date)) + "</time> 留言</p>" +
            paragraphs(m.text) + reply + "</li>";
        }).join("");
        $("[data-message-empty]", box).hidden = list.length > 0;
        $("[data-message-link]", box).hidden = true;
      })
      .catch(function () { /* the link to the endpoint's page stays */ });
  });

  // 查询回执: with script the answer is shown on this page (and the number kept in the address, so
  // the page can be bookmarked); without it the form opens the endpoint's lookup page.
  var receiptForm = $("#receipt-form");
  if (receiptForm) {
    var receiptInput = $("#receipt-number");
    var receiptBox = $("#receipt-answer");
    var lookup = function (number) {
      number = number.trim();
      if (number === "") { return; }
      history.replaceState(null, "", "/receipts/?number=" + encodeURIComponent(number));
      receiptBox.innerHTML = "<p class=\"meta\">正在查询……</p>";
      fetch(receiptForm.getAttribute("data-json").replace("{number}", encodeURIComponent(number)), { headers: { Accept: "application/json" } })
        .then(function (r) {
          return r.json().then(function (data) { return { ok: r.ok, status: r.status, data: data || {} }; },
            function () { return { ok: false, status: r.status, data: {} }; });
        }, function () { return null; })
        .then(function (answer) {
          if (answer === null) {
            receiptBox.innerHTML = "<p class=\"error\">网络连接失败，请稍后再试。</p>";
          } else if (!answer.ok) {
            var said = answer.data.detail || answer.data.title || "查询暂时无法完成（HTTP " + answer.status + "），请稍后再试。";
            receiptBox.innerHTML = "<p class=\"error\" role=\"alert\">" + escapeHtml(said) + "</p>";
          } else {
            receiptBox.innerHTML = receiptHtml(answer.data);
          }
        });
    };
    // GET /api/receipts/{number}: receipt, kindLabel (意见/留言), subject {title, url}, receivedAt,
    // statusLabel, history [{statusLabel, at, unit}], reply {text, date, from}, report {title, url}, removed.
    var receiptHtml = function (r) {
      var subject = r.subject || {};
      var rows = [["回执编号", r.receipt], ["类别", r.kindLabel], [subject.kind === "draft" ? "针对" : "留言对象", subject.title], ["提交时间", dateText(r.receivedAt)], ["当前状态", r.statusLabel]];
      var html = "<div class=\"receipt-found profile facts-only\"><dl>" + rows.filter(function (x) { return x[1]; })
        .map(function (x) { return "<dt>" + escapeHtml(x[0]) + "</dt><dd>" + escapeHtml(x[1]) + "</dd>"; }).join("") + "</dl></div>";
      if (subject.url) { html += "<p><a href=\"" + escapeHtml(subject.url) + "\">查看" + escapeHtml(subject.title || "相关页面") + "</a></p>"; }
      if (r.removed) { html += "<p class=\"notice\">这条留言已应本人要求删除，内容和联系方式已不再保存。</p>"; }
      var steps = r.history || [];
      if (steps.length) {
        html += "<h2>办理进度</h2><ol class=\"timeline\">" + steps.map(function (h) {
          return "<li><p class=\"meta\">" + escapeHtml(dateText(h.at)) + "</p><p>" + escapeHtml(h.statusLabel || "") + (h.unit ? "（" + escapeHtml(h.unit) + "）" : "") + "</p></li>";
        }).join("") + "</ol>";
      }
      if (r.reply && r.reply.text) {
        html += "<h2>答复</h2><div class=\"reply\"><p class=\"meta\">" + escapeHtml((r.reply.from || "") + (r.reply.date ? " " + dateText(r.reply.date) : "")) + "</p>" + paragraphs(r.reply.text) + "</div>";
      }
      if (r.report && r.report.url) { html += "<p><a href=\"" + escapeHtml(r.report.url) + "\">查看" + escapeHtml(r.report.title) + "</a></p>"; }
      return html;
    };
    receiptForm.addEventListener("submit", function (event) { event.preventDefault(); lookup(receiptInput.value); });
    var initialNumber = new URLSearchParams(location.search).get("number");
    if (initialNumber) { receiptInput.value = initialNumber; lookup(initialNumber); }
  }

  // Live search page: results as you type. The endpoint renders the results (facets, snippets,
  // pager) once, for both this and the no-JavaScript page; here only the results block is swapped in.
  var searchForm = $("#search-form");
  if (searchForm) {
    var input = $("#search-q");
    var box = $("#search-results");
    var timer = null;
    var seq = 0;
    // `kept`: the address's other parameters (page, type, region, year) for the page's first search;
    // a newly typed query starts again from its first page, unfiltered.
    var run = function (kept) {
      var q = input.value.trim();
      var mine = ++seq;
      if (q === "") { box.innerHTML = ""; return; }
      var query = new URLSearchParams(kept || "");
      query.set("q", q);
      history.replaceState(null, "", "/search/?" + query.toString());
      fetch("/api/search/page?" + query.toString(), { headers: { Accept: "text/html" } })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          if (mine !== seq) { return; }
          var found = new DOMParser().parseFromString(html, "text/html").getElementById("search-results");
          box.innerHTML = found ? found.innerHTML : "<p class=\"error\">搜索服务暂时不可用，请稍后再试。</p>";
        })
        .catch(function () { box.innerHTML = "<p class=\"error\">搜索服务暂时不可用，请稍后再试。</p>"; });
    };
    searchForm.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(); }, 200); });
    var initial = new URLSearchParams(location.search).get("q");
    // A page the endpoint rendered (a pager or filter link) already shows its results: searching
    // again here would lose its page and filters.
    if (initial && box.children.length === 0) { input.value = initial; run(location.search); }
  }
})();

/*
 * Briefing: the header search box (Material's look) backed by Pagefind.
 *
 * - Over http(s): Pagefind (pagefind/pagefind.js, built after `mkdocs build`
 *   by `python -m generator build`). It downloads only the index chunks a
 *   query needs. Results are re-ranked with each page's front-matter
 *   `search: boost:` (a Pagefind filter), so digests and entity pages come
 *   before single articles, like Material's own search would rank them.
 * - From disk (file://), or when the Pagefind bundle is missing (mkdocs serve):
 *   assets/javascripts/search-index.js, one row per page (title, date,
 *   summary), loaded with a <script> tag and searched here.
 * - From disk, links to folders ("../topics/x/") are rewritten to
 *   ".../index.html" so navigation works without a web server.
 *
 * Nothing is loaded from another host.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var fromDisk = location.protocol === "file:";
  var config = {};
  try {
    config = JSON.parse(document.getElementById("__config").textContent);
  } catch (err) {
    config = {};
  }
  var root = new URL(String(config.base || ".").replace(/\/*$/, "/"), location.href);
  var indexUrl = new URL(script.getAttribute("data-index"), location.href).href;
  var pagefindUrl = new URL(script.getAttribute("data-pagefind"), location.href).href;
  var t = config.translations || {};
  var PAGE_SIZE = 10;

  /* ---------------------------------------------------------------------
   * Navigation from disk: "dir/" -> "dir/index.html"
   * ------------------------------------------------------------------- */

  function diskHref(href) {
    if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === "#" || href.charAt(0) === "/") {
      return href;
    }
    var m = /^([^?#]*)(.*)$/.exec(href);
    var path = m[1];
    if (path === "") return href;
    if (path.charAt(path.length - 1) === "/") path += "index.html";
    else if (path === "." || path === ".." || /\/\.\.?$/.test(path)) path += "/index.html";
    else return href;
    return path + m[2];
  }

  function diskUrl(url) {
    // An absolute file:// URL to a folder -> its index.html
    if (!fromDisk) return url;
    var u = new URL(url, location.href);
    if (u.protocol === "file:" && /\/$/.test(u.pathname)) u.pathname += "index.html";
    return u.href;
  }

  if (fromDisk) {
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      var fixed = diskHref(href);
      if (fixed !== href) links[i].setAttribute("href", fixed);
    }
  }

  /* ---------------------------------------------------------------------
   * Search engines: each returns {search(query) -> Promise<[hit]>} where a
   * hit is {load() -> Promise<{url, title, date, type, excerpt}>}
   * ------------------------------------------------------------------- */

  function pagefindEngine() {
    return import(pagefindUrl).then(function (pagefind) {
      return Promise.resolve(pagefind.options({ baseUrl: root.pathname, excerptLength: 26 })).then(function () {
        Promise.resolve(pagefind.init()).catch(function () {});
        // The boost values (a filter), loaded while the first query runs.
        var boostsReady = Promise.resolve(pagefind.filters()).then(function (filters) {
          return Object.keys((filters && filters.boost) || {}).filter(function (v) {
            return isFinite(parseFloat(v)) && parseFloat(v) !== 1;
          });
        });
        return {
            name: "pagefind",
            // Pagefind's own advice: fetch the index pieces for what is typed so far while
            // the reader types, so the search itself (after the pause) has them at hand.
            preload: function (query) { return Promise.resolve(pagefind.preload(query)).catch(function () {}); },
            search: function (query) {
              var boosts = [];
              var runs = [pagefind.search(query), boostsReady.then(function (values) {
                boosts = values;
                return Promise.all(values.map(function (v) { return pagefind.search(query, { filters: { boost: v } }); }));
              })];
              return Promise.all(runs).then(function (pair) {
                var all = [pair[0]].concat(pair[1]);
                var boostOf = {};
                boosts.forEach(function (v, k) {
                  var res = all[k + 1];
                  (res && res.results || []).forEach(function (r) { boostOf[r.id] = parseFloat(v); });
                });
                var main = all[0] && all[0].results || [];
                return main.map(function (r) {
                  var b = boostOf[r.id] === undefined ? 1 : boostOf[r.id];
                  return { score: r.score * b, result: r };
                }).sort(function (a, b) { return b.score - a.score; }).map(function (x) {
                  return {
                    score: x.score,
                    load: function () {
                      return x.result.data().then(function (d) {
                        var meta = d.meta || {};
                        return {
                          url: d.url, title: meta.title || d.url, date: meta.date || "",
                          type: meta.type || "", excerpt: d.excerpt || "", html: true
                        };
                      });
                    }
                  };
                });
              });
            }
          };
        });
    });
  }

  function offlineEngine() {
    return new Promise(function (resolve, reject) {
      if (window.__briefingIndex) return resolve(window.__briefingIndex);
      var tag = document.createElement("script");
      tag.src = indexUrl;
      tag.onload = function () { resolve(window.__briefingIndex || []); };
      tag.onerror = function () { reject(new Error("search index not found: " + indexUrl)); };
      document.head.appendChild(tag);
    }).then(function (rows) {
      var docs = rows.map(function (row) {
        return {
          url: row[0], title: String(row[1] || row[0]), date: String(row[2] || ""), type: String(row[3] || ""),
          boost: parseFloat(row[4]) || 1, text: String(row[5] || ""),
          t: fold(row[1]), b: fold(row[5])
        };
      });
      return {
        name: "offline",
        search: function (query) {
          var terms = fold(query).split(/\s+/).filter(Boolean);
          var hits = [];
          if (!terms.length) return Promise.resolve(hits);
          docs.forEach(function (doc) {
            // Every term must occur; a term in a short title (a topic's or a
            // person's name) counts most, then in a long headline, then in the text.
            var score = 0;
            var covered = 0;
            for (var k = 0; k < terms.length; k++) {
              var inTitle = termScore(doc.t, terms[k]);
              var s = inTitle * 5 + termScore(doc.b, terms[k]);
              if (!s) return;
              if (inTitle) covered += terms[k].length;
              score += s;
            }
            score *= 1 + covered / Math.max(doc.t.length, 1);
            hits.push({ doc: doc, score: score * doc.boost });
          });
          hits.sort(function (a, b) { return b.score - a.score; });
          return Promise.resolve(hits.map(function (h) {
            return {
              score: h.score,
              load: function () {
                return Promise.resolve({
                  url: new URL(h.doc.url, root).href, title: h.doc.title, date: h.doc.date,
                  type: h.doc.type, excerpt: h.doc.text, terms: terms, html: false
                });
              }
            };
          }));
        }
      };
    });
  }

  function fold(s) {
    return String(s || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function termScore(hay, term) {
    var at = hay.indexOf(term);
    if (at < 0) return 0;
    var wordStart = at === 0 || /[^a-z0-9]/.test(hay.charAt(at - 1));
    return wordStart ? 2 : 1;
  }

  var enginePromise = null;
  function engine() {
    if (!enginePromise) {
      enginePromise = fromDisk ? offlineEngine() : pagefindEngine().catch(function () { return offlineEngine(); });
    }
    return enginePromise;
  }

  /* ---------------------------------------------------------------------
   * The search box
   * ------------------------------------------------------------------- */

  var input = document.querySelector("[data-briefing-search-query]");
  var box = document.querySelector("[data-briefing-search-result]");
  if (!input || !box) return;
  var toggle = document.getElementById("__search");
  var form = input.form;
  var metaEl = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var scrollwrap = box.closest(".md-search__scrollwrap");
  var current = null;  // the latest query: {hits, shown, loading}
  var timer = null;

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  var KINDS = { digest: "Story digest", entity: "Entity", article: "Article", index: "List" };

  function formatDate(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value || "");
    if (!m || +m[2] < 1 || +m[2] > 12) return value || "";
    return +m[3] + " " + MONTHS[+m[2] - 1] + " " + m[1];
  }

  function say(text) {
    metaEl.textContent = text;
  }

  function countText(n) {
    if (n === 0) return t["search.result.none"] || "No matching documents";
    if (n === 1) return t["search.result.one"] || "1 matching document";
    return (t["search.result.other"] || "# matching documents").replace("#", String(n));
  }

  function decode(html) {
    // Text of an HTML fragment, without running or keeping any markup.
    return new DOMParser().parseFromString("<body>" + html, "text/html").body.textContent || "";
  }

  function fillExcerpt(p, item) {
    if (item.html) {
      // Pagefind's excerpt: text with <mark> around the matches; keep only those.
      var parts = String(item.excerpt).split(/(<mark>|<\/mark>)/);
      var marked = false;
      parts.forEach(function (part) {
        if (part === "<mark>") { marked = true; return; }
        if (part === "</mark>") { marked = false; return; }
        var text = decode(part);
        if (!text) return;
        if (marked) {
          var mark = document.createElement("mark");
          mark.textContent = text;
          p.appendChild(mark);
        } else {
          p.appendChild(document.createTextNode(text));
        }
      });
      return;
    }
    var text = item.excerpt.length > 240 ? item.excerpt.slice(0, 240).replace(/\s+\S*$/, "") + "…" : item.excerpt;
    var terms = (item.terms || []).filter(Boolean).map(function (x) {
      return x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    if (!terms.length) { p.textContent = text; return; }
    var re = new RegExp("(" + terms.join("|") + ")", "gi");
    text.split(re).forEach(function (part, k) {
      if (!part) return;
      if (k % 2) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(part));
      }
    });
  }

  function renderItem(item, score) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = diskUrl(item.url);
    a.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    article.setAttribute("data-md-score", score.toFixed(2));
    if (item.type) article.setAttribute("data-type", item.type);
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    var h1 = document.createElement("h1");
    h1.textContent = item.title;
    article.appendChild(icon);
    article.appendChild(h1);
    var info = [];
    if (item.date) info.push(formatDate(item.date));
    if (KINDS[item.type]) info.push(KINDS[item.type]);
    if (info.length) {
      var nav = document.createElement("nav");
      nav.className = "briefing-search-result__info";
      if (item.date) {
        var time = document.createElement("time");
        time.setAttribute("datetime", item.date);
        time.textContent = info[0];
        nav.appendChild(time);
        if (info.length > 1) nav.appendChild(document.createTextNode(" · " + info[1]));
      } else {
        nav.textContent = info[0];
      }
      article.appendChild(nav);
    }
    if (item.excerpt) {
      var p = document.createElement("p");
      fillExcerpt(p, item);
      article.appendChild(p);
    }
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function showMore(state, first) {
    if (state !== current || state.loading || state.shown >= state.hits.length) return Promise.resolve();
    state.loading = true;
    var slice = state.hits.slice(state.shown, state.shown + PAGE_SIZE);
    var loads = slice.map(function (hit) { return hit.load(); });  // all requested at once
    // The first result is shown as soon as its own fragment is in, not after the
    // slowest of the page's fragments; the others follow, in order.
    var head = first ? loads[0].then(function (item) {
      if (state !== current) return;
      list.textContent = "";
      list.appendChild(renderItem(item, slice[0].score));
    }) : Promise.resolve();
    return head.then(function () {
      return Promise.all(loads.slice(first ? 1 : 0));
    }).then(function (items) {
      state.loading = false;
      if (state !== current) return;
      var from = first ? 1 : 0;
      items.forEach(function (item, k) { list.appendChild(renderItem(item, slice[k + from].score)); });
      state.shown += slice.length;
    }, function (err) {
      state.loading = false;
      throw err;
    });
  }

  function run(query) {
    var state = { hits: [], shown: 0, loading: false };
    current = state;
    query = query.trim();
    if (!query) {
      list.textContent = "";
      say(t["search.result.placeholder"] || "Type to start searching");
      return Promise.resolve();
    }
    return engine().then(function (eng) {
      return eng.search(query);
    }).then(function (hits) {
      if (state !== current) return;
      state.hits = hits;
      if (!hits.length) list.textContent = "";
      say(countText(hits.length));
      return showMore(state, true);
    }).catch(function (err) {
      if (state !== current) return;
      say("Search is not available: " + (err && err.message ? err.message : err));
    });
  }

  function open() {
    if (toggle && !toggle.checked) toggle.checked = true;
    engine();  // start loading while the reader types
  }

  function close() {
    if (toggle) toggle.checked = false;
    input.blur();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var value = input.value;
    if (value.trim()) {
      engine().then(function (eng) { if (eng.preload) eng.preload(value.trim()); }).catch(function () {});
    }
    timer = setTimeout(function () { run(value); }, 80);
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      close();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      var first = list.querySelector(".md-search-result__link");
      if (first) location.href = first.href;
    } else if (ev.key === "ArrowDown") {
      var link = list.querySelector(".md-search-result__link");
      if (link) { ev.preventDefault(); link.focus(); }
    }
  });
  list.addEventListener("keydown", function (ev) {
    var links = Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    if (ev.key === "ArrowDown" && at + 1 < links.length) { ev.preventDefault(); links[at + 1].focus(); }
    if (ev.key === "ArrowUp") { ev.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
    if (ev.key === "Escape") close();
  });
  if (form) {
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { run(""); input.focus(); }, 0);
    });
  }
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) input.focus();
      else input.blur();
    });
  }
  if (scrollwrap) {
    scrollwrap.addEventListener("scroll", function () {
      if (scrollwrap.scrollTop + scrollwrap.clientHeight >= scrollwrap.scrollHeight - 80) if (current) showMore(current, false);
    });
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var target = ev.target;
    if (target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName))) return;
    if (ev.key === "/" || ev.key === "s" || ev.key === "f") {
      ev.preventDefault();
      input.focus();
    }
  });
})();

/** Static assets of the exported self-service site (see kb-export.ts). */

export const KB_SITE_CSS = `:root{color-scheme:light;--bg:#f5f7fb;--card:#fff;--text:#1b2333;--muted:#5b6578;--accent:#1d5fd6;--accent-soft:#e8f0fe;--border:#dde3eb}
*{box-sizing:border-box}html{scroll-padding-top:1rem}
body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;background:var(--bg);color:var(--text)}
a{color:var(--accent)}a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.wrap{max-width:64rem;margin:0 auto;padding:0 1.25rem}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}.skip:focus{left:1rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.site-header{background:linear-gradient(135deg,#0f1b2e,#1d3f7a);color:#fff;padding:1.25rem 0 2.25rem}
.site-header .wrap{display:flex;flex-direction:column;gap:1rem}
.brand{color:#fff;font-weight:700;font-size:1.2rem;text-decoration:none}
.search{display:flex;gap:.5rem;max-width:40rem}
.search input{flex:1;font:inherit;padding:.75rem 1rem;border-radius:10px;border:0;min-width:0}
.search button{font:inherit;font-weight:600;padding:.75rem 1.25rem;border:0;border-radius:10px;background:#5c98ff;color:#0f1b2e;cursor:pointer}
main.wrap{padding:2rem 1.25rem 3rem;outline:none}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 .5rem}.lead,.muted{color:var(--muted)}
.categories{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:1rem;margin-top:1.5rem}
.category,.results,.article{background:var(--card);border:1px solid var(--border);border-radius:14px;padding:1.25rem 1.5rem}
.category h2,.results h2{font-size:1.1rem;margin:0 0 .75rem}.count{font-size:.8rem;font-weight:600;color:var(--accent);background:var(--accent-soft);border-radius:99px;padding:.1rem .5rem;margin-left:.25rem}
.article-list{list-style:none;margin:0;padding:0}.article-list li{padding:.5rem 0;border-top:1px solid var(--border)}.article-list li:first-child{border-top:0}
.article-list a{font-weight:600;text-decoration:none}.article-list a:hover{text-decoration:underline}.article-list p{margin:.15rem 0 0;font-size:.9rem;color:var(--muted)}
.results{margin-top:1.5rem}
.crumbs{font-size:.9rem;color:var(--muted);margin-bottom:1rem}
.article{max-width:48rem}.article-body h2{font-size:1.3rem;margin:1.5rem 0 .5rem}.article-body table{border-collapse:collapse}.article-body th,.article-body td{border:1px solid var(--border);padding:.4rem .7rem}
.article-body code{background:var(--accent-soft);padding:.1rem .3rem;border-radius:4px}.article-body blockquote{margin:0;padding:.25rem 1rem;border-left:4px solid var(--border);color:var(--muted)}
.tags{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:1.5rem 0 0}.tags li{font-size:.8rem;background:var(--accent-soft);color:var(--accent);border-radius:99px;padding:.15rem .6rem}
.attachments h2{font-size:1rem}.back{margin-top:1.5rem}
.site-footer{color:var(--muted);font-size:.85rem;padding:1.5rem 0;border-top:1px solid var(--border)}
`;

/**
 * Client-side search over assets/search-index.js (loaded on the first search): accent-insensitive, every query word must match an
 * article's word by prefix, or (for a longer query word) start with one of its stems, so
 * "cancelar" finds "cancelamento". Title matches rank first. Results are built with DOM text,
 * never HTML. Without JavaScript the form still leads to the full list on index.html.
 */
export const KB_SITE_JS = `(function () {
  'use strict';
  var input = document.getElementById('busca');
  if (!input) return;
  var root = input.getAttribute('data-root') || '';
  var section = document.getElementById('resultados');
  var data = null;
  var timer = null;
  function fold(s) { return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase(); }
  function words(s) { return fold(s).split(/[^a-z0-9]+/).filter(function (w) { return w.length > 1; }); }
  // The index is a script, loaded on the first search: it works from a web server and from the
  // folder opened straight from disk (file://), where browsers refuse fetch().
  var loading = null;
  function load() {
    if (data) return Promise.resolve(data);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = root + 'assets/search-index.js';
        script.onload = function () {
          data = (window.ATENDE_KB_INDEX && window.ATENDE_KB_INDEX.articles) || [];
          resolve(data);
        };
        script.onerror = function () { loading = null; reject(new Error('search index not found')); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }
  function score(a, qs) {
    var total = 0;
    for (var i = 0; i < qs.length; i++) {
      var q = qs[i], best = 0, j;
      for (j = 0; j < a.tk.length && !best; j++) if (a.tk[j].indexOf(q) === 0) best = 3;
      for (j = 0; j < a.k.length && !best; j++) {
        var k = a.k[j];
        if (k.indexOf(q) === 0 || (k.length >= 4 && q.length > k.length && q.indexOf(k) === 0)) best = 1;
      }
      if (!best) return 0;
      total += best;
    }
    return total;
  }
  function show(query) {
    var qs = words(query);
    var categories = document.getElementById('categorias');
    if (qs.length === 0) { section.hidden = true; if (categories) categories.hidden = false; return; }
    load().then(function (articles) {
      var hits = articles.map(function (a) { return { a: a, s: score(a, qs) }; }).filter(function (h) { return h.s > 0; });
      hits.sort(function (x, y) { return y.s - x.s || x.a.t.localeCompare(y.a.t, 'pt-BR'); });
      var list = document.getElementById('resultados-lista');
      while (list.firstChild) list.removeChild(list.firstChild);
      hits.slice(0, 30).forEach(function (h) {
        var li = document.createElement('li');
        var link = document.createElement('a');
        link.href = root + h.a.u;
        link.textContent = h.a.t;
        var p = document.createElement('p');
        p.textContent = (h.a.c ? h.a.c + ' · ' : '') + h.a.s;
        li.appendChild(link);
        li.appendChild(p);
        list.appendChild(li);
      });
      document.getElementById('resultados-contagem').textContent = hits.length === 0 ? 'Nenhum artigo encontrado. Tente outras palavras.' : hits.length === 1 ? '1 artigo encontrado' : hits.length + ' artigos encontrados';
      section.hidden = false;
      if (categories) categories.hidden = true;
    }).catch(function () { section.hidden = true; });
  }
  if (section) {
    var initial = new URLSearchParams(window.location.search).get('q');
    if (initial) { input.value = initial; show(initial); }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { show(input.value); }, 120);
    });
    input.form.addEventListener('submit', function (e) { e.preventDefault(); show(input.value); });
  }
})();
`;

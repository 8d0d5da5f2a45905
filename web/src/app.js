// alaqat web UI: the network at a date (Cytoscape.js), a pair's timeline,
// the evidence highlighted in its article (spans are UTF-8 byte offsets),
// search and contradictions, over the JSON API (docs/API.md). Text from the
// store is only ever inserted with textContent, never as HTML.
'use strict';
(function () {
  const I18N = {
    ar: {
      title: 'علاقات', subtitle: 'شبكة التنظيمات كما ترويها الأخبار', search: 'بحث',
      searchPh: 'ابحث في النصوص… (النصر* للبادئة)', network: 'الشبكة', at: 'الشبكة في تاريخ',
      cooperative: 'تعاون', hostile: 'عداء', structural: 'ارتباط تنظيمي', timeline: 'الخط الزمني',
      evidence: 'الدليل', results: 'نتائج البحث', contradictions: 'التناقضات',
      pickEdge: 'انقر على خط في الشبكة لعرض تاريخ العلاقة بين الطرفين.',
      pickClaim: 'اختر ادعاءً من الخط الزمني لعرضه في نصه.', edges: 'علاقة', nodes: 'طرف',
      loading: 'جارٍ التحميل…', noEdges: 'لا علاقات حتى هذا التاريخ', showText: 'عرض في النص',
      claimsOf: 'ادعاءات', undated: 'بلا تاريخ', author: 'الكاتب', source: 'المصدر',
      otherClaims: 'ادعاءات أخرى في هذا النص', noResults: 'لا نتائج', noContradictions: 'لا تناقضات',
      more: 'المزيد', error: 'خطأ', lang: 'English', docDate: 'تاريخ النص', reason_polarity: 'نفي وإثبات',
      reason_class: 'تعاون وعداء', vs: 'مقابل', of: 'من',
      affirmed: 'مثبت', negated: 'منفي', asserted: 'مؤكد', possible: 'محتمل',
      alliance: 'تحالف', merger: 'اندماج', cooperation: 'تعاون', reconciliation: 'مصالحة', support: 'دعم',
      conflict: 'قتال', rivalry: 'تنافس', split: 'انشقاق', affiliation: 'تبعية',
      person: 'شخص', outlet: 'وسيلة إعلام', official: 'جهة رسمية', anonymous: 'مصدر مجهول'
    },
    en: {
      title: 'alaqat', subtitle: 'the network of organizations as the news tells it', search: 'Search',
      searchPh: 'Search the texts… (prefix*)', network: 'Network', at: 'Network at',
      cooperative: 'cooperative', hostile: 'hostile', structural: 'structural', timeline: 'Timeline',
      evidence: 'Evidence', results: 'Search results', contradictions: 'Contradictions',
      pickEdge: 'Click an edge of the network to see the history of that pair.',
      pickClaim: 'Pick a claim of a timeline to see it in its article.', edges: 'edges', nodes: 'actors',
      loading: 'Loading…', noEdges: 'no relations up to this date', showText: 'show in the article',
      claimsOf: 'Claims', undated: 'undated', author: 'the author', source: 'source',
      otherClaims: 'Other claims in this text', noResults: 'No results', noContradictions: 'No contradictions',
      more: 'More', error: 'Error', lang: 'عربي', docDate: 'document date', reason_polarity: 'affirmed vs negated',
      reason_class: 'cooperative vs hostile', vs: 'vs', of: 'of',
      affirmed: 'affirmed', negated: 'negated', asserted: 'asserted', possible: 'possible',
      alliance: 'alliance', merger: 'merger', cooperation: 'cooperation', reconciliation: 'reconciliation',
      support: 'support', conflict: 'conflict', rivalry: 'rivalry', split: 'split', affiliation: 'affiliation',
      person: 'person', outlet: 'outlet', official: 'official', anonymous: 'anonymous'
    }
  };
  const COLORS = { cooperative: '#2e7d32', hostile: '#c62828', structural: '#1565c0' };
  const MARK_OPEN = '\ue000', MARK_CLOSE = '\ue001';
  const state = { lang: 'ar', actors: new Map(), days: [], cy: null, positions: new Map(), pair: null, lastDoc: null };
  const $ = (id) => document.getElementById(id);
  const t = (k) => (I18N[state.lang][k] !== undefined ? I18N[state.lang][k] : k);

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const k of kids) if (k !== null && k !== undefined) e.append(k instanceof Node ? k : String(k));
    return e;
  }

  async function api(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') q.set(k, v);
    const url = '/api/' + path + (q.toString() ? '?' + q : '');
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => ({ error: r.statusText }));
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  }

  function name(id) {
    const a = state.actors.get(id);
    if (!a) return id;
    return (state.lang === 'ar' ? a.arabic || a.english : a.english || a.arabic) || id;
  }

  // ---- language ------------------------------------------------------------
  function applyLang() {
    const root = document.documentElement;
    root.lang = state.lang;
    root.dir = state.lang === 'ar' ? 'rtl' : 'ltr';
    document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder); });
    $('lang').textContent = t('lang');
    $('lang').lang = state.lang === 'ar' ? 'en' : 'ar';
    if (state.cy) state.cy.nodes().forEach((n) => n.data('label', name(n.id())));
    if (state.graph) showCount(state.graph);
    if (state.pair) showTimeline(state.pair[0], state.pair[1], true);
  }

  // ---- the network ---------------------------------------------------------
  const day = 86400000;
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

  function edgeElements(g) {
    return g.edges.map((e) => ({
      group: 'edges',
      data: { id: 'e:' + e.a + '|' + e.b, source: e.a, target: e.b, cls: e.class, type: e.type,
              weight: e.weight, claims: e.claims, first: e.first, last: e.last, color: COLORS[e.class] || '#999',
              width: Math.min(2 + 2.5 * Math.log2(1 + e.weight), 14) }
    }));
  }

  function nodeElements(g) {
    return g.nodes.map((n) => {
      state.actors.set(n.id, n);
      const p = state.positions.get(n.id);
      return { group: 'nodes', data: { id: n.id, label: name(n.id), type: n.type || '' }, position: p ? { ...p } : undefined };
    });
  }

  async function initGraph() {
    const stats = await api('stats');
    $('status').textContent = t('loading');
    const full = await api('graph', { at: stats.last || undefined });
    const cy = cytoscape({
      container: $('cy'),
      elements: nodeElements(full).concat(edgeElements(full)),
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 4,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 16, 'text-valign': 'bottom', 'text-margin-y': 3,
          'background-color': '#546e7a', width: 'data(size)', height: 'data(size)',
          'min-zoomed-font-size': 9, 'text-background-color': '#fff', 'text-background-opacity': 0.7 } },
        { selector: 'node[?minor]', style: { label: '' } },
        { selector: 'node[?minor]:selected', style: { label: 'data(label)' } },
        { selector: 'node[type = "STATE"]', style: { shape: 'round-rectangle', 'background-color': '#8d6e63' } },
        { selector: 'node[type = "COALITION"]', style: { shape: 'hexagon', 'background-color': '#7e57c2' } },
        { selector: 'edge', style: { 'line-color': 'data(color)', width: 'data(width)', 'curve-style': 'bezier', opacity: 0.8 } },
        { selector: 'edge:selected', style: { opacity: 1, 'underlay-color': '#ffd600', 'underlay-opacity': 0.6, 'underlay-padding': 4 } },
        { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#ffd600' } }
      ],
      layout: { name: 'preset' }
    });
    sizeNodes(cy);
    // start from a circle (deterministic), then let cose spread the clusters
    const all = cy.nodes(), R = 60 + 12 * all.length;
    all.forEach((n, i) => n.position({ x: R * Math.cos(2 * Math.PI * i / all.length), y: R * Math.sin(2 * Math.PI * i / all.length) }));
    // one layout of the whole network; every date reuses its positions, so
    // moving the slider changes edges, not the picture
    const layout = cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 250000, gravity: 0.25, nodeOverlap: 40,
                               idealEdgeLength: () => 100, numIter: 2500, componentSpacing: 120, fit: true, padding: 30 });
    layout.run();
    cy.nodes().forEach((n) => state.positions.set(n.id(), { ...n.position() }));
    cy.on('tap', 'edge', (ev) => {
      const d = ev.target.data();
      showTimeline(d.source, d.target);
    });
    cy.on('tap', 'node', (ev) => { $('search-q').value = name(ev.target.id()); });
    state.cy = cy;
    window.alaqat = { cy, state, api };  // for tests and the curious

    // the slider: one step per day from the first to the last claim date
    const lo = Date.parse((stats.first || stats.last || '2000-01-01') + 'T00:00:00Z');
    const hi = Date.parse((stats.last || stats.first || '2000-01-01') + 'T00:00:00Z');
    const n = Math.max(0, Math.round((hi - lo) / day));
    const slider = $('date');
    slider.min = 0; slider.max = n; slider.value = n;
    slider.dataset.first = iso(lo);
    let timer = null;
    const onMove = () => {
      const at = iso(lo + Number(slider.value) * day);
      $('date-label').textContent = at;
      clearTimeout(timer);
      timer = setTimeout(() => loadGraph(at), 120);
    };
    slider.addEventListener('input', onMove);
    slider.addEventListener('change', onMove);
    $('date-label').textContent = iso(hi);
    showGraph(full);
  }

  let graphSeq = 0;
  async function loadGraph(at) {
    const seq = ++graphSeq;
    try {
      const g = await api('graph', { at });
      if (seq === graphSeq) showGraph(g);
    } catch (e) {
      $('status').textContent = t('error') + ': ' + e.message;
    }
  }

  function showGraph(g) {
    const cy = state.cy;
    cy.batch(() => {
      cy.edges().remove();
      const want = new Set(g.nodes.map((n) => n.id));
      cy.nodes().forEach((n) => { if (!want.has(n.id())) n.remove(); });
      const add = nodeElements(g).filter((n) => cy.getElementById(n.data.id).empty());
      cy.add(add);
      cy.add(edgeElements(g));
      sizeNodes(cy);
    });
    document.body.dataset.graphAt = g.at;
    state.graph = { edges: g.edges.length, nodes: g.nodes.length };
    showCount(state.graph);
  }

  // node size by degree relative to the busiest node; dense networks get
  // fainter edges so that the structure stays visible
  function sizeNodes(cy) {
    let max = 1;
    cy.nodes().forEach((n) => { max = Math.max(max, n.degree()); });
    cy.nodes().forEach((n) => n.data('size', 14 + 30 * Math.sqrt(n.degree() / max)));
    // many actors: only the 60 best connected are labelled (others on select)
    const degs = cy.nodes().map((n) => n.degree()).sort((a, b) => b - a);
    const thr = degs.length > 80 ? degs[59] : 0;
    cy.nodes().forEach((n) => n.data('minor', n.degree() < thr));
    cy.edges().style('opacity', cy.edges().length > 600 ? 0.35 : 0.8);
  }

  function showCount(c) {
    $('edge-count').textContent = c.edges + ' ' + t('edges') + ' · ' + c.nodes + ' ' + t('nodes');
    $('status').textContent = c.edges ? '' : t('noEdges');
  }

  // ---- side panels ---------------------------------------------------------
  function tab(name_) {
    document.querySelectorAll('#tabs button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === name_)));
    document.querySelectorAll('.panel').forEach((p) => { p.hidden = p.id !== 'panel-' + name_; });
  }

  function badges(c) {
    const out = [];
    if (c.type) out.push(el('span', { class: 'badge type ' + (c.class || '') }, t(c.type)));
    if (c.polarity) out.push(el('span', { class: 'badge polarity ' + c.polarity }, t(c.polarity)));
    if (c.modality) out.push(el('span', { class: 'badge modality ' + c.modality }, t(c.modality)));
    const src = c.source ? c.source + (c.source_kind ? ' (' + t(c.source_kind) + ')' : '') : t('author');
    out.push(el('span', { class: 'badge source', title: t('source') }, t('source') + ': ' + src));
    return out;
  }

  async function showTimeline(a, b, keepTab) {
    state.pair = [a, b];
    const panel = $('panel-timeline');
    if (!keepTab) tab('timeline');
    panel.replaceChildren(el('p', { class: 'hint' }, t('loading')));
    try {
      const r = await api('timeline', { a, b, limit: 1000 });
      const list = el('ol', { class: 'items', id: 'timeline-list' });
      for (const c of r.items) {
        const when = c.when || c.doc_date;
        list.append(el('li', { class: 'claim', 'data-doc': c.doc, 'data-start': c.span_start, 'data-end': c.span_end },
          el('div', null, el('span', { class: 'when' }, when || t('undated')), ...badges(c)),
          el('div', { class: 'quote', dir: 'auto' }, c.evidence),
          el('button', { class: 'link show-text', type: 'button', onclick: () => showEvidence(c.doc, c.span_start, c.span_end) },
             t('showText') + ' (' + c.doc + ')')));
      }
      panel.replaceChildren(el('h3', { id: 'timeline-title' }, name(r.a) + ' — ' + name(r.b) + ' (' + r.total + ')'), list);
    } catch (e) {
      panel.replaceChildren(el('p', { class: 'error' }, t('error') + ': ' + e.message));
    }
  }

  // Splits text at UTF-8 byte offsets [start, end) (and an inner trigger).
  function highlighted(text, start, end, trig) {
    const enc = new TextEncoder(), dec = new TextDecoder();
    const bytes = enc.encode(text);
    const s = Math.max(0, Math.min(start, bytes.length)), e = Math.max(s, Math.min(end, bytes.length));
    const mark = el('mark', { class: 'claim', id: 'highlight' });
    if (trig && trig[0] >= s && trig[1] <= e && trig[0] < trig[1]) {
      mark.append(dec.decode(bytes.subarray(s, trig[0])),
                  el('span', { class: 'trigger' }, dec.decode(bytes.subarray(trig[0], trig[1]))),
                  dec.decode(bytes.subarray(trig[1], e)));
    } else {
      mark.append(dec.decode(bytes.subarray(s, e)));
    }
    return [dec.decode(bytes.subarray(0, s)), mark, dec.decode(bytes.subarray(e))];
  }

  async function showEvidence(docId, start, end, evidenceText) {
    tab('evidence');
    const panel = $('panel-evidence');
    panel.replaceChildren(el('p', { class: 'hint' }, t('loading')));
    try {
      const d = state.lastDoc && state.lastDoc.id === docId ? state.lastDoc : await api('doc/' + encodeURIComponent(docId));
      state.lastDoc = d;
      const bytes = new TextEncoder().encode(d.text), dec = new TextDecoder();
      const spanText = (c) => dec.decode(bytes.subarray(c.span_start, c.span_end));
      let claim = null;
      if (start !== undefined && start !== null) claim = d.claims.find((c) => c.span_start === start && c.span_end === end) || null;
      else if (evidenceText) claim = d.claims.find((c) => spanText(c) === evidenceText) || null;
      const head = el('div', null,
        el('h3', { dir: 'auto' }, d.title || d.id),
        el('div', { class: 'meta' }, d.id + (d.date ? ' · ' + t('docDate') + ' ' + d.date : '')));
      const body = el('div', { class: 'doc-text', id: 'doc-text', dir: 'auto' });
      if (claim || (start !== undefined && start !== null)) {
        const s = claim ? claim.span_start : start, e = claim ? claim.span_end : end;
        body.append(...highlighted(d.text, s, e, claim ? [claim.trigger_start, claim.trigger_end] : null));
      } else {
        body.append(d.text);
      }
      const info = claim ? el('div', { class: 'claim-info', id: 'claim-info' },
        el('strong', null, name(claim.a) + ' — ' + name(claim.b) + ' '), ...badges(claim),
        claim.when ? el('span', { class: 'when' }, claim.when) : null) : null;
      const others = el('ol', { class: 'items' });
      for (const c of d.claims) {
        if (claim && c.id === claim.id) continue;
        others.append(el('li', null,
          el('button', { class: 'link', type: 'button', onclick: () => showEvidence(d.id, c.span_start, c.span_end) },
             name(c.a) + ' — ' + name(c.b)), ' ', ...badges(c)));
      }
      panel.replaceChildren(head, info, body,
        d.claims.length ? el('h3', null, t('otherClaims')) : null, others);
      const m = $('highlight');
      if (m) m.scrollIntoView({ block: 'center' });
    } catch (e) {
      panel.replaceChildren(el('p', { class: 'error' }, t('error') + ': ' + e.message));
    }
  }

  function snippet(s) {  // U+E000 ... U+E001 mark the matches
    const out = el('div', { class: 'search-snippet quote', dir: 'auto' });
    const parts = String(s || '').split(MARK_OPEN);
    out.append(parts[0]);
    for (const p of parts.slice(1)) {
      const [hit, rest] = p.split(MARK_CLOSE);
      out.append(el('mark', null, hit), rest || '');
    }
    return out;
  }

  async function search(q) {
    tab('results');
    const panel = $('panel-results');
    panel.replaceChildren(el('p', { class: 'hint' }, t('loading')));
    try {
      const r = await api('search', { q, limit: 50 });
      const list = el('ol', { class: 'items' });
      for (const h of r.items) {
        list.append(el('li', null,
          el('button', { class: 'link', type: 'button', onclick: () => showEvidence(h.doc) }, h.title || h.doc),
          el('div', { class: 'meta' }, h.doc + (h.date ? ' · ' + h.date : '')), snippet(h.snippet)));
      }
      panel.replaceChildren(el('h3', null, t('results') + ' (' + r.total + ')'),
        r.items.length ? list : el('p', { class: 'hint' }, t('noResults')));
    } catch (e) {
      panel.replaceChildren(el('p', { class: 'error' }, t('error') + ': ' + e.message));
    }
  }

  async function contradictions() {
    const panel = $('panel-contradictions');
    panel.replaceChildren(el('p', { class: 'hint' }, t('loading')));
    try {
      const r = await api('contradictions', { limit: 200 });
      const list = el('ol', { class: 'items' });
      for (const c of r.items) {
        const side = (n) => el('div', { class: 'quote' },
          el('span', { class: 'when' }, c['time' + n] || t('undated')),
          ...badges({ type: c['type' + n], polarity: c['polarity' + n], source: c['source' + n] }),
          el('div', { dir: 'auto' }, c['evidence' + n]),
          el('button', { class: 'link', type: 'button', onclick: () => showEvidence(c['doc' + n], null, null, c['evidence' + n]) },
             t('showText') + ' (' + c['doc' + n] + ')'));
        list.append(el('li', null,
          el('strong', null, name(c.a) + ' — ' + name(c.b)), ' ',
          el('span', { class: 'badge' }, t('reason_' + c.reason)), side(1), el('div', { class: 'meta' }, t('vs')), side(2)));
      }
      panel.replaceChildren(el('h3', null, t('contradictions') + ' (' + r.total + ')'),
        r.items.length ? list : el('p', { class: 'hint' }, t('noContradictions')));
    } catch (e) {
      panel.replaceChildren(el('p', { class: 'error' }, t('error') + ': ' + e.message));
    }
  }

  // ---- start ---------------------------------------------------------------
  document.addEventListener('DOMContentLoaded', () => {
    try { state.lang = localStorage.getItem('alaqat.lang') === 'en' ? 'en' : 'ar'; } catch (e) { /* private mode */ }
    applyLang();
    $('lang').addEventListener('click', () => {
      state.lang = state.lang === 'ar' ? 'en' : 'ar';
      try { localStorage.setItem('alaqat.lang', state.lang); } catch (e) { /* ignore */ }
      applyLang();
    });
    $('search-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const q = $('search-q').value.trim();
      if (q) search(q);
    });
    document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => {
      tab(b.dataset.tab);
      if (b.dataset.tab === 'contradictions' && !b.dataset.loaded) { b.dataset.loaded = '1'; contradictions(); }
    }));
    if (typeof cytoscape !== 'function') {
      $('status').textContent = 'cytoscape.min.js missing: run npm ci in web/ and rebuild';
      return;
    }
    initGraph().then(() => { document.body.dataset.ready = '1'; })
      .catch((e) => { $('status').textContent = t('error') + ': ' + e.message; document.body.dataset.ready = 'error'; });
  });
})();

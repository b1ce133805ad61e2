// The timeline page's script: renders the data block and keeps the search
// and filter state in the URL hash. Every text goes in as a text node, so
// nothing in the data can become markup; only http(s) URLs become links.
//
// The data block (timeline_data.cpp): {title, order, min_events, totals:
// {documents, groups, events, storylines, start, end}, hidden_smaller,
// hidden_few_events, storylines: [{storyline, headline, start, end,
// documents, event_count, hidden_events, top_terms, events: [{event,
// headline, start, end, documents, groups, wire, representative, sources,
// top_terms, unlisted_documents, unlisted_groups, copy_groups: [{group,
// canonical, documents, copies: [{id, title, url, site, date, wire}]}]}]}]}.
// Dates are ISO 8601 UTC; fields without a value are left out.
#include "report/timeline_page.h"

namespace copydesk::report {

const char* const kTimelineScript = R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('timeline-data').textContent);
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var SORTS = { size: true, earliest: true, latest: true };
  var SOURCES_IN_SUMMARY = 6;

  // ---- Formatting (always UTC, so every reader sees the same times) ----
  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function ms(iso) { return iso ? Date.parse(iso) : NaN; }
  function day(t) { var d = new Date(t); return d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear(); }
  function clock(t) { var d = new Date(t); return pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ' UTC'; }
  function isoDay(t) { return new Date(t).toISOString().slice(0, 10); }
  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function plural(n, one, many) { return number(n) + ' ' + (n === 1 ? one : (many || one + 's')); }
  function duration(t) {
    var m = Math.round(t / 60000);
    if (m < 1) return 'under a minute';
    if (m < 60) return m + ' min';
    var h = Math.floor(m / 60);
    m %= 60;
    if (h < 24) return h + ' h' + (m ? ' ' + m + ' min' : '');
    var d = Math.floor(h / 24);
    h %= 24;
    return plural(d, 'day') + (h ? ' ' + h + ' h' : '');
  }
  function span(start, end) {
    var a = ms(start), b = ms(end);
    if (isNaN(a) && isNaN(b)) return 'undated';
    if (isNaN(a)) return 'until ' + day(b);
    if (isNaN(b) || day(a) === day(b)) return day(a);
    return day(a) + ' \u2013 ' + day(b);
  }

  // ---- DOM helpers ----
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function badge(kind, text, title) {
    var b = el('span', 'badge ' + kind, text);
    if (title) b.title = title;
    return b;
  }
  function webUrl(u) { return typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null; }
  function timeEl(iso, text) { var t = el('time', null, text); t.dateTime = iso; return t; }

  // ---- Search: case and accents do not matter; every word must match ----
  function fold(s) { return String(s).toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, ''); }
  function words(q) { return fold(q).split(/\s+/).filter(Boolean); }
  function matchesAll(text, ws) {
    for (var i = 0; i < ws.length; i++) if (text.indexOf(ws[i]) < 0) return false;
    return true;
  }
  // Appends `text` to `parent`, the words found in it marked.
  function highlight(parent, text, ws) {
    text = String(text);
    var ranges = [];
    if (ws.length) {
      var folded = '', from = [], to = [];
      for (var i = 0; i < text.length;) {
        var ch = String.fromCodePoint(text.codePointAt(i)), f = fold(ch);
        for (var k = 0; k < f.length; k++) { from.push(i); to.push(i + ch.length); }
        folded += f;
        i += ch.length;
      }
      ws.forEach(function (w) {
        for (var at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + w.length)) {
          ranges.push([from[at], to[at + w.length - 1]]);
        }
      });
      ranges.sort(function (a, b) { return a[0] - b[0]; });
    }
    var pos = 0;
    ranges.forEach(function (r) {
      if (r[1] <= pos) return;
      var start = Math.max(r[0], pos);
      if (start > pos) parent.appendChild(document.createTextNode(text.slice(pos, start)));
      parent.appendChild(el('mark', null, text.slice(start, r[1])));
      pos = r[1];
    });
    if (pos < text.length) parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  // ---- Precomputed per storyline and event ----
  var siteCounts = {}, wireCounts = {};
  function bump(table, key) { if (key) table[key] = (table[key] || 0) + 1; }
  data.storylines.forEach(function (s) {
    s.searchText = fold([s.headline || '', s.top_terms.join(' ')].join('\n'));
    s.startMs = ms(s.start);
    s.endMs = ms(s.end);
    s.events.forEach(function (e) {
      var parts = [e.headline || '', e.top_terms.join(' '), e.sources.join(' '), e.wire || ''];
      e.sites = {};
      e.wires = {};
      e.first = null;
      e.sources.forEach(function (site) { e.sites[site] = true; bump(siteCounts, site); });
      if (e.wire) e.wires[e.wire] = true;
      e.copy_groups.forEach(function (g) {
        g.copies.forEach(function (c) {
          c.searchText = fold([c.title || '', c.site || '', c.id].join('\n'));
          parts.push(c.searchText);
          if (c.site) e.sites[c.site] = true;
          if (c.wire) e.wires[c.wire] = true;
        });
        var head = g.copies[0];
        if (head && (!e.first || (head.date && (!e.first.date || ms(head.date) < ms(e.first.date))))) e.first = head;
      });
      Object.keys(e.wires).forEach(function (w) { bump(wireCounts, w); });
      e.searchText = fold(parts.join('\n'));
      e.startMs = ms(e.start);
      e.endMs = ms(e.end);
    });
  });

  // ---- State, kept in the URL hash ----
  var defaults = { q: '', source: '', wire: '', from: '', to: '', min: '', sort: SORTS[data.order] ? data.order : 'size' };
  var KEYS = ['q', 'source', 'wire', 'from', 'to', 'min', 'sort'];
  var state = readHash();

  function readHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    var s = {};
    KEYS.forEach(function (k) { s[k] = p.get(k) || defaults[k]; });
    if (!SORTS[s.sort]) s.sort = defaults.sort;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s.from)) s.from = '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s.to)) s.to = '';
    if (!/^\d+$/.test(s.min)) s.min = '';
    s.open = {};
    (p.get('open') || '').split(',').forEach(function (n) { if (n) s.open[n] = true; });
    return s;
  }
  function writeHash() {
    var p = new URLSearchParams();
    KEYS.forEach(function (k) { if (state[k] !== defaults[k]) p.set(k, state[k]); });
    var open = Object.keys(state.open);
    if (open.length) p.set('open', open.join(','));
    var hash = p.toString();
    try {
      history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
    } catch (err) { /* a browser that refuses: the view still works, unlinked */ }
  }

  // ---- Controls ----
  var $ = function (id) { return document.getElementById(id); };
  var controls = { q: $('q'), source: $('source'), wire: $('wire'), from: $('from'), to: $('to'), min: $('min'), sort: $('sort') };
  function fillSelect(select, counts) {
    Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0); })
      .forEach(function (key) {
        var o = el('option', null, key + ' (' + number(counts[key]) + ')');
        o.value = key;
        select.appendChild(o);
      });
  }
  fillSelect(controls.source, siteCounts);
  fillSelect(controls.wire, wireCounts);
  controls.source.title = 'Events with a document from this site (count of events)';
  controls.wire.title = 'Events carried by this wire agency (count of events)';
  if (data.totals.start) { controls.from.min = controls.to.min = isoDay(ms(data.totals.start)); }
  if (data.totals.end) { controls.from.max = controls.to.max = isoDay(ms(data.totals.end)); }
  controls.min.placeholder = String(data.min_events);

  function ensureOption(select, value) {
    if (!value) return;
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return;
    var o = el('option', null, value + ' (not in this report)');
    o.value = value;
    select.appendChild(o);
  }
  function syncControls() {
    ensureOption(controls.source, state.source);
    ensureOption(controls.wire, state.wire);
    KEYS.forEach(function (k) { if (controls[k].value !== state[k]) controls[k].value = state[k]; });
  }
  function readControls() {
    KEYS.forEach(function (k) { state[k] = controls[k].value.trim(); });
    if (!/^\d+$/.test(state.min)) state.min = '';
    state.q = controls.q.value;
  }
  var typing = null;
  function changed() {
    clearTimeout(typing);
    readControls();
    writeHash();
    render();
  }
  controls.q.addEventListener('input', function () { clearTimeout(typing); typing = setTimeout(changed, 150); });
  ['source', 'wire', 'from', 'to', 'min', 'sort'].forEach(function (k) { controls[k].addEventListener('change', changed); });
  controls.min.addEventListener('input', function () { clearTimeout(typing); typing = setTimeout(changed, 250); });
  $('controls').addEventListener('submit', function (ev) { ev.preventDefault(); changed(); });
  function clearFilters() {
    KEYS.forEach(function (k) { state[k] = defaults[k]; });
    syncControls();
    writeHash();
    render();
    controls.q.focus();
  }
  $('reset').addEventListener('click', clearFilters);
  controls.q.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && controls.q.value) { controls.q.value = ''; changed(); }
  });
  document.addEventListener('keydown', function (ev) {
    var tag = (ev.target && ev.target.tagName) || '';
    if (ev.key === '/' && !ev.ctrlKey && !ev.metaKey && !/^(INPUT|SELECT|TEXTAREA)$/.test(tag)) {
      ev.preventDefault();
      controls.q.focus();
    }
  });
  window.addEventListener('hashchange', function () {
    state = readHash();
    syncControls();
    render();
  });

  // ---- Filtering and order ----
  function eventPasses(s, e, ws, range) {
    if (state.source && !e.sites[state.source]) return false;
    if (state.wire && !e.wires[state.wire]) return false;
    if (range) {
      var a = isNaN(e.startMs) ? e.endMs : e.startMs, b = isNaN(e.endMs) ? e.startMs : e.endMs;
      if (isNaN(a) || b < range[0] || a > range[1]) return false;
    }
    if (!ws.length) return true;
    for (var i = 0; i < ws.length; i++) {
      if (s.searchText.indexOf(ws[i]) < 0 && e.searchText.indexOf(ws[i]) < 0) return false;
    }
    return true;
  }
  function before(a, b) {  // numbers, NaN (undated) last
    if (isNaN(a) || isNaN(b)) return isNaN(a) === isNaN(b) ? 0 : (isNaN(a) ? 1 : -1);
    return a - b;
  }
  var ORDER = {
    size: function (x, y) { return y.documents - x.documents; },
    earliest: function (x, y) { return before(x.startMs, y.startMs); },
    latest: function (x, y) { return before(-x.endMs, -y.endMs); }
  };

  // ---- Rendering ----
  var results = $('results'), status = $('status');

  function spanBar(s, events) {
    var bar = el('div', 'span-bar');
    var width = s.endMs - s.startMs;
    events.forEach(function (e) {
      var t = isNaN(e.startMs) ? e.endMs : e.startMs;
      if (isNaN(t)) return;
      var dot = el('span', 'span-dot');
      var size = Math.min(22, 8 + 3 * Math.log2(1 + e.documents));
      dot.style.left = (width > 0 ? 100 * (t - s.startMs) / width : 50) + '%';
      dot.style.width = dot.style.height = size + 'px';
      dot.title = day(t) + ': ' + (e.headline || 'event ' + e.event);
      bar.appendChild(dot);
    });
    var box = el('div', 'span-box');
    box.setAttribute('aria-hidden', 'true');
    box.appendChild(bar);
    if (width > 0) {
      var ends = el('div', 'span-ends');
      ends.appendChild(el('span', null, day(s.startMs)));
      ends.appendChild(el('span', null, day(s.endMs)));
      box.appendChild(ends);
    }
    return box;
  }

  function copyItem(c, isGroupFirst, first, firstMs, ws) {
    var li = el('li', 'copy' + (isGroupFirst ? ' copy-first' : ''));
    var when = el('div', 'copy-when');
    var t = ms(c.date);
    if (isNaN(t)) {
      when.textContent = 'undated';
    } else {
      when.appendChild(timeEl(c.date, day(t) + ', ' + clock(t)));
      if (!isNaN(firstMs)) when.appendChild(el('span', 'delay', c === first ? 'first' : '+' + duration(t - firstMs)));
    }
    li.appendChild(when);
    var main = el('div', 'copy-main');
    var url = webUrl(c.url);
    var title = el(url ? 'a' : 'span', 'copy-title');
    if (url) { title.href = url; title.target = '_blank'; title.rel = 'noopener noreferrer'; }
    highlight(title, c.title || c.id, ws);
    main.appendChild(title);
    var line = el('div', 'copy-site');
    if (c === first) line.appendChild(badge('badge-first', 'First source', 'The earliest document of this event'));
    else if (isGroupFirst) line.appendChild(badge('badge-group', 'First in copy group', 'The earliest document of its copy group'));
    var site = el('span');
    highlight(site, c.site || 'unknown site', ws);
    line.appendChild(site);
    if (c.wire) line.appendChild(badge('badge-wire', c.wire, 'Wire agency'));
    line.appendChild(el('span', 'copy-id', 'id ' + c.id));
    if (c.url && !url) line.appendChild(el('span', 'copy-url', c.url));
    main.appendChild(line);
    li.appendChild(main);
    return li;
  }

  function fillCopies(box, e, ws) {
    var first = e.first, firstMs = first ? ms(first.date) : NaN, inListedGroups = 0;
    e.copy_groups.forEach(function (g) {
      var section = el('section', 'group');
      section.appendChild(el('h4', null, 'Copy group ' + g.group + ' \u00b7 ' + plural(g.documents, 'document') +
        (g.canonical ? ' \u00b7 canonical ' + g.canonical : '')));
      var list = el('ol', 'copy-list');
      g.copies.forEach(function (c, i) { list.appendChild(copyItem(c, i === 0, first, firstMs, ws)); });
      section.appendChild(list);
      var more = g.documents - g.copies.length;
      inListedGroups += more;
      if (more > 0) section.appendChild(el('p', 'more', plural(more, 'more document') + ' in this copy group not listed'));
      box.appendChild(section);
    });
    if (e.unlisted_groups > 0) {
      box.appendChild(el('p', 'more', plural(e.unlisted_groups, 'smaller copy group') + ' with ' +
        plural(e.unlisted_documents - inListedGroups, 'document') + ' not listed'));
    }
  }

  function eventItem(s, e, ws) {
    var li = el('li', 'event');
    li.id = 'event-' + e.event;
    li.dataset.event = e.event;
    var when = el('div', 'when');
    if (isNaN(e.startMs)) {
      when.textContent = 'undated';
    } else {
      when.appendChild(timeEl(e.start, day(e.startMs)));
      when.appendChild(document.createTextNode(clock(e.startMs)));
    }
    li.appendChild(when);
    var dotCell = el('div', 'dot-cell');
    var dot = el('span', 'dot');
    dot.style.setProperty('--dot', Math.min(22, 10 + 2 * Math.log2(1 + e.documents)) + 'px');
    dotCell.appendChild(dot);
    li.appendChild(dotCell);

    var details = el('details', 'event-body');
    var summary = el('summary');
    var headline = el('span', 'event-headline');
    highlight(headline, e.headline || 'Event ' + e.event, ws);
    summary.appendChild(headline);
    var meta = el('span', 'event-meta');
    if (e.wire) meta.appendChild(badge('badge-wire', e.wire, 'Wire agency of most of its documents'));
    meta.appendChild(el('span', null, plural(e.documents, 'document') + ' \u00b7 ' + plural(e.groups, 'copy group')));
    if (!isNaN(e.startMs) && !isNaN(e.endMs) && e.endMs > e.startMs) {
      meta.appendChild(el('span', null, 'over ' + duration(e.endMs - e.startMs)));
    }
    if (e.first && e.first.site) meta.appendChild(el('span', null, 'first: ' + e.first.site));
    if (ws.length) {
      var hits = 0;
      e.copy_groups.forEach(function (g) { g.copies.forEach(function (c) { if (matchesAll(c.searchText, ws)) hits++; }); });
      if (hits) meta.appendChild(badge('badge-group', plural(hits, 'matching copy', 'matching copies')));
    }
    summary.appendChild(meta);
    if (e.sources.length) {
      var sources = el('span', 'sources');
      sources.appendChild(document.createTextNode(e.sources.length === 1 ? 'Source: ' : 'Sources: '));
      highlight(sources, e.sources.slice(0, SOURCES_IN_SUMMARY).join(', '), ws);
      if (e.sources.length > SOURCES_IN_SUMMARY) {
        sources.appendChild(document.createTextNode(' and ' + number(e.sources.length - SOURCES_IN_SUMMARY) + ' more'));
      }
      summary.appendChild(sources);
    }
    if (e.top_terms.length) summary.appendChild(termList(e.top_terms, ws));
    details.appendChild(summary);
    var copies = el('div', 'copies');
    details.appendChild(copies);
    details.addEventListener('toggle', function () {
      if (details.open && !copies.firstChild) fillCopies(copies, e, ws);
      var key = String(e.event);
      if (details.open !== Boolean(state.open[key])) {
        if (details.open) state.open[key] = true; else delete state.open[key];
        writeHash();
      }
    });
    if (state.open[String(e.event)]) {
      fillCopies(copies, e, ws);
      details.open = true;
    }
    li.appendChild(details);
    return li;
  }

  function termList(terms, ws) {
    var ul = el('ul', 'terms');
    ul.setAttribute('aria-label', 'Top terms');
    terms.forEach(function (term) { var li = el('li'); highlight(li, term, ws); ul.appendChild(li); });
    return ul;
  }

  function storyCard(s, events, ws) {
    var card = el('article', 'story');
    card.id = 'storyline-' + s.storyline;
    card.dataset.storyline = s.storyline;
    card.setAttribute('aria-labelledby', 'storyline-title-' + s.storyline);
    var head = el('header', 'story-head');
    var h2 = el('h2');
    h2.id = 'storyline-title-' + s.storyline;
    h2.appendChild(el('span', 'story-label', 'Storyline ' + s.storyline));
    var title = el('span', 'story-headline');
    highlight(title, s.headline || 'Storyline ' + s.storyline, ws);
    h2.appendChild(title);
    head.appendChild(h2);
    var facts = [span(s.start, s.end)];
    if (!isNaN(s.startMs) && !isNaN(s.endMs) && s.endMs > s.startMs) facts.push(duration(s.endMs - s.startMs));
    facts.push(plural(s.event_count, 'event'), plural(s.documents, 'document'));
    head.appendChild(el('p', 'story-meta', facts.join(' \u00b7 ')));
    if (s.top_terms.length) head.appendChild(termList(s.top_terms, ws));
    if (!isNaN(s.startMs) && events.length > 1) head.appendChild(spanBar(s, events));
    card.appendChild(head);
    var list = el('ol', 'events');
    list.setAttribute('aria-label', 'Events of storyline ' + s.storyline + ' in time order');
    events.forEach(function (e) { list.appendChild(eventItem(s, e, ws)); });
    card.appendChild(list);
    var notes = [];
    if (events.length < s.events.length) notes.push(number(events.length) + ' of ' + plural(s.events.length, 'shown event') + ' match');
    if (s.hidden_events > 0) notes.push(plural(s.hidden_events, 'smaller event') + ' of this storyline not in the report');
    if (notes.length) card.appendChild(el('p', 'story-foot', notes.join(' \u00b7 ')));
    return card;
  }

  var PAGE = 100, listed = null;

  // Appends up to `n` more of the listed storylines' cards, and a button for
  // the rest.
  function listMore(n, focusFirst) {
    var old = document.getElementById('list-more');
    if (old) old.parentNode.removeChild(old);
    var fragment = document.createDocumentFragment(), first = null;
    listed.items.slice(listed.count, listed.count + n).forEach(function (item) {
      var card = storyCard(item.s, item.events, listed.ws);
      first = first || card;
      fragment.appendChild(card);
    });
    listed.count = Math.min(listed.items.length, listed.count + n);
    var left = listed.items.length - listed.count;
    if (left > 0) {
      var more = el('button', 'list-more', 'Show ' + plural(Math.min(PAGE, left), 'more storyline') + ' (' +
                    number(left) + ' not listed yet)');
      more.type = 'button';
      more.id = 'list-more';
      more.addEventListener('click', function () { listMore(PAGE, true); });
      fragment.appendChild(more);
    }
    results.appendChild(fragment);
    if (focusFirst && first) {
      first.tabIndex = -1;
      first.focus();
    }
  }

  function render() {
    var ws = words(state.q);
    var range = null;
    if (state.from || state.to) {
      range = [state.from ? Date.parse(state.from + 'T00:00:00Z') : -Infinity,
               state.to ? Date.parse(state.to + 'T23:59:59Z') : Infinity];
    }
    var min = state.min ? parseInt(state.min, 10) : 0;
    var shown = [], eventCount = 0;
    data.storylines.forEach(function (s) {
      if (s.event_count < min) return;
      var events = s.events.filter(function (e) { return eventPasses(s, e, ws, range); });
      if (!events.length) return;
      shown.push({ s: s, events: events });
      eventCount += events.length;
    });
    var order = ORDER[state.sort];
    shown.sort(function (x, y) { return order(x.s, y.s) || x.s.storyline - y.s.storyline; });

    results.textContent = '';
    if (!shown.length) {
      var empty = el('div', 'empty');
      empty.appendChild(el('strong', null, 'No storylines match'));
      empty.appendChild(el('span', null, 'Try fewer or other words, or clear the filters. '));
      var clear = el('button', 'reset', 'Clear filters');
      clear.type = 'button';
      clear.addEventListener('click', clearFilters);
      empty.appendChild(clear);
      results.appendChild(empty);
    } else {
      // Cards are made a page at a time, so typing stays quick on a large
      // report; a link to an open event lists enough pages to show it.
      var pages = 1;
      shown.forEach(function (item, i) {
        item.events.forEach(function (e) { if (state.open[String(e.event)]) pages = Math.max(pages, Math.ceil((i + 1) / PAGE)); });
      });
      listed = { items: shown, ws: ws, count: 0 };
      listMore(pages * PAGE, false);
    }
    var filtered = KEYS.some(function (k) { return k !== 'sort' && state[k] !== defaults[k]; });
    $('reset').hidden = !filtered;
    status.textContent = (filtered ? number(shown.length) + ' of ' + plural(data.storylines.length, 'storyline') + ' match'
                                   : 'Showing ' + plural(shown.length, 'storyline')) +
      ' \u00b7 ' + plural(eventCount, 'event');
    if (!/^error/.test(document.body.dataset.render || '')) document.body.dataset.render = 'ok';
  }

  function header() {
    var t = data.totals, totals = $('totals');
    [[t.documents, 'document'], [t.groups, 'copy group'], [t.events, 'event'], [t.storylines, 'storyline']]
      .forEach(function (pair) {
        var item = el('span');
        item.appendChild(el('b', null, number(pair[0])));
        item.appendChild(document.createTextNode(' ' + (pair[0] === 1 ? pair[1] : pair[1] + 's')));
        totals.appendChild(item);
      });
    if (t.start || t.end) totals.appendChild(el('span', null, span(t.start, t.end)));
    var notes = [];
    if (data.hidden_smaller > 0) {
      notes.push('Showing the ' + plural(data.storylines.length, 'largest storyline', 'largest storylines') + ': ' +
                 plural(data.hidden_smaller, 'smaller storyline') + ' not shown.');
    }
    if (data.hidden_few_events > 0) {
      notes.push(plural(data.hidden_few_events, 'storyline') + ' with fewer than ' + plural(data.min_events, 'event') +
                 ' not shown.');
    }
    if (notes.length) { $('selection-note').textContent = notes.join(' '); $('selection-note').hidden = false; }
  }

  try {
    header();
    syncControls();
    render();
    // A link to an open event shows it, when it is not in view already.
    var open = Object.keys(state.open), target = open.length ? $('event-' + open[0]) : null;
    if (target && target.getBoundingClientRect().top > window.innerHeight) target.scrollIntoView();
  } catch (err) {
    window.onerror(err && err.message ? err.message : String(err));
  }
})();
)js";

}  // namespace copydesk::report

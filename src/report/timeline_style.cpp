// The timeline page's stylesheet: system fonts only, light and dark schemes,
// one column on narrow screens.
#include "report/timeline_page.h"

namespace copydesk::report {

const char* const kTimelineStyle = R"css(
:root {
  --bg: #f4f6f9; --card: #ffffff; --text: #1b2230; --muted: #5a6477; --line: #d8dee8;
  --accent: #1d5fc4; --accent-soft: #e8f0fc; --wire: #7a4d00; --wire-bg: #fff1d1;
  --first: #13703f; --first-bg: #dff4e7; --mark: #ffe27a; --mark-text: #1b2230;
  --shadow: 0 1px 2px rgba(20, 30, 50, .06), 0 4px 14px rgba(20, 30, 50, .06);
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #10141b; --card: #181e27; --text: #e5e9f0; --muted: #9ba5b7; --line: #2b3340;
    --accent: #7fb0ff; --accent-soft: #1c2a42; --wire: #ffd27a; --wire-bg: #3a2d10;
    --first: #74dba3; --first-bg: #113024; --mark: #6d5a00; --mark-text: #fff6cc;
    --shadow: none;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 0 24px 48px; max-width: 1120px; background: var(--bg); color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--accent); }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 4px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 16px; top: 8px; z-index: 10; background: var(--card); padding: 6px 10px; }
.top { padding: 28px 0 8px; }
.top h1 { margin: 0 0 6px; font-size: 1.75rem; line-height: 1.2; letter-spacing: -.01em; }
.totals { margin: 0; color: var(--muted); display: flex; flex-wrap: wrap; gap: 4px 18px; }
.totals b { color: var(--text); font-variant-numeric: tabular-nums; }
.note { margin: 6px 0 0; color: var(--muted); font-size: .9rem; }
.banner {
  margin: 12px 0; padding: 12px 16px; border-radius: 8px; background: #fde2e1; color: #8a1712;
  border: 1px solid #f3b1ad; font-weight: 600;
}
.controls {
  position: sticky; top: 0; z-index: 5; margin: 12px -8px 0; padding: 12px 8px 10px;
  background: var(--bg); border-bottom: 1px solid var(--line);
  display: grid; grid-template-columns: minmax(0, 2.2fr) repeat(5, minmax(0, 1fr)); gap: 10px 12px; align-items: end;
}
.control { display: flex; flex-direction: column; gap: 3px; font-size: .78rem; font-weight: 600; color: var(--muted);
  text-transform: uppercase; letter-spacing: .04em; min-width: 0; }
.control input, .control select, .reset, .sort select {
  font: inherit; font-size: .95rem; text-transform: none; letter-spacing: 0; font-weight: 400; color: var(--text);
  background: var(--card); border: 1px solid var(--line); border-radius: 7px; padding: 7px 9px; height: 38px;
  width: 100%; min-width: 0;
}
.reset { cursor: pointer; color: var(--accent); font-weight: 600; width: auto; }
.reset:hover { background: var(--accent-soft); }
.hint { grid-column: 1 / -1; margin: 0; font-size: .8rem; color: var(--muted); }
kbd { font: inherit; font-size: .75rem; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px;
  padding: 0 5px; background: var(--card); }
.result-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin: 12px 0; }
.status { margin: 0 auto 0 0; color: var(--muted); font-size: .92rem; }
.sort { display: flex; align-items: center; gap: 8px; font-size: .85rem; color: var(--muted); font-weight: 600; }
.sort select { width: auto; }
.results:focus { outline: none; }
.empty { padding: 40px 24px; text-align: center; background: var(--card); border: 1px dashed var(--line);
  border-radius: 12px; color: var(--muted); }
.empty strong { display: block; color: var(--text); font-size: 1.15rem; margin-bottom: 6px; }
.story {
  background: var(--card); border: 1px solid var(--line); border-radius: 12px; box-shadow: var(--shadow);
  padding: 18px 22px 14px; margin: 0 0 18px;
}
.story-head h2 { margin: 0; font-size: 1.25rem; line-height: 1.3; }
.story-label { display: block; font-size: .75rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase;
  color: var(--accent); margin-bottom: 2px; }
.story-meta { margin: 4px 0 0; color: var(--muted); font-size: .9rem; }
.terms { list-style: none; margin: 8px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 5px; }
.terms li { font-size: .78rem; padding: 1px 8px; border-radius: 999px; background: var(--accent-soft); color: var(--accent); }
.span-box { margin: 12px 10px 0; }
.span-bar { position: relative; height: 22px; }
.span-bar::before { content: ""; position: absolute; left: 0; right: 0; top: 10px; height: 2px; background: var(--line);
  border-radius: 2px; }
.span-dot { position: absolute; top: 11px; transform: translate(-50%, -50%); border-radius: 50%;
  background: var(--accent); opacity: .75; border: 2px solid var(--card); }
.span-ends { display: flex; justify-content: space-between; font-size: .75rem; color: var(--muted); }
.events { list-style: none; margin: 14px 0 0; padding: 0; position: relative; }
.events::before { content: ""; position: absolute; top: 6px; bottom: 6px; left: calc(8.5rem + 21px); width: 2px;
  background: var(--line); }
.event { display: grid; grid-template-columns: 8.5rem 24px 1fr; column-gap: 10px; padding: 6px 0;
  scroll-margin-top: 190px; }
.when { text-align: right; font-size: .85rem; color: var(--muted); padding-top: 8px; font-variant-numeric: tabular-nums; }
.when time { display: block; color: var(--text); font-weight: 600; }
.dot-cell { position: relative; }
.dot { position: absolute; left: 12px; top: 17px; transform: translate(-50%, -50%); width: var(--dot, 12px);
  height: var(--dot, 12px); border-radius: 50%; background: var(--card); border: 3px solid var(--accent); }
.event-body { min-width: 0; border-radius: 9px; }
.event-body[open] { background: var(--bg); }
.event-body > summary {
  list-style: none; cursor: pointer; padding: 6px 10px 8px 28px; border-radius: 9px; position: relative;
}
.event-body > summary::-webkit-details-marker { display: none; }
.event-body > summary::before {
  content: ""; position: absolute; left: 10px; top: 14px; width: 7px; height: 7px;
  border-right: 2px solid var(--muted); border-bottom: 2px solid var(--muted); transform: rotate(-45deg);
  transition: transform .15s;
}
.event-body[open] > summary::before { transform: rotate(45deg); top: 11px; }
.event-body > summary:hover { background: var(--accent-soft); }
.event-headline { display: block; font-weight: 600; font-size: 1.02rem; line-height: 1.35; overflow-wrap: anywhere; }
.event-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; margin-top: 3px; font-size: .85rem;
  color: var(--muted); }
.sources { display: block; margin-top: 2px; font-size: .85rem; color: var(--muted); overflow-wrap: anywhere; }
.badge { display: inline-block; font-size: .72rem; font-weight: 700; letter-spacing: .03em; padding: 1px 7px;
  border-radius: 5px; white-space: nowrap; }
.badge-wire { background: var(--wire-bg); color: var(--wire); }
.badge-first { background: var(--first-bg); color: var(--first); }
.badge-group { background: var(--accent-soft); color: var(--accent); }
.copies { padding: 4px 12px 12px 28px; }
.group { border-left: 3px solid var(--line); padding: 2px 0 2px 12px; margin: 10px 0; }
.group h4 { margin: 0 0 4px; font-size: .8rem; font-weight: 600; color: var(--muted); }
.copy-list { list-style: none; margin: 0; padding: 0; }
.copy { display: grid; grid-template-columns: 9.5rem 1fr; gap: 2px 12px; padding: 5px 0; border-top: 1px solid var(--line); }
.copy:first-child { border-top: 0; }
.copy-when { font-size: .82rem; color: var(--muted); font-variant-numeric: tabular-nums; }
.copy-when .delay { display: block; font-size: .75rem; }
.copy-main { min-width: 0; overflow-wrap: anywhere; }
.copy-title { font-weight: 500; }
.copy-site { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; font-size: .82rem; color: var(--muted); }
.copy-first .copy-title { font-weight: 700; }
.more { margin: 6px 0 0; font-size: .82rem; color: var(--muted); font-style: italic; }
.list-more { display: block; margin: 0 auto 18px; font: inherit; font-weight: 600; color: var(--accent);
  background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 18px; cursor: pointer; }
.list-more:hover { background: var(--accent-soft); }
.story:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
.story-foot { margin: 8px 0 0; font-size: .85rem; color: var(--muted); }
mark { background: var(--mark); color: var(--mark-text); border-radius: 2px; padding: 0 1px; }
@media (max-width: 960px) {
  .controls { grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); }
  .control-search { grid-column: 1 / -1; }
}
@media (max-width: 720px) {
  body { padding: 0 12px 32px; font-size: 14.5px; }
  .top h1 { font-size: 1.4rem; }
  .controls { position: static; grid-template-columns: 1fr 1fr; }
  .status { flex-basis: 100%; }
  .story { padding: 14px 14px 10px; }
  .events::before { left: 11px; }
  .event { grid-template-columns: 24px 1fr; column-gap: 6px; }
  .when { grid-column: 2; grid-row: 1; text-align: left; padding: 0 0 0 10px; }
  .when time { display: inline; margin-right: 6px; }
  .dot-cell { grid-column: 1; grid-row: 1 / span 2; }
  .dot { top: 10px; }
  .event-body { grid-column: 2; grid-row: 2; }
  .copies { padding-left: 12px; }
  .copy { grid-template-columns: 1fr; }
  .copy-when .delay { display: inline; margin-left: 8px; }
  .event { scroll-margin-top: 12px; }
}
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
@media print {
  .controls, .skip { display: none; }
  .story { break-inside: avoid; box-shadow: none; }
}
)css";

}  // namespace copydesk::report

// The console's stylesheet, served as /console.css (a string module, so it ships in every build).
export const CONSOLE_CSS = String.raw`
:root { color-scheme: light; --fg: #1a1a1a; --muted: #555; --line: #d0d0d0; --bg: #fff; --head: #f3f3f3;
  --req: #1f5fbf; --u401: #b3261e; --f403: #6b3fa0; --l429: #a15c00; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 0 1.5rem 2rem; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 1.5rem; }
h1 { font-size: 1.4rem; margin: 1rem 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
a { color: #0b4fa8; }
.muted { color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
#controls { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: .75rem 0; }
#controls input[type=search], #controls select { font: inherit; padding: .25rem .4rem; border: 1px solid #767676; border-radius: 3px; }
#controls input[type=search] { width: 18rem; }
:focus-visible { outline: 3px solid #0b4fa8; outline-offset: 1px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: middle; white-space: nowrap; }
thead th { background: var(--head); position: sticky; top: 0; z-index: 1; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort=ascending] button::after { content: " \25B2"; }
th[aria-sort=descending] button::after { content: " \25BC"; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.alias { font-weight: 600; }
.client { color: var(--muted); font-size: .85em; }
.badge { display: inline-block; padding: .05rem .45rem; border-radius: 999px; font-weight: 600; font-size: .85em; border: 1px solid currentColor; }
.s-ok { color: #0b6b2e; background: #e3f5e8; }
.s-rejected { color: #8a1010; background: #fde7e7; }
.s-rate-limited { color: #6b4000; background: #fff1d6; }
.s-expiring { color: #5a4500; background: #fff8c5; }
.s-down { color: #fff; background: #444; border-color: #444; }
.reasons { display: block; color: var(--muted); font-size: .8em; white-space: normal; max-width: 13rem; }
td.wrap { white-space: normal; min-width: 7rem; max-width: 11rem; }
.bad { color: #8a1010; font-weight: 600; }
svg.spark { display: block; }
svg.spark polyline { fill: none; stroke-width: 1.5; vector-effect: non-scaling-stroke; }
svg.spark .req { stroke: var(--req); }
svg.spark .u401 { stroke: var(--u401); }
svg.spark .f403 { stroke: var(--f403); }
svg.spark .l429 { stroke: var(--l429); }
svg.spark .base { stroke: var(--line); stroke-width: 1; }
.legend span { margin-right: .5rem; font-size: .8em; }
.legend .k401 { color: var(--u401); } .legend .k403 { color: var(--f403); } .legend .k429 { color: var(--l429); }
.bar { width: 8rem; height: .6rem; background: #e6e6e6; border: 1px solid #8a8a8a; border-radius: 2px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: #2e7d32; }
.bar.low > span { background: #b3261e; }
.budget-text { font-size: .85em; }
#callers table { margin-bottom: 1rem; }
#callers td { white-space: normal; }
#callers td.ua { overflow-wrap: anywhere; min-width: 8rem; max-width: 24rem; }
.error { color: #8a1010; font-weight: 600; }
/* At 1,024 px every column fits without a horizontal scrollbar: the sparklines narrow (their
   viewBox stretches), long headers and the budget text wrap, cells and margins tighten. */
th.spark-head { white-space: normal; min-width: 6rem; }
@media (max-width: 1280px) {
  body { margin: 0 1rem 2rem; }
  th, td { padding: .3rem .25rem; }
  svg.spark { width: 84px; }
  .bar { width: 6rem; }
  td.budget { white-space: normal; min-width: 6.5rem; max-width: 8rem; }
  .budget-text { display: block; }
  td.wrap { min-width: 5.5rem; max-width: 8rem; }
  .reasons { max-width: 10rem; }
  #rows th { white-space: normal; overflow-wrap: anywhere; min-width: 7.5rem; max-width: 11rem; }
  td .reasons { max-width: 9rem; }
  svg.spark { width: 64px; }
  th.spark-head { min-width: 4.5rem; }
  td[data-col="findings"] { white-space: normal; max-width: 7rem; }
  td[data-col="findings"] .chip { font-size: .75em; padding: .05rem .3rem; max-width: 100%; overflow-wrap: anywhere; }
}
.f-critical { color: #fff; background: #8a1010; border-color: #8a1010; }
.f-warning { color: #6b4000; background: #fff1d6; }
.f-info { color: #1a4d8f; background: #e6effb; }
.chip { display: inline-block; padding: .05rem .45rem; border-radius: 999px; font-weight: 600; font-size: .85em; border: 1px solid currentColor; }
.chip.accepted { text-decoration: line-through; opacity: .7; }
details.posture { margin-bottom: .75rem; }
details.posture summary { font-weight: 600; cursor: pointer; }
.fix { margin: .25rem 0; }
dl.evidence { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; font-size: .85em; margin: 0 0 .5rem; }
dl.evidence dd { margin: 0; overflow-wrap: anywhere; }
`;

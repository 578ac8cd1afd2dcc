/**
 * The page's only stylesheet, inline: the file must open with no network. System
 * CJK fonts first, so Chinese is drawn with a Chinese face wherever one is installed.
 */
export const DASHBOARD_CSS = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --bad: #d9534f; --warn: #f2a33a; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: var(--ink); background: #fff; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 1px solid var(--line); }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 12px; }
h3 { font-size: 15px; margin: 20px 0 8px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 12px; margin: 20px 0; }
.figure { background: var(--bg); border-radius: 6px; padding: 12px; }
.figure b { display: block; font-size: 26px; line-height: 1.2; }
.figure span { color: var(--muted); }
.figure.bad b { color: var(--bad); }
.figure.warn b { color: var(--warn); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; overflow: hidden; }
figcaption { font-weight: 600; margin-bottom: 4px; }
figure svg { width: 100%; height: auto; }
.empty { color: var(--muted); padding: 24px 0; }
table { border-collapse: collapse; width: 100%; margin-bottom: 8px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th.num { text-align: right; }
th { background: var(--bg); font-weight: 600; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.bad { color: var(--bad); font-weight: 600; }
tr.organisation th, tr.all th { background: none; text-align: left; }
tr.organisation td, tr.organisation th { border-top: 2px solid var(--line); font-weight: 600; }
tr.round td:nth-child(2) { padding-left: 24px; }
tr.all th, tr.all td { border-top: 2px solid var(--ink); font-weight: 600; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; color: #fff; font-size: 12px; white-space: nowrap; }
details { border-bottom: 1px solid var(--line); padding: 6px 0; }
summary { cursor: pointer; }
details > div { padding: 4px 0 8px 24px; }
ol, ul { margin: 4px 0; padding-left: 24px; }
.done { color: var(--muted); }
.evidence { color: var(--muted); font-size: 0.92em; }
.word-break { overflow-wrap: anywhere; }
footer { max-width: 1200px; margin: 32px auto; padding: 0 24px; color: var(--muted); font-size: 12px; }
.history-broken { margin-top: 8px; padding: 8px 12px; border: 2px solid #c0392b; color: #c0392b; font-size: 14px; }
`;

/**
 * The HTML report's stylesheet, inlined into the page: system fonts only (nothing fetched), colours
 * that always come with a text label, and a print layout.
 */
export const HTML_STYLE = `
:root{--ink:#111827;--muted:#4b5563;--line:#e5e7eb;--bg:#f3f4f6;--card:#fff;
--critical:#991b1b;--high:#c2410c;--medium:#a16207;--low:#1d4ed8;
--good:#15803d;--fair:#b45309;--poor:#b91c1c;--none:#9ca3af}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:26px;line-height:1.2;margin:0 0 4px}
h2{font-size:18px;margin:0 0 12px}
h3{font-size:15px;margin:18px 0 8px}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f3f4f6;border-radius:3px;padding:0 3px;overflow-wrap:anywhere}
.eyebrow{margin:0 0 8px;font-size:13px;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
.verdict{display:flex;gap:18px;align-items:center;padding:18px 20px;border-radius:10px;border-left:10px solid;background:var(--card)}
.verdict p{margin:0;color:var(--muted)}
.verdict-word{font-weight:800;font-size:20px;letter-spacing:.06em;padding:8px 14px;border-radius:6px;color:#fff}
.verdict-fail{border-color:var(--poor)}.verdict-fail .verdict-word{background:var(--poor)}
.verdict-warn{border-color:var(--fair)}.verdict-warn .verdict-word{background:var(--fair)}
.verdict-pass{border-color:var(--good)}.verdict-pass .verdict-word{background:var(--good)}
.meta{color:var(--muted);font-size:13px;margin:10px 0 0}
.alert{margin:14px 0 0;padding:12px 16px;border-radius:8px;background:#fef3c7;border:1px solid #f59e0b}
.overview{display:grid;grid-template-columns:minmax(240px,300px) 1fr;gap:16px;margin-top:16px;align-items:start}
.card{background:var(--card);border-radius:10px;padding:18px 20px;box-shadow:0 1px 2px rgba(0,0,0,.06);margin-top:16px}
.overview .card{margin-top:0}
.card.wide{grid-column:1 / -1}
.score-card{text-align:center}
.small{font-size:13px;color:var(--muted)}
.empty{color:var(--muted);font-style:italic}
.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:8px;margin-top:14px}
.tile{border:1px solid var(--line);border-radius:8px;padding:8px 10px}
.tile-value{display:block;font-size:22px;font-weight:700}
.tile-label{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
svg .track{fill:#eef0f3;stroke:#eef0f3}
svg circle.track{fill:none}
svg .bar-label{font-size:14px;fill:var(--ink)}
svg .bar-note{font-size:11px;fill:var(--muted)}
svg .bar-value{font-size:14px;font-weight:700;fill:var(--ink)}
svg .gauge-value{font-size:30px;font-weight:800;fill:var(--ink)}
svg .gauge-note{font-size:11px;fill:var(--muted)}
.fill.tone-critical{fill:var(--critical)}.fill.tone-high{fill:var(--high)}.fill.tone-medium{fill:var(--medium)}.fill.tone-low{fill:var(--low)}
.fill.tone-good{fill:var(--good)}.fill.tone-fair{fill:var(--fair)}.fill.tone-poor{fill:var(--poor)}.fill.tone-none{fill:var(--none)}
.arc.tone-good{stroke:var(--good)}.arc.tone-fair{stroke:var(--fair)}.arc.tone-poor{stroke:var(--poor)}.arc.tone-none{stroke:var(--none)}
table{width:100%;border-collapse:collapse;font-size:14px;table-layout:auto}
th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border-bottom:2px solid var(--line);padding:6px 8px}
td{border-bottom:1px solid var(--line);padding:8px;vertical-align:top;overflow-wrap:anywhere}
tbody tr:nth-child(even){background:#fafafa}
.suppressions td:first-child code{white-space:nowrap}.findings{table-layout:fixed}.findings .c-sev{width:120px}.findings .c-rule{width:210px}.findings .c-res{width:240px}
.fix{margin:6px 0 0;font-size:13px;color:#374151;border-left:3px solid var(--line);padding-left:8px}
.chart{display:block;max-width:100%;height:auto}
.sev{display:inline-block;min-width:74px;text-align:center;font-size:11px;font-weight:700;letter-spacing:.05em;color:#fff;border-radius:4px;padding:2px 6px}
.sev-critical{background:var(--critical)}.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}.sev-low{background:var(--low)}
.tag{display:inline-block;font-size:11px;border:1px solid var(--line);border-radius:10px;padding:0 7px;margin-top:4px;color:var(--muted)}
.tag-bad{border-color:var(--poor);color:var(--poor)}
.tag-good{border-color:var(--good);color:var(--good)}
.tag-unknown{border-color:#7c3aed;color:#6d28d9}
details{border:1px solid var(--line);border-radius:8px;margin:6px 0;padding:0 12px}
details[open]{padding-bottom:8px}
summary{cursor:pointer;padding:8px 0}
details.rule{margin-left:12px;background:#fafafa}
.count{display:inline-block;min-width:22px;text-align:center;font-size:12px;font-weight:700;background:#e5e7eb;border-radius:10px;padding:0 6px;margin-left:4px}
.delta-line{font-size:16px}
footer{margin:24px 0 8px;font-size:12px;color:var(--muted);text-align:center}
@media (max-width:800px){.overview{grid-template-columns:1fr}.tiles{grid-template-columns:repeat(2,1fr)}}
@media print{body{background:#fff}.card{box-shadow:none;border:1px solid var(--line)}details{break-inside:avoid}}
`
  .trim()
  .replace(/\n/g, '');

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml, parseNotice, type ParsedNotice } from '../src/index.js';

const REAL = join(import.meta.dirname, 'real');
const NOTICES = ['02_wucheng-wenlvti-xuncha.txt', '06_suqian-health-commission-xuncha.txt', '10_shashi-district-court-xuncha.txt', '15_yueyang-market-regulation-special-xuncha-huitoukan.txt', 'nankai-2022-central-xunshi.txt', 'seed-000_4d34960a250bd763.txt'];

function realText(file: string): string {
  const text = readFileSync(join(REAL, file), 'utf8');
  return text.startsWith('source:') ? text.slice(text.indexOf('\n\n') + 2) : text;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A real notice's text as a government CMS serves it: a head with scripts and styles
 * (one script holds text that looks like a finding), the site's navigation as a list,
 * a breadcrumb, each line a <p> indented with &emsp;&emsp;, quotes as &ldquo;/&rdquo;
 * or numeric entities, spaces as &nbsp;, spans and a <strong> around parts of lines, a
 * metadata table, a footer, comments.
 */
function asWebPage(text: string): string {
  // A page kept as Markdown with front matter was a page with its title as a heading.
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const heading = front ? /^title:\s*(?:.*->)?(.*?)(?:\s*\|.*)?$/m.exec(front[1]!)?.[1] : undefined;
  const content = front ? `${heading ?? ''}\n${text.slice(front[0].length)}` : text;
  const lines = content.split('\n').filter((l) => l.trim() !== '' && l.trim() !== '<!--more-->');
  const body = lines.map((line, i) => {
    let html = escape(line.trim()).replace(/“/g, i % 2 ? '&ldquo;' : '&#8220;').replace(/”/g, i % 2 ? '&rdquo;' : '&#x201D;').replace(/ /g, '&nbsp;');
    if (i % 5 === 0) html = `<span style="font-family:仿宋_GB2312;font-size:16pt">${html}</span>`;
    if (/^[一二三四五六七八九十]+、/.test(line.trim())) html = `<strong>${html}</strong>`;
    return `<p style="text-indent:2em;line-height:1.5">&emsp;&emsp;${html}</p>`;
  });
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(lines[0] ?? '')}_某某区人民政府门户网站</title>
<style>.TRS_Editor p { margin: 0 } a > b { color: red }</style>
<script type="text/javascript">var s = "一、虚假的问题（1个）"; if (a < b && c > d) { document.write("<p>不应出现</p>"); }</script>
</head>
<body><!-- 头部开始 --><div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 通知公告</div>
<table class="meta"><tr><td>索引号：</td><td>11330702/2023-00001</td><td>发布机构：</td><td>某某局</td></tr></table>
<div class="article"><div class="TRS_Editor">
${body.join('\n')}
</div></div>
<div class="footer"><p>版权所有：某某区人民政府办公室&nbsp;&nbsp;网站标识码：3307020001</p><script>var _hmt = _hmt || [];</script></div>
</body></html>`;
}

/** What parseNotice read, in the fields a user relies on. */
function fields(n: ParsedNotice) {
  return {
    inspectors: n.inspection.inspectors.map((i) => i.value),
    onSite: n.inspection.onSite?.value,
    feedbackDate: n.inspection.feedbackDate?.value,
    totals: Object.fromEntries(Object.entries(n.totals).map(([k, v]) => [k, typeof v === 'object' && v !== null && 'value' in v ? v.value : v])),
    categories: n.categories.map((c) => c.title),
    findings: n.findings.map((f) => [f.title, f.status?.value]),
  };
}

describe('a notice saved as a web page', () => {
  it.each(NOTICES)('%s reads as the same notice as its text', (file) => {
    const text = realText(file);
    const page = asWebPage(text);
    expect(looksLikeHtml(page)).toBe(true);
    const fromPage = htmlToText(page);
    expect(fromPage).not.toMatch(/虚假的问题|不应出现|&[a-z]+;|&#|<\/?[a-z]/i);
    const want = fields(parseNotice(text));
    expect(want.findings.length + Object.keys(want.totals).length).toBeGreaterThan(0);
    expect(fields(parseNotice(fromPage))).toEqual(want);
  });

  it('keeps a line per block, cells apart, and decodes entities to what they stand for', () => {
    expect(htmlToText('<p>&emsp;&emsp;一、关于&ldquo;三重一大&rdquo;</p><p>已完成</p>')).toBe('一、关于“三重一大”\n已完成');
    expect(htmlToText('<table><tr><td>索引号</td><td>123</td></tr><tr><td>发布机构</td><td>某局</td></tr></table>')).toBe('索引号 123\n发布机构 某局');
    expect(htmlToText('a<br>b<br/>c<div>d</div>&#x1F6A9;&#0;&#xD800;&bogus;&AMP;')).toBe('a\nb\nc\nd\n🚩&bogus;&');
    expect(looksLikeHtml('关于巡察整改进展情况的通报')).toBe(false);
  });
});

/**
 * The simulator's single page: received escalations, forms to answer them, and the failure controls.
 * Self-contained (inline CSS and vanilla JS, no external assets) so it works offline, and labelled as a
 * simulator at the top so nobody mistakes it for the real government system.
 */

const STYLE = `
body{font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#9a3412;color:#fff;padding:12px 24px}
header h1{margin:0;font-size:20px}
.banner{background:#fef3c7;border-bottom:1px solid #f59e0b;color:#78350f;padding:8px 24px;font-weight:600}
main{padding:16px 24px}
section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;margin-bottom:16px}
h2{font-size:16px;margin:0 0 8px}
table{border-collapse:collapse;width:100%}
th,td{border-top:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}
label{margin-right:16px}
input[type=number]{width:90px}
input[type=text]{width:220px}
.muted{color:#57606a}.ok{color:#1a7f37}.bad{color:#cf222e}
.cb{margin:2px 0;font-size:13px}
#msg{min-height:1.5em}
`;

/**
 * An instant as Beijing wall-clock time, as the platform shows it (the browser's own zone, often UTC on
 * a test machine, made the two disagree by eight hours). Written as a function so tests run the very
 * code the page's script carries.
 */
export function beijingTime(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '—';
}

const SCRIPT = `
const KINDS = { acknowledged: '受理', instruction: '指示', result: '结果' };
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) k === 'class' ? (node.className = v) : node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
  return node;
};
const say = (text, bad) => { const m = document.getElementById('msg'); m.textContent = text; m.className = bad ? 'bad' : 'ok'; };
const time = ${beijingTime.toString()};
async function call(method, url, body) {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((data.error && data.error.message) || 'HTTP ' + res.status);
  return data;
}
function callbackLine(cb) {
  const last = cb.deliveries[cb.deliveries.length - 1];
  const status = !last ? '待发送' : last.ok ? '已送达 HTTP ' + last.status : '未送达 ' + (last.status ? 'HTTP ' + last.status : last.error || '');
  return el('div', { class: 'cb' }, '[' + (KINDS[cb.callback.kind] || cb.callback.kind) + '] ' + cb.callback.text + ' ',
    el('span', { class: last && last.ok ? 'ok' : 'bad' }, status + '（尝试 ' + cb.deliveries.length + ' 次）'));
}
function answerForm(item) {
  const kind = el('select', {}, el('option', { value: 'instruction' }, '督办指示'), el('option', { value: 'result' }, '督办结果'));
  const text = el('input', { type: 'text', placeholder: '内容，如：限期三日内完成整改' });
  const form = el('form', {}, kind, ' ', text, ' ', el('button', { type: 'submit' }, '发送'));
  form.onsubmit = async (e) => {
    e.preventDefault();
    try {
      const r = await call('POST', '/api/escalations/' + encodeURIComponent(item.receiptId) + '/callbacks', { kind: kind.value, text: text.value });
      const last = r.deliveries[r.deliveries.length - 1];
      say(last && last.ok ? '已发送至平台' : '平台未接收：' + ((last && (last.body || last.error)) || ''), !(last && last.ok));
      text.value = '';
      await refresh(true);
    } catch (err) { say(err.message, true); }
  };
  return form;
}
async function refresh(force) {
  const rows = document.getElementById('rows');
  if (!force && rows.contains(document.activeElement)) return; // do not wipe what someone is typing
  const { items } = await call('GET', '/api/escalations');
  rows.replaceChildren(...(items.length ? items.map((it) => el('tr', {},
    el('td', {}, it.payload.caseNumber, el('div', { class: 'muted' }, '第 ' + it.payload.escalationNo + ' 次督办')),
    el('td', {}, it.payload.building.code, el('div', { class: 'muted' }, [it.payload.building.townName, it.payload.building.villageName, it.payload.building.address].filter(Boolean).join(' '))),
    el('td', {}, it.payload.reasonText || it.payload.reason, el('div', { class: 'muted' }, it.payload.step.name || '')),
    el('td', {}, time(it.receivedAt), el('div', { class: 'muted' }, it.receiptId)),
    el('td', {}, it.attempts),
    el('td', {}, ...it.callbacks.map(callbackLine), answerForm(it)),
  )) : [el('tr', {}, el('td', { colspan: '6', class: 'muted' }, '尚未收到督办件'))]));
}
async function loadControl() {
  const c = await call('GET', '/_control');
  const f = document.getElementById('control');
  f.failRate.value = c.failRate; f.delayMs.value = c.delayMs; f.down.checked = c.down; f.refuse.checked = c.refuse;
}
document.getElementById('control').onsubmit = async (e) => {
  e.preventDefault();
  const f = e.target;
  try {
    await call('POST', '/_control', { failRate: Number(f.failRate.value), delayMs: Number(f.delayMs.value), down: f.down.checked, refuse: f.refuse.checked });
    say('故障设置已保存');
  } catch (err) { say(err.message, true); }
};
loadControl().catch((err) => say(err.message, true));
refresh(true).catch((err) => say(err.message, true));
setInterval(() => refresh(false).catch(() => {}), 3000);
`;

/** The whole page; static, since the data comes from the JSON endpoints. */
export function renderSimulatorPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>政务监督信息化系统（模拟器）</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>政务监督信息化系统（模拟器）</h1></header>
<div class="banner" role="note">⚠ 这是供开发和测试使用的模拟器，不是真实的政务监督信息化系统。这里收到的督办件不会报送到任何政府部门。</div>
<main>
<section>
<h2>故障模拟</h2>
<form id="control">
<label>失败率（0–1）<input name="failRate" type="number" min="0" max="1" step="0.1"></label>
<label>应答延迟（毫秒）<input name="delayMs" type="number" min="0" max="600000" step="100"></label>
<label><input name="down" type="checkbox"> 系统停机（一律 503）</label>
<label><input name="refuse" type="checkbox"> 拒收（422 材料不全）</label>
<button type="submit">保存</button>
</form>
</section>
<div id="msg" role="status"></div>
<section>
<h2>收到的督办件</h2>
<table>
<thead><tr><th>案件编号</th><th>房屋</th><th>督办原因</th><th>接收时间（北京时间）</th><th>报送次数</th><th>回复与操作</th></tr></thead>
<tbody id="rows"></tbody>
</table>
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>`;
}

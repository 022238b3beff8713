/**
 * The SMS simulator's page: the messages it took (phones masked) and its failure controls, rendered on
 * the server, self-contained (no external assets), and labelled as a simulator at the top so nobody takes
 * it for a real provider: nothing reaches any phone.
 */
import { maskPhone } from '../../domain/mask.ts';
import type { SimulatedSms, SmsSimulatorControl } from './simulator.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const beijing = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });

export function renderSmsSimulatorPage(messages: SimulatedSms[], control: SmsSimulatorControl): string {
  const rows = messages
    .map(
      (m) =>
        `<tr><td>${esc(beijing(m.receivedAt))}</td><td>${esc(maskPhone(m.phone) ?? '')}</td><td>${esc(m.text)}</td>` +
        `<td>${m.requests}</td><td>${m.receipt ? (m.receipt.status === 'delivered' ? '已送达' : '发送失败') : '—'}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>短信平台（模拟器）</title>
<style>body{font:14px/1.5 system-ui,"PingFang SC",sans-serif;margin:0}header{background:#155e75;color:#fff;padding:12px 24px}
.banner{background:#fef3c7;color:#78350f;padding:8px 24px;font-weight:600}main{padding:16px 24px}table{border-collapse:collapse;width:100%}
th,td{border-top:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top}</style></head><body>
<header><h1>短信平台（模拟器）</h1></header>
<div class="banner">模拟器：仅供开发和测试，不会向任何手机发送短信。SIMULATOR — no message reaches any phone.</div>
<main><p>故障设置：失败率 ${control.failRate}，${control.down ? '停机' : '运行中'}，${control.undeliverable ? '回执均为失败' : '回执为送达'}（POST /_control 修改）</p>
<table><thead><tr><th>收到时间</th><th>手机号</th><th>内容</th><th>请求次数</th><th>回执</th></tr></thead><tbody>${rows || '<tr><td colspan="5">暂无短信</td></tr>'}</tbody></table></main>
</body></html>`;
}

import { HISTORY_SCRIPT } from './history-script.ts'

/**
 * The built-in web chat: one self-contained page, no build step, no external assets. Each bot bubble carries
 * `data-intent`; every card is built from `reply.data` (see src/chat/reply-data.ts) with all text escaped, and
 * falls back to the reply's plain text when the data is missing. Buttons post to `/api/actions`.
 *
 * The script lives in a template literal: it must not contain backticks or dollar-brace, and backslashes are
 * doubled where the browser must see one.
 */
export const CHAT_PAGE_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>CRM 助手 · Web Chat</title>
<style>
  :root {
    --bg:#f2f3f5; --panel:#fff; --me:#cfe4ff; --ink:#1f2329; --muted:#8f959e; --line:#e6e8eb; --soft:#f7f8fa;
    --accent:#3370ff; --accent-soft:#e8f0ff; --ok:#2ea121; --ok-soft:#e8f7e6; --warn:#f5a623; --warn-soft:#fff6e5;
    --danger:#f54a45; --danger-soft:#fdeceb; --shadow:0 1px 2px rgba(31,35,41,.06),0 2px 8px rgba(31,35,41,.04);
  }
  @media (prefers-color-scheme: dark) {
    :root { --bg:#18191c; --panel:#232428; --me:#1f3a66; --ink:#e8eaed; --muted:#9aa0a6; --line:#34363b; --soft:#2a2c31;
      --accent:#5b8cff; --accent-soft:#23314f; --ok-soft:#1e3320; --warn-soft:#3a3020; --danger-soft:#3d2222; }
  }
  * { box-sizing:border-box; }
  html, body { height:100%; }
  body { margin:0; font:14px/1.55 -apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Segoe UI",system-ui,sans-serif;
    background:var(--bg); color:var(--ink); display:flex; flex-direction:column; }
  button { font:inherit; color:inherit; }
  header { display:flex; align-items:center; gap:12px; padding:10px 20px; background:var(--panel); border-bottom:1px solid var(--line); }
  .logo { width:34px; height:34px; border-radius:9px; background:linear-gradient(135deg,#3370ff,#5fb6ff); color:#fff; display:grid; place-items:center; font-weight:700; font-size:16px; }
  header .title { flex:1; min-width:0; }
  header h1 { margin:0; font-size:15px; font-weight:600; }
  header .sub { color:var(--muted); font-size:12px; }
  header .sub::before { content:""; display:inline-block; width:7px; height:7px; border-radius:50%; background:var(--ok); margin-right:5px; vertical-align:1px; }
  .who { display:flex; align-items:center; gap:8px; padding:4px 6px 4px 4px; border:1px solid var(--line); border-radius:20px; background:var(--soft); }
  .who.need { border-color:var(--danger); box-shadow:0 0 0 3px var(--danger-soft); }
  .who input { border:0; background:transparent; outline:none; width:130px; font:inherit; color:var(--ink); }
  .avatar { width:30px; height:30px; flex:none; border-radius:50%; display:grid; place-items:center; font-size:13px; font-weight:600; color:#fff; background:#8f959e; user-select:none; }
  .avatar.bot { border-radius:8px; background:linear-gradient(135deg,#3370ff,#5fb6ff); }
  .who .avatar { width:26px; height:26px; font-size:12px; }
  #log { flex:1; overflow-y:auto; padding:20px 16px 8px; }
  .inner { max-width:860px; margin:0 auto; display:flex; flex-direction:column; gap:14px; }
  .row { display:flex; gap:10px; align-items:flex-start; }
  .row.me { flex-direction:row-reverse; }
  .col { display:flex; flex-direction:column; min-width:0; max-width:min(640px,82%); }
  .row.me .col { align-items:flex-end; }
  .meta { font-size:12px; color:var(--muted); margin:0 2px 3px; }
  .msg { padding:9px 12px; border-radius:10px; word-break:break-word; box-shadow:var(--shadow); }
  .msg.me { background:var(--me); white-space:pre-wrap; border-top-right-radius:3px; }
  .msg.bot { background:var(--panel); border:1px solid var(--line); border-top-left-radius:3px; }
  .msg.bot.has-card { padding:0; overflow:hidden; width:540px; max-width:100%; }
  .msg.bot.error { border-color:var(--danger); background:var(--danger-soft); }
  .msg.bot.action { background:var(--soft); box-shadow:none; color:var(--ink); }
  .text { white-space:pre-wrap; }
  .system { align-self:center; font-size:12px; color:var(--muted); background:var(--panel); border:1px solid var(--line); padding:2px 10px; border-radius:12px; }
  .card-head { padding:9px 14px; font-weight:600; font-size:13px; border-bottom:1px solid var(--line); background:var(--soft); display:flex; align-items:center; gap:6px; }
  .card-head.ok { background:var(--ok-soft); } .card-head.warn { background:var(--warn-soft); } .card-head.info { background:var(--accent-soft); }
  .card-head .right { margin-left:auto; font-weight:400; color:var(--muted); font-size:12px; }
  .card-body { padding:10px 14px; display:flex; flex-direction:column; gap:8px; }
  .card-title { font-size:16px; font-weight:600; display:flex; align-items:center; gap:8px; flex-wrap:wrap; }
  .section { font-size:12px; color:var(--muted); font-weight:600; text-transform:uppercase; letter-spacing:.02em; margin-top:4px; }
  .chips { display:flex; flex-wrap:wrap; gap:6px; }
  .chip { display:inline-flex; align-items:center; gap:4px; padding:2px 9px; border-radius:12px; background:var(--soft); border:1px solid var(--line); font-size:12.5px; }
  .chip .k { color:var(--muted); }
  .pill { display:inline-block; padding:0 8px; border-radius:10px; font-size:12px; line-height:20px; background:var(--soft); border:1px solid var(--line); white-space:nowrap; }
  .pill.blue, .stage-proposal, .stage-negotiation { background:var(--accent-soft); border-color:transparent; color:var(--accent); }
  .pill.green, .stage-won, .sent-positive { background:var(--ok-soft); border-color:transparent; color:var(--ok); }
  .pill.red, .stage-lost, .sent-negative { background:var(--danger-soft); border-color:transparent; color:var(--danger); }
  .pill.orange { background:var(--warn-soft); border-color:transparent; color:#c27c0e; }
  blockquote { margin:0; padding:6px 10px; border-left:3px solid var(--line); color:var(--ink); background:var(--soft); border-radius:0 6px 6px 0; white-space:pre-wrap; }
  .muted { color:var(--muted); font-size:12.5px; }
  .empty { color:var(--muted); font-size:13px; padding:4px 0; }
  table { border-collapse:collapse; width:100%; font-size:13px; }
  th, td { padding:5px 6px; text-align:left; border-bottom:1px solid var(--line); vertical-align:middle; }
  th { color:var(--muted); font-weight:500; font-size:12px; }
  td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
  tr.total td { font-weight:600; border-bottom:0; }
  .bar { height:6px; border-radius:3px; background:var(--accent-soft); min-width:40px; }
  .bar i { display:block; height:100%; border-radius:3px; background:var(--accent); }
  .tiles { display:grid; grid-template-columns:repeat(3,1fr); gap:8px; }
  .tile { background:var(--soft); border-radius:8px; padding:6px 10px; }
  .tile b { display:block; font-size:16px; font-variant-numeric:tabular-nums; }
  .tile span { font-size:12px; color:var(--muted); }
  .list { list-style:none; margin:0; padding:0; display:flex; flex-direction:column; }
  .list li { display:flex; gap:10px; align-items:center; padding:6px 0; border-bottom:1px solid var(--line); }
  .list li:last-child { border-bottom:0; }
  .list .grow { flex:1; min-width:0; }
  .when { font-variant-numeric:tabular-nums; color:var(--accent); font-size:12.5px; white-space:nowrap; }
  .timeline li { align-items:flex-start; }
  .timeline .ic { width:24px; height:24px; border-radius:50%; background:var(--soft); display:grid; place-items:center; flex:none; font-size:12px; }
  .big { font-size:20px; font-weight:700; font-variant-numeric:tabular-nums; }
  .actions { display:flex; flex-wrap:wrap; gap:6px; padding:8px 14px 10px; border-top:1px solid var(--line); }
  .msg.bot:not(.has-card) .actions { padding:8px 0 0; border-top:0; }
  .actions.options { flex-direction:column; align-items:stretch; }
  .btn { border:1px solid var(--line); background:var(--panel); border-radius:6px; padding:4px 12px; cursor:pointer; font-size:13px; transition:background .15s,border-color .15s; }
  .btn:hover:not(:disabled) { border-color:var(--accent); color:var(--accent); }
  .btn.primary { background:var(--accent); border-color:var(--accent); color:#fff; }
  .btn.primary:hover:not(:disabled) { color:#fff; filter:brightness(1.08); }
  .btn.danger { color:var(--danger); }
  .btn.danger:hover:not(:disabled) { border-color:var(--danger); color:var(--danger); background:var(--danger-soft); }
  .btn:disabled { opacity:.45; cursor:default; }
  .btn.chosen { opacity:1; border-color:var(--accent); color:var(--accent); background:var(--accent-soft); }
  .btn.small { padding:1px 8px; font-size:12px; }
  .options .btn { text-align:left; padding:7px 12px; }
  .editor { display:flex; gap:6px; padding:0 14px 10px; align-items:center; }
  .editor input { flex:1; min-width:0; padding:6px 8px; border:1px solid var(--line); border-radius:6px; font:inherit; background:var(--panel); color:var(--ink); }
  .editor div { display:flex; gap:6px; }
  .welcome { background:var(--panel); border:1px solid var(--line); border-radius:12px; padding:16px 18px; box-shadow:var(--shadow); }
  .welcome h2 { margin:0 0 4px; font-size:16px; }
  .welcome p { margin:0 0 10px; color:var(--muted); }
  .examples { display:flex; flex-wrap:wrap; gap:8px; margin-top:6px; }
  .example { border:1px solid var(--line); background:var(--soft); border-radius:16px; padding:4px 12px; cursor:pointer; font-size:13px; text-align:left; }
  .example:hover { border-color:var(--accent); color:var(--accent); background:var(--accent-soft); }
  .example small { color:var(--muted); margin-right:4px; }
  .typing { display:inline-flex; gap:4px; padding:4px 2px; }
  .typing i { width:6px; height:6px; border-radius:50%; background:var(--muted); animation:blink 1.2s infinite; }
  .typing i:nth-child(2) { animation-delay:.2s; } .typing i:nth-child(3) { animation-delay:.4s; }
  @keyframes blink { 0%,80%,100% { opacity:.25 } 40% { opacity:1 } }
  footer { background:var(--panel); border-top:1px solid var(--line); padding:10px 16px 12px; }
  #composer { max-width:860px; margin:0 auto; display:flex; gap:8px; align-items:flex-end; }
  #composer textarea { flex:1; resize:none; min-height:42px; max-height:160px; padding:10px 12px; border:1px solid var(--line); border-radius:8px; font:inherit; background:var(--soft); color:var(--ink); outline:none; }
  #composer textarea::placeholder { white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
  #composer textarea:focus { border-color:var(--accent); background:var(--panel); }
  #send { height:42px; padding:0 20px; border:0; border-radius:8px; background:var(--accent); color:#fff; cursor:pointer; font-weight:600; }
  #send:disabled { opacity:.5; cursor:default; }
  .hint { max-width:860px; margin:4px auto 0; font-size:11.5px; color:var(--muted); }
  #lists { display:flex; gap:6px; }
  .older { align-self:center; }
  #lists .btn { white-space:nowrap; }
  @media (max-width:600px) { #lists { flex:1; } #lists .btn { padding:1px 6px; } header .title, header .logo { display:none; } .who input { width:64px; } header { padding:8px 12px; } .who input { width:90px; } .col { max-width:88%; } .tiles { grid-template-columns:1fr 1fr; } .msg.bot.has-card { width:calc(100vw - 72px); } header .sub { white-space:nowrap; overflow:hidden; text-overflow:ellipsis; } .hint { display:none; } }
</style>
</head>
<body>
<header>
  <div class="logo" aria-hidden="true">C</div>
  <div class="title"><h1>CRM 助手</h1><div class="sub">在线 · 说人话就能记客户 / plain words in, CRM out</div></div>
  <nav id="lists" aria-label="lists">
    <button type="button" class="btn small" data-send="我的客户" title="my customers">我的客户</button>
    <button type="button" class="btn small" data-send="我的商机" title="my deals">我的商机</button>
    <button type="button" class="btn small" data-send="我的提醒" title="my reminders">我的提醒</button>
  </nav>
  <label class="who" id="who" title="你的名字 / your name">
    <span class="avatar" id="user-avatar">?</span>
    <input id="user" list="known-users" placeholder="你的名字 / your name" autocomplete="off" aria-label="user name">
  </label>
  <datalist id="known-users"></datalist>
</header>
<main id="log" aria-live="polite"><div class="inner" id="thread"></div></main>
<footer>
  <form id="composer">
    <textarea id="text" rows="1" placeholder="例如:今天给华为张总打了电话,他对报价满意,下周三跟进" aria-label="message"></textarea>
    <button type="submit" id="send">发送</button>
  </form>
  <div class="hint">Enter 发送 · Shift+Enter 换行 / Enter to send, Shift+Enter for a new line</div>
</footer>
<script type="module">
const $ = (id) => document.getElementById(id)
const logEl = $('log'), thread = $('thread'), userInput = $('user'), textInput = $('text'), composer = $('composer')
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;' })[ch])
const CJK = /[\\u3400-\\u9fff]/
const langOf = (s) => (CJK.test(String(s || '')) ? 'zh' : 'en')
let lastLang = (navigator.language || 'zh').toLowerCase().startsWith('zh') ? 'zh' : 'en'
const tr = (lang, zh, en) => (lang === 'zh' ? zh : en)

const TYPES = { call:['电话','Call','📞'], visit:['拜访','Visit','🚗'], meeting:['会议','Meeting','👥'], message:['消息','Message','💬'], email:['邮件','Email','✉️'], note:['备注','Note','📝'] }
const SENTIMENTS = { positive:['积极','Positive','😊'], neutral:['中性','Neutral','😐'], negative:['消极','Negative','😟'] }
const STAGES = { lead:['线索','Lead'], qualified:['已确认需求','Qualified'], proposal:['方案报价','Proposal'], negotiation:['商务谈判','Negotiation'], won:['赢单','Won'], lost:['丢单','Lost'] }
const label = (map, key, lang) => (map[key] ? map[key][lang === 'zh' ? 0 : 1] : String(key ?? ''))
const icon = (map, key) => (map[key] && map[key][2]) || ''
const AVATAR_COLORS = ['#3370ff','#7f3bf5','#14b8a6','#f5a623','#f54a45','#2ea121','#0ea5e9','#d946ef']

function money(n, cur, lang) {
  const v = Number(n) || 0
  try {
    return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { style:'currency', currency: cur || 'CNY', maximumFractionDigits:0 }).format(v)
  } catch {
    return String(cur || '') + ' ' + Math.round(v).toLocaleString()
  }
}
const num = (n) => esc(Number(n) || 0)
const clock = (at) => { const d = at ? new Date(at) : new Date(); return (at && d.toDateString() !== new Date().toDateString() ? d.toLocaleDateString() + ' ' : '') + d.toLocaleTimeString([], { hour:'2-digit', minute:'2-digit' }) }
const initial = (name) => Array.from(String(name || '?').trim())[0]?.toUpperCase() || '?'
function colorOf(name) {
  let h = 0
  for (const ch of String(name)) h = (h * 31 + ch.codePointAt(0)) >>> 0
  return AVATAR_COLORS[h % AVATAR_COLORS.length]
}
const stagePill = (stage, lang) => '<span class="pill stage-' + esc(stage) + '">' + esc(label(STAGES, stage, lang)) + '</span>'
const sentimentPill = (s, lang) => s ? '<span class="pill sent-' + esc(s) + '">' + esc(icon(SENTIMENTS, s) + ' ' + label(SENTIMENTS, s, lang)) + '</span>' : ''
const chip = (field, k, v) => '<span class="chip" data-field="' + esc(field) + '"><span class="k">' + esc(k) + '</span>' + v + '</span>'
const head = (cls, html, right) => '<div class="card-head ' + cls + '">' + html + (right ? '<span class="right">' + esc(right) + '</span>' : '') + '</div>'
const body = (html) => '<div class="card-body">' + html + '</div>'

// ---- cards, one per intent; each returns HTML or null (then the reply's text is shown) ----

function noteCard(d, lang) {
  if (!d.interaction || !d.customer) return null
  const i = d.interaction, c = d.customer
  const contact = d.contact ? esc(d.contact.name) + (d.contact.title ? ' · ' + esc(d.contact.title) : '') : '—'
  const follow = d.followUp ? '⏰ ' + esc(d.followUp.dueLocal) : '<span class="muted">' + esc(tr(lang, '未设置', 'none')) + '</span>'
  const line = '<div class="chips">'
    + chip('customer', tr(lang, '客户', 'Customer'), '<b>' + esc(c.name) + '</b>' + (d.customerCreated ? ' <span class="pill orange">' + esc(tr(lang, '新建', 'new')) + '</span>' : ''))
    + chip('contact', tr(lang, '联系人', 'Contact'), contact)
    + chip('type', tr(lang, '方式', 'Type'), esc(icon(TYPES, i.type) + ' ' + label(TYPES, i.type, lang)))
    + chip('sentiment', tr(lang, '态度', 'Sentiment'), i.sentiment ? esc(icon(SENTIMENTS, i.sentiment) + ' ' + label(SENTIMENTS, i.sentiment, lang)) : '—')
    + chip('follow-up', tr(lang, '跟进', 'Follow-up'), follow)
    + '</div>'
  const deal = d.deal ? '<div class="muted">💼 ' + esc(d.deal.title) + ' ' + stagePill(d.deal.stage, lang) + ' ' + esc(money(d.deal.amount, d.deal.currency, lang)) + '</div>' : ''
  const created = d.customerCreated ? '<div class="muted">' + esc(tr(lang, '新客户「' + c.name + '」已创建,撤销会一并归档。', 'New customer "' + c.name + '" created; Undo archives it too.')) + '</div>' : ''
  return head('ok', '✅ ' + esc(tr(lang, '已记录跟进', 'Note logged')), i.occurredLocal)
    + body(line + '<blockquote>' + esc(i.summary) + '</blockquote>' + deal + created)
}

function customerCard(d, lang) {
  if (!d.customer) return null
  const c = d.customer
  const tags = (c.tags || []).map((t) => '<span class="pill">' + esc(t) + '</span>').join(' ')
  const meta = [
    tr(lang, '负责人 ', 'Owner ') + (c.ownerName || '—'),
    c.industry ? tr(lang, '行业 ', 'Industry ') + c.industry : '',
  ].filter(Boolean).map(esc).join(' · ')
  const title = '<div class="card-title"><span class="avatar" style="background:' + colorOf(c.name) + ';border-radius:8px">' + esc(initial(c.name)) + '</span>'
    + esc(c.name) + (c.inPool ? ' <span class="pill orange">' + esc(tr(lang, '公海', 'Pool')) + '</span>' : '') + ' ' + tags + '</div>'
    + '<div class="muted">' + meta + '</div>'
  const contacts = (d.contacts || []).map((p) => '<li><span class="avatar" style="width:24px;height:24px;font-size:11px;background:' + colorOf(p.name) + '">' + esc(initial(p.name)) + '</span>'
    + '<span class="grow"><b>' + esc(p.name) + '</b>' + (p.title ? ' <span class="muted">' + esc(p.title) + '</span>' : '') + '</span>'
    + '<span class="muted">' + esc([...(p.phones || []), p.email].filter(Boolean).join(' · ')) + '</span></li>').join('')
  const deals = (d.deals || []).map((x) => '<tr><td>' + esc(x.title) + '</td><td>' + stagePill(x.stage, lang) + '</td><td class="num">' + esc(money(x.amount, x.currency, lang))
    + '</td><td class="num">' + num(Math.round(x.probability || 0)) + '%</td></tr>').join('')
  const notes = (d.interactions || []).map((i) => '<li><span class="ic">' + esc(icon(TYPES, i.type) || '📝') + '</span><span class="grow">'
    + '<div class="muted">' + esc(i.occurredLocal) + (i.authorName ? ' · ' + esc(i.authorName) : '') + ' ' + sentimentPill(i.sentiment, lang) + '</div>'
    + '<div class="text">' + esc(i.summary) + '</div></span></li>').join('')
  const next = d.nextReminder ? '<div class="chip">⏰ <span class="when">' + esc(d.nextReminder.dueLocal) + '</span> ' + esc(d.nextReminder.text) + '</div>' : ''
  return head('info', '📇 ' + esc(tr(lang, '客户卡片', 'Customer')))
    + body(title
      + (contacts ? '<div class="section">' + esc(tr(lang, '联系人', 'Contacts')) + '</div><ul class="list">' + contacts + '</ul>' : '')
      + (deals ? '<div class="section">' + esc(tr(lang, '商机', 'Deals')) + '</div><table><tr><th>' + esc(tr(lang, '名称', 'Deal')) + '</th><th>' + esc(tr(lang, '阶段', 'Stage'))
        + '</th><th class="num">' + esc(tr(lang, '金额', 'Amount')) + '</th><th class="num">' + esc(tr(lang, '赢率', 'Prob.')) + '</th></tr>' + deals + '</table>' : '')
      + '<div class="section">' + esc(tr(lang, '最近跟进', 'Recent activity')) + '</div>'
      + (notes ? '<ul class="list timeline">' + notes + '</ul>' : '<div class="empty">' + esc(tr(lang, '暂无跟进记录', 'No activity yet')) + '</div>')
      + next)
}

function reminderSetCard(d, lang) {
  if (!d.reminder) return null
  const r = d.reminder
  return head('info', '⏰ ' + esc(tr(lang, '提醒已设置', 'Reminder set')))
    + body('<div class="big when" style="font-size:16px">' + esc(r.dueLocal) + '</div><div>' + esc(r.text) + '</div>'
      + (r.customerName ? '<div class="muted">' + esc(tr(lang, '客户 ', 'Customer ') + r.customerName) + '</div>' : ''))
}

function reminderListCard(d, lang) {
  if (!Array.isArray(d.reminders)) return null
  const rows = d.reminders.map((r) => '<li><span class="when">' + esc(r.dueLocal) + '</span><span class="grow">' + esc(r.text)
    + (r.customerName ? ' <span class="pill">' + esc(r.customerName) + '</span>' : '') + '</span><span data-slot="' + esc(r.id) + '"></span></li>').join('')
  return head('info', '🗓️ ' + esc(tr(lang, '我的提醒', 'My reminders')), String(d.reminders.length))
    + body(rows ? '<ul class="list">' + rows + '</ul>' : '<div class="empty">' + esc(tr(lang, '没有待办提醒 🎉', 'No open reminders 🎉')) + '</div>')
}

function dealCard(d, lang) {
  if (!d.deal) return null
  const x = d.deal
  const emoji = x.stage === 'won' ? '🎉' : x.stage === 'lost' ? '💔' : '💼'
  const stages = d.previousStage && d.previousStage !== x.stage ? stagePill(d.previousStage, lang) + ' → ' + stagePill(x.stage, lang) : stagePill(x.stage, lang)
  return head(x.stage === 'won' ? 'ok' : 'info', emoji + ' ' + esc(d.created ? tr(lang, '新建商机', 'Deal created') : tr(lang, '商机已更新', 'Deal updated')))
    + body('<div class="card-title">' + esc(x.customerName) + ' <span class="muted">' + esc(x.title) + '</span></div>'
      + '<div>' + stages + '</div>'
      + '<div class="tiles"><div class="tile"><b>' + esc(money(x.amount, x.currency, lang)) + '</b><span>' + esc(tr(lang, '金额', 'Amount')) + '</span></div>'
      + '<div class="tile"><b>' + num(Math.round(x.probability || 0)) + '%</b><span>' + esc(tr(lang, '赢率', 'Probability')) + '</span></div>'
      + '<div class="tile"><b>' + esc(x.ownerName || '—') + '</b><span>' + esc(tr(lang, '负责人', 'Owner')) + '</span></div></div>'
      + (x.expectedClose ? '<div class="muted">' + esc(tr(lang, '预计成交 ', 'Expected close ') + x.expectedClose) + '</div>' : ''))
}

function pipelineTables(d, lang) {
  const cur = d.currency
  const stages = (d.stages || []).filter((s) => s.count > 0)
  const max = Math.max(1, ...stages.map((s) => Number(s.amount) || 0))
  const total = d.total || { count: 0, amount: 0, weighted_amount: 0 }
  const won = d.won || { count: 0, amount: 0 }
  const tile = (value, text, field) => '<div class="tile" data-tile="' + field + '"><b>' + value + '</b><span>' + esc(text) + '</span></div>'
  const tiles = '<div class="tiles">' + tile(num(total.count), tr(lang, '在途商机', 'Open deals'), 'open-count')
    + tile(esc(money(total.amount, cur, lang)), tr(lang, '在途金额', 'Open amount'), 'open-amount')
    + tile(esc(money(won.amount, cur, lang)), tr(lang, (d.periodLabel || '') + '赢单 ' + won.count + ' 个', 'Won ' + (d.periodLabel || '') + ': ' + won.count), 'won') + '</div>'
  const cols = (first, last) => '<tr><th>' + esc(first) + '</th><th class="num">' + esc(tr(lang, '数量', 'Deals')) + '</th><th class="num">' + esc(tr(lang, '金额', 'Amount'))
    + '</th><th class="num">' + esc(last) + '</th></tr>'
  const stageRows = stages.map((s) => '<tr data-stage="' + esc(s.stage) + '"><td>' + stagePill(s.stage, lang) + '</td><td class="num">' + num(s.count) + '</td><td class="num">'
    + esc(money(s.amount, cur, lang)) + '<div class="bar"><i style="width:' + Math.round(((Number(s.amount) || 0) / max) * 100) + '%"></i></div></td><td class="num">'
    + esc(money(s.weighted_amount, cur, lang)) + '</td></tr>').join('')
  const owners = (d.owners || []).map((o) => '<tr data-owner="' + esc(o.owner) + '"><td>' + esc(o.owner) + '</td><td class="num">' + num(o.count) + '</td><td class="num">'
    + esc(money(o.amount, cur, lang)) + '</td><td class="num">' + num(o.won_count) + ' · ' + esc(money(o.won_amount, cur, lang)) + '</td></tr>').join('')
  const others = (d.other_currencies || []).map((o) => '<li data-currency="' + esc(o.currency) + '"><span class="grow">' + esc(o.currency) + ' <span class="muted">' + esc(tr(lang, '另计,不折算', 'separate, not converted')) + '</span></span><span>'
    + esc(tr(lang, '在途 ', 'open ') + (o.open ? o.open.count : o.count) + ' · ' + money(o.open ? o.open.amount : o.amount, o.currency, lang)) + '</span>'
    + (o.won ? '<span class="muted">' + esc(tr(lang, '赢单 ', 'won ') + o.won.count + ' · ' + money(o.won.amount, o.currency, lang)) + '</span>' : '') + '</li>').join('')
  return tiles
    + '<div class="section">' + esc(tr(lang, '按阶段(在途为当前,赢单/丢单为本期)', 'By stage (open now, won/lost in period)')) + '</div>'
    + (stageRows ? '<table class="by-stage">' + cols(tr(lang, '阶段', 'Stage'), tr(lang, '加权', 'Weighted')) + stageRows + '</table>' : '<div class="empty">' + esc(tr(lang, '本期暂无商机', 'No deals in this period')) + '</div>')
    + (owners ? '<div class="section">' + esc(tr(lang, '按负责人(在途 / 赢单)', 'By owner (open / won)')) + '</div><table class="by-owner">' + cols(tr(lang, '负责人', 'Owner'), tr(lang, '赢单', 'Won')) + owners + '</table>' : '')
    + (others ? '<div class="section">' + esc(tr(lang, '其他币种', 'Other currencies')) + '</div><ul class="list other-currencies">' + others + '</ul>' : '')
}

function pipelineCard(d, lang) {
  if (!Array.isArray(d.stages)) return null
  return head('info', '📊 ' + (d.ownerName ? esc(d.ownerName) + ' · ' : '') + esc(tr(lang, '销售管道', 'Pipeline')), d.periodLabel) + body(pipelineTables(d, lang))
}

function choiceCard(d, lang) {
  if (!d.question) return null
  return head('warn', '🤔 ' + esc(tr(lang, '请选择客户', 'Which customer?'))) + body('<div>' + esc(d.question) + '</div>')
}

function dueCard(d, lang) {
  if (!d.reminder) return null
  const r = d.reminder
  return head('warn', '⏰ ' + esc(tr(lang, '提醒', 'Reminder')), r.dueLocal)
    + body('<div style="font-size:15px;font-weight:600">' + esc(r.text) + '</div>'
      + (r.customerName ? '<div class="muted">' + esc(tr(lang, '客户 ', 'Customer ') + r.customerName) + '</div>' : ''))
}

function digestCard(d, lang) {
  if (!d.dueToday && !d.staleCustomers) return null
  const due = (d.dueToday || []).map((r) => '<li><span class="when">' + esc(r.dueLocal) + '</span><span class="grow">' + esc(r.text) + '</span></li>').join('')
  const cold = (d.staleCustomers || []).map((c) => '<li><span class="grow"><b>' + esc(c.name) + '</b> <span class="muted">' + esc(c.ownerName || '') + '</span></span><span class="pill orange">'
    + esc(tr(lang, c.daysSilent + ' 天未联系', c.daysSilent + ' days silent')) + '</span></li>').join('')
  const deals = (d.staleDeals || []).map((x) => '<li><span class="grow"><b>' + esc(x.customerName) + '</b> ' + esc(x.title) + ' ' + stagePill(x.stage, lang) + '</span><span class="muted">'
    + esc(money(x.amount, x.currency, lang)) + '</span><span class="pill orange">' + esc(tr(lang, x.daysSilent + ' 天', x.daysSilent + 'd')) + '</span></li>').join('')
  return head('info', '☀️ ' + esc(tr(lang, '今日早报', 'Morning digest')))
    + body((due ? '<div class="section">' + esc(tr(lang, '今天到期', 'Due today')) + '</div><ul class="list">' + due + '</ul>' : '')
      + (cold ? '<div class="section">' + esc(tr(lang, '快要变冷的客户', 'Going cold')) + '</div><ul class="list">' + cold + '</ul>' : '')
      + (deals ? '<div class="section">' + esc(tr(lang, '停滞的商机', 'Stalled deals')) + '</div><ul class="list">' + deals + '</ul>' : '')
      + (d.pipeline ? '<div class="section">📊 ' + esc(tr(lang, '本月管道', 'Pipeline this month')) + '</div>' + pipelineTables(d.pipeline, lang) : '')
      || '<div class="empty">' + esc(tr(lang, '今天没有要紧事', 'Nothing urgent today')) + '</div>')
}

/** Example messages: "记录跟进: 今天…" shows its label and sends the part after it. */
function exampleButtons(examples) {
  return '<div class="examples">' + examples.map((e) => {
    const s = String(e), at = s.indexOf(': ')
    const send = at >= 0 ? s.slice(at + 2) : s
    return '<button type="button" class="example" data-send="' + esc(send) + '">' + (at >= 0 ? '<small>' + esc(s.slice(0, at)) + '</small>' : '') + esc(send) + '</button>'
  }).join('') + '</div>'
}

function helpCard(d, lang, reply) {
  if (!Array.isArray(d.examples)) return null
  const intro = String(reply.text || '').split('\\n')[0]
  return head(reply.intent === 'unknown' ? 'warn' : 'info', (reply.intent === 'unknown' ? '🤔 ' : '💡 ') + esc(intro || tr(lang, '我可以帮你', 'I can help with')))
    + body(exampleButtons(d.examples))
}

const CARDS = {
  log_interaction: noteCard, lookup_customer: customerCard, set_reminder: reminderSetCard, list_reminders: reminderListCard,
  update_deal: dealCard, pipeline_summary: pipelineCard, choice: choiceCard, reminder_due: dueCard, digest: digestCard,
  help: helpCard, unknown: helpCard,
}

// ---- thread ----

function scrollDown() { logEl.scrollTop = logEl.scrollHeight }

function addRow(who, name, at) {
  const row = document.createElement('div')
  row.className = 'row ' + who
  const avatar = document.createElement('div')
  avatar.className = 'avatar' + (who === 'bot' ? ' bot' : '')
  avatar.textContent = who === 'bot' ? 'C' : initial(name)
  if (who === 'me') avatar.style.background = colorOf(name)
  const col = document.createElement('div')
  col.className = 'col'
  const meta = document.createElement('div')
  meta.className = 'meta'
  meta.textContent = (who === 'bot' ? 'CRM 助手' : name) + ' · ' + clock(at)
  col.appendChild(meta)
  row.append(avatar, col)
  thread.appendChild(row)
  return col
}

function addUser(text, at) {
  const col = addRow('me', currentUser(), at)
  const div = document.createElement('div')
  div.className = 'msg me'
  div.textContent = text
  col.appendChild(div)
  scrollDown()
}

function addSystem(text) {
  const div = document.createElement('div')
  div.className = 'system'
  div.textContent = text
  thread.appendChild(div)
  scrollDown()
}

function addTyping() {
  const col = addRow('bot')
  const div = document.createElement('div')
  div.className = 'msg bot typing-bubble'
  div.innerHTML = '<span class="typing"><i></i><i></i><i></i></span>'
  col.appendChild(div)
  scrollDown()
  return col.parentElement
}

function renderReply(reply, lang) {
  lang = lang || langOf(reply.text)
  const d = reply.data && typeof reply.data === 'object' ? reply.data : {}
  const render = CARDS[reply.intent]
  let html = null
  try { html = render ? render(d, lang, reply) : null } catch (error) { console.error('render', reply.intent, error) }
  const col = addRow('bot')
  const div = document.createElement('div')
  div.className = 'msg bot ' + esc(reply.intent) + (html ? ' has-card' : '')
  div.dataset.intent = reply.intent
  div.innerHTML = html || '<div class="text">' + esc(reply.text) + '</div>'
  // A summary's charts come inline as data: URLs, drawn on the server.
  ;(Array.isArray(reply.charts) ? reply.charts : []).forEach((chart) => {
    if (typeof chart.src !== 'string' || !chart.src.startsWith('data:image/png;base64,')) return
    const img = document.createElement('img')
    img.className = 'chart'
    img.src = chart.src
    img.alt = String(chart.title || '')
    img.style.maxWidth = '100%'
    div.appendChild(img)
  })
  const actions = Array.isArray(reply.actions) ? reply.actions : []
  const bar = document.createElement('div')
  bar.className = 'actions' + (reply.intent === 'choice' ? ' options' : '')
  actions.forEach((a, index) => {
    const b = document.createElement('button')
    b.type = 'button'
    b.className = 'btn' + (a.style ? ' ' + a.style : '')
    b.dataset.action = a.action
    b.textContent = (reply.intent === 'choice' ? index + 1 + '. ' : '') + a.label
    b.addEventListener('click', () => press(a, b, div))
    const slot = reply.intent === 'list_reminders' && a.value && a.value.id != null
      ? div.querySelector('[data-slot="' + CSS.escape(String(a.value.id)) + '"]') : null
    if (slot) {
      b.classList.add('small')
      b.textContent = tr(lang, '完成', 'Done')
      slot.appendChild(b)
    } else bar.appendChild(b)
  })
  if (bar.childElementCount) div.appendChild(bar)
  col.appendChild(div)
  scrollDown()
  return div
}

// ---- network ----

function headers() {
  return { 'content-type': 'application/json' }
}

const SIGN_IN_HINT = '⚠️ 请先登录:私聊机器人「网页版」(或 /crm web),或在服务器上运行 crm login <名字>。 · Sign in first: DM the bot "web" (or /crm web), or run crm login <name> on the server.'

async function post(path, body) {
  let res
  try {
    res = await fetch(path, { method: 'POST', headers: headers(), body: JSON.stringify(body) })
  } catch {
    return { reply: { text: '⚠️ ' + tr(lastLang, '网络错误,请重试', 'Network error, please retry'), intent: 'error', data: null } }
  }
  if (res.status === 401) return { reply: { text: SIGN_IN_HINT, intent: 'error', data: null } }
  const json = await res.json().catch(() => ({ message: 'bad response ' + res.status }))
  if (!res.ok) return { reply: { text: '⚠️ ' + (json.message || res.status), intent: 'error', data: null } }
  return json
}

// Signed in (a one-time link, then an httpOnly cookie): the server decides who speaks; the name is shown, not typed.
let signedIn = false
async function loadSignedInUser() {
  try {
    const res = await fetch('/auth/me')
    if (!res.ok) return
    const me = await res.json()
    if (!me.signedIn) return
    signedIn = true
    userInput.value = me.displayName
    userInput.readOnly = true
    chattingAs = me.displayName
    showAvatar()
    pollOutbox()
  } catch {}
}

const newId = () => (crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2))
const currentUser = () => userInput.value.trim()
const chatId = () => 'dm:' + currentUser()

function lock(bubble, pressed) {
  for (const b of bubble.querySelectorAll('.btn[data-action]')) b.disabled = true
  if (pressed) pressed.classList.add('chosen')
}

async function press(action, button, bubble) {
  if (!currentUser()) return needName()
  if (action.action === 'edit_interaction') return openEditor(action, button, bubble)
  button.disabled = true
  const res = await post('/api/actions', { user: currentUser(), chat: chatId(), action: action.action, value: action.value })
  const ok = res.reply && res.reply.intent !== 'error'
  if (ok) lock(bubble, button)
  else button.disabled = false
  if (res.reply) renderReply(res.reply, lastLang)
}

/** Edit is a one-line correction (「是拜访不是电话」「下周五跟进」), typed under the note and posted with the action. */
function openEditor(action, button, bubble) {
  const open = bubble.querySelector('.editor input')
  if (open) return open.focus()
  const box = document.createElement('div')
  box.className = 'editor'
  const line = document.createElement('input')
  line.placeholder = tr(lastLang, '一句话修改,例如:是拜访不是电话 / 改成消极 / 下周五跟进', 'One line, e.g. it was a meeting / negative / follow up next Friday')
  line.setAttribute('aria-label', tr(lastLang, '修改', 'correction'))
  const buttons = document.createElement('div')
  const cancel = document.createElement('button')
  cancel.type = 'button'; cancel.className = 'btn'; cancel.textContent = tr(lastLang, '取消', 'Cancel')
  const save = document.createElement('button')
  save.type = 'button'; save.className = 'btn primary'; save.textContent = tr(lastLang, '保存', 'Save')
  buttons.append(cancel, save)
  box.append(line, buttons)
  bubble.insertBefore(box, bubble.querySelector('.actions'))
  line.focus()
  cancel.addEventListener('click', () => box.remove())
  const submit = async () => {
    const text = line.value.trim()
    if (!text) return line.focus()
    save.disabled = true
    const res = await post('/api/actions', { user: currentUser(), chat: chatId(), action: action.action, value: action.value, text })
    save.disabled = false
    if (res.reply && res.reply.intent !== 'error') {
      box.remove()
      const note = document.createElement('div')
      note.className = 'muted correction'
      note.textContent = '✏️ ' + text
      const cardBody = bubble.querySelector('.card-body')
      if (cardBody) cardBody.appendChild(note)
    }
    if (res.reply) renderReply(res.reply, lastLang)
  }
  save.addEventListener('click', submit)
  line.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.isComposing) { e.preventDefault(); submit() } })
}

async function send(text) {
  if (!text.trim()) return
  if (!currentUser()) { textInput.value = text; return needName() }
  rememberUser(currentUser())
  lastLang = langOf(text)
  addUser(text)
  textInput.value = ''
  fit()
  const typing = addTyping()
  $('send').disabled = true
  const res = await post('/api/messages', { user: currentUser(), text, chat: chatId(), id: newId() })
  typing.remove()
  $('send').disabled = false
  if (res.reply) renderReply(res.reply, lastLang)
  textInput.focus()
}

// ---- who am I ----

function knownUsers() {
  try { const list = JSON.parse(localStorage.getItem('crm.users') || '[]'); return Array.isArray(list) ? list.map(String) : [] } catch { return [] }
}
function rememberUser(name) {
  if (signedIn) return
  localStorage.setItem('crm.user', name)
  const list = [name, ...knownUsers().filter((n) => n !== name)].slice(0, 8)
  localStorage.setItem('crm.users', JSON.stringify(list))
  showKnownUsers()
}
function showKnownUsers() {
  const dl = $('known-users')
  dl.replaceChildren(...knownUsers().map((n) => Object.assign(document.createElement('option'), { value: n })))
}
function showAvatar() {
  const name = currentUser(), avatar = $('user-avatar')
  avatar.textContent = name ? initial(name) : '?'
  avatar.style.background = name ? colorOf(name) : ''
  if (name) $('who').classList.remove('need')
}
function needName() {
  $('who').classList.add('need')
  userInput.placeholder = tr(lastLang, '先填名字', 'name first')
  userInput.focus()
}
let chattingAs = ''
function commitUser() {
  const name = currentUser()
  showAvatar()
  if (!name || name === chattingAs) return
  const switched = Boolean(chattingAs)
  chattingAs = name
  rememberUser(name)
  resetThread()
  loadHistory().then(() => { if (switched) addSystem(tr(lastLang, '现在以「' + name + '」身份聊天', 'Now chatting as ' + name)) })
  pollOutbox()
}

function welcome() {
  const div = document.createElement('div')
  div.className = 'welcome'
  div.innerHTML = '<h2>👋 你好,我是 CRM 助手 · Hi, I am your CRM assistant</h2>'
    + '<p>用大白话告诉我你联系了谁、聊了什么,我来记录、提醒和汇总。点下面的例子试试。<br>'
    + 'Tell me about calls and meetings in plain words; I log them, remind you and sum up the pipeline. Try an example:</p>'
    + exampleButtons(['记录跟进: 今天给华为张总打了电话,他对报价满意,下周三跟进', '查客户: 查一下华为', '设提醒: 提醒我明天下午3点给美团王总发合同', '我的提醒', '本周管道汇总'])
    + exampleButtons(['Log: Called Jane at Acme, she loved the demo. Follow up next Tuesday.', 'Look up: find Acme', 'my reminders', 'pipeline this month'])
  thread.appendChild(div)
}

${HISTORY_SCRIPT}
// ---- wiring ----

function fit() { textInput.style.height = 'auto'; textInput.style.height = Math.min(textInput.scrollHeight + 2, 160) + 'px' }
document.addEventListener('click', (event) => {
  const example = event.target.closest && event.target.closest('.example')
  if (example) send(example.dataset.send || '')
})
composer.addEventListener('submit', (event) => { event.preventDefault(); commitUser(); send(textInput.value) })
textInput.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); composer.requestSubmit() } })
textInput.addEventListener('input', fit)
userInput.addEventListener('input', showAvatar)
userInput.addEventListener('change', commitUser)
userInput.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); commitUser(); textInput.focus() } })

let polling = false
async function pollOutbox() {
  if (polling || !currentUser()) return
  polling = true
  try {
    const res = await fetch('/api/outbox?chat=' + encodeURIComponent(chatId()), { headers: headers() })
    if (res.ok) {
      const { messages } = await res.json()
      for (const m of messages || []) renderReply(m)
    }
  } catch {} finally { polling = false }
}
setInterval(pollOutbox, 3000)

userInput.value = localStorage.getItem('crm.user') || ''
chattingAs = currentUser()
showKnownUsers()
showAvatar()
welcome()
loadHistory()
if (!currentUser()) userInput.focus(); else textInput.focus()
pollOutbox()
loadSignedInUser()
</script>
</body>
</html>`

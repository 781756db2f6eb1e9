/** The built-in web chat: one self-contained page, no build step. Rendering of each intent lives in its script. */
export const CHAT_PAGE_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CRM 助手 · Web Chat</title>
<style>
  :root { --bg:#f5f6f8; --me:#95ec69; --bot:#fff; --line:#e3e5e8; --ink:#1f2329; --muted:#8f959e; --accent:#3370ff; }
  * { box-sizing: border-box; }
  body { margin:0; font:15px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",system-ui,sans-serif; background:var(--bg); color:var(--ink); height:100vh; display:flex; flex-direction:column; }
  header { padding:10px 16px; background:#fff; border-bottom:1px solid var(--line); display:flex; gap:12px; align-items:center; }
  header h1 { font-size:16px; margin:0; flex:1; }
  header input { padding:6px 8px; border:1px solid var(--line); border-radius:6px; width:140px; }
  #log { flex:1; overflow-y:auto; padding:16px; display:flex; flex-direction:column; gap:10px; }
  .msg { max-width:min(640px,85%); padding:10px 12px; border-radius:10px; white-space:pre-wrap; word-break:break-word; box-shadow:0 1px 1px rgba(0,0,0,.04); }
  .me { align-self:flex-end; background:var(--me); }
  .bot { align-self:flex-start; background:var(--bot); border:1px solid var(--line); }
  .bot.error { border-color:#f54a45; }
  .card h3 { margin:0 0 6px; font-size:15px; }
  .card table { border-collapse:collapse; width:100%; font-size:13px; margin-top:6px; }
  .card td, .card th { border-bottom:1px solid var(--line); padding:3px 6px; text-align:left; }
  .card th { color:var(--muted); font-weight:500; }
  .card td.num { text-align:right; font-variant-numeric:tabular-nums; }
  .muted { color:var(--muted); font-size:13px; }
  .actions { display:flex; flex-wrap:wrap; gap:6px; margin-top:8px; }
  .actions button { border:1px solid var(--line); background:#fff; border-radius:6px; padding:3px 10px; cursor:pointer; font-size:13px; }
  .actions button.primary { border-color:var(--accent); color:var(--accent); }
  .actions button.danger { color:#f54a45; }
  form { display:flex; gap:8px; padding:12px 16px; background:#fff; border-top:1px solid var(--line); }
  form textarea { flex:1; resize:none; height:44px; padding:10px; border:1px solid var(--line); border-radius:8px; font:inherit; }
  form button { padding:0 18px; border:0; border-radius:8px; background:var(--accent); color:#fff; font:inherit; cursor:pointer; }
</style>
</head>
<body>
<header>
  <h1>🤝 CRM 助手</h1>
  <label class="muted">我是 <input id="user" placeholder="你的名字 / your name" autocomplete="off"></label>
</header>
<main id="log" aria-live="polite"></main>
<form id="composer">
  <textarea id="text" placeholder="例如:今天给华为张总打了电话,他对报价满意,下周三跟进" aria-label="message"></textarea>
  <button type="submit" id="send">发送</button>
</form>
<script type="module">
const $ = (id) => document.getElementById(id)
const log = $('log'), userInput = $('user'), textInput = $('text')
userInput.value = localStorage.getItem('crm.user') || ''
userInput.addEventListener('change', () => localStorage.setItem('crm.user', userInput.value.trim()))
const chatId = () => 'dm:' + userInput.value.trim()
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;' })[ch])
const money = (n, cur) => new Intl.NumberFormat(navigator.language, { style:'currency', currency: cur || 'CNY', maximumFractionDigits:0 }).format(n)
const STAGES = { lead:'线索 Lead', qualified:'确认需求 Qualified', proposal:'方案 Proposal', negotiation:'谈判 Negotiation', won:'赢单 Won', lost:'丢单 Lost' }

function headers() {
  const h = { 'content-type': 'application/json' }
  const token = localStorage.getItem('crm.token')
  if (token) h.authorization = 'Bearer ' + token
  return h
}

function bubble(cls, html) {
  const div = document.createElement('div')
  div.className = 'msg ' + cls
  div.innerHTML = html
  log.appendChild(div)
  log.scrollTop = log.scrollHeight
  return div
}

function renderCard(reply) {
  const d = reply.data || {}
  if (reply.intent === 'lookup_customer' && d.customer) {
    const rows = (d.interactions || []).map((i) => '<tr><td>' + esc(i.occurredLocal) + '</td><td>' + esc(i.summary) + '</td></tr>').join('')
    const deals = (d.deals || []).map((x) => '<tr><td>' + esc(x.title) + '</td><td>' + esc(STAGES[x.stage]) + '</td><td class="num">' + money(x.amount, x.currency) + '</td></tr>').join('')
    const contacts = (d.contacts || []).map((c) => esc(c.name) + (c.title ? ' · ' + esc(c.title) : '')).join(', ')
    return '<div class="card"><h3>📇 ' + esc(d.customer.name) + '</h3>'
      + '<div class="muted">负责人 Owner: ' + esc(d.customer.ownerName || '—') + (contacts ? ' · 联系人: ' + contacts : '') + '</div>'
      + (deals ? '<table><tr><th>商机</th><th>阶段</th><th>金额</th></tr>' + deals + '</table>' : '')
      + (rows ? '<table><tr><th>时间</th><th>跟进记录</th></tr>' + rows + '</table>' : '<div class="muted">暂无跟进 / no activity</div>')
      + (d.nextReminder ? '<div class="muted">⏰ ' + esc(d.nextReminder.dueLocal) + ' ' + esc(d.nextReminder.text) + '</div>' : '')
      + '</div>'
  }
  if (reply.intent === 'pipeline_summary' && d.stages) {
    const rows = d.stages.map((s) => '<tr><td>' + esc(STAGES[s.stage]) + '</td><td class="num">' + s.count + '</td><td class="num">' + money(s.amount, d.currency) + '</td><td class="num">' + money(s.weighted_amount, d.currency) + '</td></tr>').join('')
    const owners = (d.owners || []).map((o) => '<tr><td>' + esc(o.owner) + '</td><td class="num">' + o.count + '</td><td class="num">' + money(o.amount, d.currency) + '</td><td class="num">' + money(o.weighted_amount, d.currency) + '</td></tr>').join('')
    return '<div class="card"><h3>📊 ' + esc(d.periodLabel) + '</h3><table><tr><th>阶段 Stage</th><th>数量</th><th>金额</th><th>加权</th></tr>' + rows + '</table>'
      + (owners ? '<table><tr><th>负责人 Owner</th><th>数量</th><th>金额</th><th>加权</th></tr>' + owners + '</table>' : '') + '</div>'
  }
  return esc(reply.text)
}

function renderReply(reply) {
  const div = bubble('bot' + (reply.intent === 'error' ? ' error' : ''), renderCard(reply))
  div.dataset.intent = reply.intent
  if (reply.actions && reply.actions.length) {
    const bar = document.createElement('div')
    bar.className = 'actions'
    for (const a of reply.actions) {
      const b = document.createElement('button')
      b.textContent = a.label
      if (a.style) b.className = a.style
      b.addEventListener('click', () => act(a, b))
      bar.appendChild(b)
    }
    div.appendChild(bar)
  }
}

async function post(path, body) {
  const res = await fetch(path, { method: 'POST', headers: headers(), body: JSON.stringify(body) })
  if (res.status === 401) {
    const token = prompt('API token (CRM_API_TOKEN)')
    if (token) { localStorage.setItem('crm.token', token); return post(path, body) }
  }
  const json = await res.json().catch(() => ({ message: 'bad response ' + res.status }))
  if (!res.ok) return { reply: { text: '⚠️ ' + (json.message || res.status), intent: 'error', data: null } }
  return json
}

async function act(action, button) {
  let text
  if (action.action === 'edit_interaction') text = prompt('修改为 / corrected note:') || undefined
  button.disabled = true
  const res = await post('/api/actions', { user: userInput.value.trim(), chat: chatId(), action: action.action, value: action.value, text })
  if (res.reply) renderReply(res.reply)
}

$('composer').addEventListener('submit', async (event) => {
  event.preventDefault()
  const user = userInput.value.trim()
  const text = textInput.value
  if (!user) { userInput.focus(); userInput.placeholder = '先填名字 / name first'; return }
  if (!text.trim()) return
  localStorage.setItem('crm.user', user)
  bubble('me', esc(text))
  textInput.value = ''
  const res = await post('/api/messages', { user, text, chat: chatId() })
  if (res.reply) renderReply(res.reply)
})
textInput.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); $('composer').requestSubmit() } })

setInterval(async () => {
  if (!userInput.value.trim()) return
  const res = await fetch('/api/outbox?chat=' + encodeURIComponent(chatId()), { headers: headers() }).catch(() => null)
  if (!res || !res.ok) return
  const { messages } = await res.json()
  for (const m of messages) renderReply(m)
}, 3000)
</script>
</body>
</html>`

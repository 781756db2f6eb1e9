/**
 * The web page's history and list shortcuts, spliced into the page's module script (see chat-page.ts for
 * the rules: no backticks, no dollar-brace). It uses the page's own helpers: renderReply, addUser, addSystem,
 * send, headers, currentUser, chatId, thread, tr, esc.
 */
export const HISTORY_SCRIPT = `
// ---- history: the stored messages and replies, newest page first, older pages on demand ----

let historyBefore = null
async function loadHistory(older) {
  if (!currentUser()) return
  const q = new URLSearchParams({ user: currentUser(), chat: chatId(), limit: '30' })
  if (older && historyBefore) q.set('before', historyBefore)
  let page
  try {
    const res = await fetch('/api/history?' + q.toString(), { headers: headers() })
    if (!res.ok) return
    page = await res.json()
  } catch { return }
  const messages = page.messages || []
  const more = $('older')
  if (more) more.remove()
  // Render at the end, then move the new nodes before what was there: older pages go on top.
  const first = thread.firstChild && !older ? null : thread.firstChild
  const start = thread.childElementCount
  for (const m of messages) {
    addUser(m.text, m.at)
    if (m.reply) renderReply(m.reply)
  }
  if (older) {
    const added = Array.from(thread.children).slice(start)
    for (const node of added) thread.insertBefore(node, first)
  }
  historyBefore = page.next_before || null
  if (historyBefore) {
    const b = document.createElement('button')
    b.type = 'button'; b.id = 'older'; b.className = 'btn small older'
    b.textContent = tr(lastLang, '加载更早的消息', 'Load earlier messages')
    b.addEventListener('click', () => loadHistory(true))
    thread.insertBefore(b, thread.firstChild)
  }
  if (!older) scrollDown()
}

function resetThread() {
  thread.replaceChildren()
  historyBefore = null
  welcome()
}

// ---- lists: my customers, my deals, my reminders ----

function listCard(d, lang) {
  if (!Array.isArray(d.items)) return null
  const items = d.items.map((i) => '<li data-id="' + esc(i.id) + '"><span class="grow"><b>' + esc(i.title) + '</b> <span class="muted">' + esc(i.detail) + '</span></span>'
    + '<button type="button" class="btn small example" data-send="' + esc(i.send) + '">' + esc(tr(lang, '查看', 'Open')) + '</button></li>').join('')
  return head('info', esc(d.title)) + body(items ? '<ul class="list my-list" data-kind="' + esc(d.kind) + '">' + items + '</ul>' : '<div class="empty">' + esc(d.empty) + '</div>')
}
CARDS.list = listCard

for (const b of document.querySelectorAll('#lists [data-send]')) b.addEventListener('click', () => send(b.dataset.send))
`

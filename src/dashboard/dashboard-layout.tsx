import type { Child } from 'hono/jsx'
import type { Actor } from '../crm/crm-context.ts'

export type Lang = 'zh' | 'en'

/** The page language: the signed-in user's locale. */
export const langOf = (actor: Actor): Lang => (actor.locale.startsWith('zh') ? 'zh' : 'en')

/** Picks the words for the reader's language. */
export const tr = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en)

const CSS = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;background:#f5f6f8;color:#1d2330}
header{display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:10px 16px;background:#1f3a5f;color:#fff}
header a{color:#dfe9f7;text-decoration:none}header a[aria-current]{color:#fff;font-weight:600;text-decoration:underline}
header .who{margin-left:auto;opacity:.8}main{padding:16px;max-width:1200px;margin:0 auto}
.board{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px}
.column{background:#e9edf3;border-radius:8px;padding:8px}.column h2{font-size:15px;margin:4px 4px 8px}
.card{background:#fff;border-radius:6px;padding:8px 10px;margin-bottom:8px;box-shadow:0 1px 2px #0001}
.card .amount{font-weight:600}.muted{color:#667085;font-size:13px}
table{border-collapse:collapse;width:100%;background:#fff}td,th{padding:6px 8px;border-bottom:1px solid #eceff3;text-align:left}
.timeline{list-style:none;padding:0}.timeline li{background:#fff;border-left:3px solid #8aa4c8;margin:0 0 8px;padding:6px 10px}
.timeline li.negative{border-color:#d9534f}.timeline li.positive{border-color:#3c9d5d}
.pill{display:inline-block;border-radius:10px;padding:0 8px;margin-right:6px;background:#e9edf3}
form.search input{padding:6px 8px;width:min(320px,70vw)}
@media (max-width:700px){.board{grid-template-columns:1fr}main{padding:10px}}
`

const NAV: [path: string, zh: string, en: string][] = [
  ['/dashboard', '管道', 'Pipeline'],
  ['/dashboard/customers', '客户', 'Customers'],
  ['/dashboard/reminders', '提醒', 'Reminders'],
  ['/dashboard/activity', '团队动态', 'Activity'],
]

/** The page shell: navigation, who is signed in, and the content. */
export function Layout(props: { actor: Actor; title: string; path: string; children?: Child }) {
  const lang = langOf(props.actor)
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · CRM</title>
        <style>{CSS}</style>
      </head>
      <body>
        <header>
          {NAV.map(([path, zh, en]) => (
            <a href={path} aria-current={path === props.path ? 'page' : undefined}>
              {tr(lang, zh, en)}
            </a>
          ))}
          <span class="who">{props.actor.displayName}</span>
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  )
}

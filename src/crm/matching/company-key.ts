import { ZH_CITIES } from '../../understand/name-lists.ts'
import { normalizeCompanyName } from '../normalize.ts'

const PROVINCES =
  '河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门'
// A place before the brand (`北京市`, `广东省深圳市`, `浦东新区`): where a company registered, not who it is.
const REGION_PREFIX = new RegExp(
  `^(?:(?:${PROVINCES})(?:省|自治区|特别行政区)?)?(?:(?:${ZH_CITIES})(?:市|区|县)?)`,
)
const PROVINCE_PREFIX = new RegExp(`^(?:${PROVINCES})(?:省|自治区)?`)
// `华为技术(深圳)有限公司`: a bracketed place is where a branch sits.
const BRACKETED = /[(（][^)）]{1,12}[)）]/g
// `北京银行`, `上海大学`: with the place gone only a kind of institution is left, so the place is the name.
const KIND_ONLY =
  /^(?:银行|农商银行|农商行|大学|学院|医院|人民医院|中学|小学|电视台|日报|机场|地铁|城投|证券|保险|移动|联通|电信)/

/**
 * Words for a trade that follow a brand (`华为技术`, `字节跳动科技`, `Acme Technologies`): longest first so
 * `信息技术` goes whole. Banks, hospitals and schools keep their kind: `华夏银行` is not `华夏`.
 */
const TRADE_WORDS = [
  '计算机系统',
  '信息技术',
  '网络科技',
  '电子商务',
  '技术服务',
  '计算机',
  '软件',
  '技术',
  '科技',
  '网络',
  '信息',
  '电子',
  '通信',
  '数码',
  '智能',
  '实业',
  '贸易',
  '控股',
  '股份',
  '发展',
  '国际',
  '集团',
  'technologies',
  'technology',
  'software',
  'systems',
  'holdings',
  'international',
  'group',
  'tech',
]

/**
 * Short names and foreign names everyone uses for a company, by company key. A small built-in list; the
 * `customer_aliases` table adds a workspace's own.
 */
export const BUILT_IN_ALIASES: Readonly<Record<string, string>> = {
  huawei: '华为',
  招行: '招商银行',
  工行: '中国工商银行',
  工商银行: '中国工商银行',
  建行: '中国建设银行',
  建设银行: '中国建设银行',
  农行: '中国农业银行',
  农业银行: '中国农业银行',
  中行: '中国银行',
  交行: '交通银行',
  alibaba: '阿里巴巴',
  阿里: '阿里巴巴',
  tencent: '腾讯',
  baidu: '百度',
  bytedance: '字节跳动',
  字节: '字节跳动',
  xiaomi: '小米',
  lenovo: '联想',
  meituan: '美团',
  jd: '京东',
  sinopec: '中国石化',
  中石化: '中国石化',
  petrochina: '中国石油',
  中石油: '中国石油',
}

/**
 * The brand a company name comes down to: legal suffixes, a leading 省/市/区, a bracketed branch place and
 * trade words after the brand are dropped, widths and case folded. `北京市华为技术有限公司` → `华为`,
 * `Huawei Technologies Co., Ltd.` → `huawei`. At least two characters of brand are always kept.
 */
export function companyKey(name: string): string {
  let key = normalizeCompanyName(name.normalize('NFKC').replace(BRACKETED, ''))
  for (let changed = true; changed; ) {
    changed = false
    const bare = normalizeCompanyName(key)
    if (bare !== key) [key, changed] = [bare, true]
    const region = REGION_PREFIX.exec(key)?.[0] ?? PROVINCE_PREFIX.exec(key)?.[0]
    const rest = region ? key.slice(region.length) : ''
    if (rest.length >= 2 && !KIND_ONLY.test(rest)) [key, changed] = [rest, true]
    const trade = TRADE_WORDS.find((w) => key.endsWith(w) && key.length - w.length >= 2)
    if (trade) [key, changed] = [key.slice(0, key.length - trade.length), true]
  }
  return key
}

/** The key a company is best known by: a built-in alias's target, else the key itself. */
export function canonicalKey(key: string): string {
  return BUILT_IN_ALIASES[key] !== undefined ? companyKey(BUILT_IN_ALIASES[key]) : key
}

import { CrmError } from '../crm-error.ts'

export const IMPORT_KINDS = ['customers', 'contacts', 'deals', 'interactions'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

/** The headers each field is known by, Chinese and English, compared lower-cased without spaces. */
const HEADERS = {
  customer: [
    '客户名称',
    '客户',
    '客户名',
    '公司',
    '公司名称',
    '企业名称',
    '单位',
    'customer',
    'customername',
    'company',
    'companyname',
    'account',
    'accountname',
  ],
  industry: ['行业', '所属行业', 'industry'],
  owner: ['负责人', '销售', '所属销售', '客户经理', 'owner', 'salesrep', 'accountowner'],
  tags: ['标签', 'tags', 'tag'],
  contact: ['联系人', '姓名', '联系人姓名', 'contact', 'contactname', 'name', 'fullname'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话', 'mobile', 'phone', 'phonenumber', 'tel'],
  email: ['邮箱', '电子邮件', '电子邮箱', 'email', 'e-mail', 'mail'],
  title: ['职位', '职务', '头衔', 'title', 'jobtitle', 'position'],
  wechat: ['微信', '微信号', 'wechat', 'wechatid'],
  consent: ['同意', '营销同意', '授权', '是否同意', 'consent', 'marketingconsent'],
  deal: ['商机', '商机名称', '项目', '项目名称', 'deal', 'dealname', 'opportunity', 'opportunityname'],
  stage: ['阶段', '销售阶段', '商机阶段', 'stage', 'dealstage'],
  amount: ['金额', '预计金额', '合同金额', 'amount', 'value', 'dealvalue'],
  currency: ['币种', '货币', 'currency'],
  expectedClose: ['预计成交', '预计成交日期', '预计签约', 'expectedclose', 'closedate'],
  text: ['内容', '跟进内容', '记录', '备注', 'note', 'notes', 'content', 'text', 'description'],
  type: ['类型', '方式', '跟进方式', 'type', 'activitytype'],
  occurredAt: ['时间', '日期', '跟进时间', '跟进日期', 'date', 'time', 'occurredat'],
} as const
export type ImportField = keyof typeof HEADERS

const FIELDS_OF: Record<ImportKind, { required: ImportField[]; optional: ImportField[] }> = {
  customers: { required: ['customer'], optional: ['industry', 'owner', 'tags'] },
  contacts: {
    required: ['customer', 'contact'],
    optional: ['phone', 'email', 'title', 'wechat', 'consent', 'owner'],
  },
  deals: {
    required: ['customer', 'deal'],
    optional: ['stage', 'amount', 'currency', 'expectedClose', 'owner'],
  },
  interactions: { required: ['customer', 'text'], optional: ['type', 'occurredAt', 'contact', 'owner'] },
}

/** Which column holds each field: `column.phone` is the index of `手机` or `Mobile`. */
export type ColumnMap = Partial<Record<ImportField, number>>

const fold = (header: string) =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_*()（）:：]/g, '')

/**
 * Maps a file's header row to the fields of `kind`. Throws `invalid` naming the missing required columns
 * and the headers it accepts, so a user sees what to rename.
 */
export function mapColumns(kind: ImportKind, headers: string[]): { columns: ColumnMap; ignored: string[] } {
  const columns: ColumnMap = {}
  const ignored: string[] = []
  const wanted = [...FIELDS_OF[kind].required, ...FIELDS_OF[kind].optional]
  headers.forEach((header, index) => {
    const field = wanted.find((f) => (HEADERS[f] as readonly string[]).includes(fold(header)))
    if (field && columns[field] === undefined) columns[field] = index
    else if (header.trim()) ignored.push(header)
  })
  const missing = FIELDS_OF[kind].required.filter((f) => columns[f] === undefined)
  if (missing.length) {
    const expected = missing.map((f) => `${f} (${HEADERS[f].slice(0, 3).join(' / ')})`).join(', ')
    throw new CrmError(
      'invalid',
      `${kind} file has no column for ${expected}; headers found: ${headers.join(', ')}`,
    )
  }
  return { columns, ignored }
}

/** The trimmed text of a field in a row, or '' when the file has no such column. */
export function cell(values: string[], columns: ColumnMap, field: ImportField): string {
  const index = columns[field]
  return index === undefined ? '' : (values[index] ?? '').trim()
}

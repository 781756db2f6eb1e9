/**
 * The CRM's tables. Ids are time-sortable text ids made in the app (see `new-id.ts`) so related rows and
 * their audit entries can be written in one `batch`, which both libSQL and D1 run atomically.
 * Instants are integer milliseconds since the epoch, UTC; money is integer minor units plus ISO 4217 code.
 */
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`)
const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`)

/**
 * `team`: everyone in the workspace reads and writes every customer (owners are still kept and reported).
 * `private`: a rep their own, a manager their teams, an admin everything, plus customers shared with them.
 */
export const SHARING_MODES = ['team', 'private'] as const
export type SharingMode = (typeof SHARING_MODES)[number]

/** A Slack team, a WeCom corp, or the local web one. */
export const workspaces = sqliteTable(
  'workspaces',
  {
    id: text('id').primaryKey(),
    platform: text('platform').notNull(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull().default(''),
    /**
     * Who reads and writes which customers. The column default keeps workspaces made before sharing
     * existed `private` on upgrade; `ensureWorkspace` makes every new one `team`.
     */
    sharingMode: text('sharing_mode', { enum: SHARING_MODES }).notNull().default('private'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('workspaces_platform_external').on(t.platform, t.externalId)],
)

export const ROLES = ['rep', 'manager', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id')
    .notNull()
    .references(() => workspaces.id),
  name: text('name').notNull(),
  managerUserId: text('manager_user_id'),
  createdAt: createdAt(),
})

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    platformUserId: text('platform_user_id').notNull(),
    displayName: text('display_name').notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    locale: text('locale').notNull().default('zh-CN'),
    role: text('role', { enum: ROLES }).notNull().default('rep'),
    teamId: text('team_id').references(() => teams.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_workspace_platform_user').on(t.workspaceId, t.platformUserId)],
)

export const CUSTOMER_STATUSES = ['active', 'inactive', 'archived'] as const

export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    /** Lower-cased, without spaces, punctuation and 公司/集团/Inc suffixes: what matching compares. */
    normalizedName: text('normalized_name').notNull(),
    industry: text('industry'),
    ownerUserId: text('owner_user_id').references(() => users.id),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    status: text('status', { enum: CUSTOMER_STATUSES }).notNull().default('active'),
    /** 公海: unowned customers any rep may claim. */
    inPool: integer('in_pool', { mode: 'boolean' }).notNull().default(false),
    /**
     * The normalized name while the customer is live (not archived), null otherwise; unique per workspace,
     * so two messages creating one new customer at once make one. A column of its own rather than a unique
     * index on `normalized_name`: customers stored twice before it existed keep null and need no cleanup.
     */
    liveNameKey: text('live_name_key'),
    /** Since when the current owner has held it (created or claimed); the 公海 clock for "no won deal". */
    ownedSince: integer('owned_since', { mode: 'timestamp_ms' }),
    /** When it last returned to the pool, and whose it was: managers see returns in their digest. */
    poolReturnedAt: integer('pool_returned_at', { mode: 'timestamp_ms' }),
    lastOwnerUserId: text('last_owner_user_id'),
    /**
     * When the customer was last worked (its latest interaction, else its creation): kept beside the row so
     * `not contacted for N days` is an index range, not a max() over every interaction.
     */
    lastContactAt: integer('last_contact_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('customers_workspace_live_name').on(t.workspaceId, t.liveNameKey),
    index('customers_workspace_normalized').on(t.workspaceId, t.normalizedName),
    index('customers_owner').on(t.ownerUserId),
    // Status before the date, so `active and silent since` is one range the index alone answers (count
    // too); the owner after it, so a team's longest-silent customers are found walking it without rows.
    index('customers_workspace_contact').on(t.workspaceId, t.status, t.lastContactAt, t.ownerUserId),
    // A rep's or a team's silent customers counted: one range per owner, index only.
    index('customers_owner_contact').on(t.workspaceId, t.ownerUserId, t.status, t.lastContactAt),
    index('customers_workspace_created').on(t.workspaceId, t.createdAt),
  ],
)

/** 协作人: users who may read a customer they do not own and log notes on it, in `private` workspaces. */
export const customerCollaborators = sqliteTable(
  'customer_collaborators',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    addedByUserId: text('added_by_user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('customer_collaborators_customer_user').on(t.customerId, t.userId),
    index('customer_collaborators_user').on(t.userId),
  ],
)

export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    normalizedName: text('normalized_name').notNull(),
    title: text('title'),
    /** E.164 numbers, normalized so `138-0013-8000` and `+86 13800138000` are one. */
    phones: text('phones', { mode: 'json' }).$type<string[]>().notNull().default([]),
    email: text('email'),
    wechatId: text('wechat_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // Customer first, so a customer's contacts are a range; the name after it finds one contact by name.
  (t) => [index('contacts_customer_name').on(t.customerId, t.normalizedName)],
)

/**
 * Each contact's phones, one row a number, so "who has +8613800138000" is an index lookup rather than a
 * scan of every contact's JSON list (an import matches each row's phones this way). Kept by triggers on
 * `contacts` (migration 0010), so no writer can forget it and erasing a contact removes its numbers.
 */
export const contactPhones = sqliteTable(
  'contact_phones',
  {
    workspaceId: text('workspace_id').notNull(),
    phone: text('phone').notNull(),
    contactId: text('contact_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.phone, t.contactId] }),
    index('contact_phones_contact').on(t.contactId),
  ],
)

export const INTERACTION_TYPES = ['call', 'visit', 'meeting', 'message', 'email', 'note'] as const
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const
export const ENRICHMENT_STATUSES = ['none', 'pending', 'done', 'failed'] as const

/** 跟进记录. */
export const interactions = sqliteTable(
  'interactions',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    contactId: text('contact_id').references(() => contacts.id),
    dealId: text('deal_id'),
    authorUserId: text('author_user_id').references(() => users.id),
    type: text('type', { enum: INTERACTION_TYPES }).notNull().default('note'),
    rawText: text('raw_text').notNull(),
    summary: text('summary'),
    sentiment: text('sentiment', { enum: SENTIMENTS }),
    sentimentScore: real('sentiment_score'),
    extracted: text('extracted', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: integer('occurred_at', { mode: 'timestamp_ms' }).notNull(),
    sourcePlatform: text('source_platform').notNull(),
    sourceMessageId: text('source_message_id').notNull(),
    enrichmentStatus: text('enrichment_status', { enum: ENRICHMENT_STATUSES }).notNull().default('none'),
    enrichmentAttempts: integer('enrichment_attempts').notNull().default(0),
    enrichmentNextAt: integer('enrichment_next_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('interactions_source').on(t.workspaceId, t.sourcePlatform, t.sourceMessageId),
    index('interactions_customer_time').on(t.customerId, t.occurredAt),
    index('interactions_enrichment').on(t.enrichmentStatus, t.enrichmentNextAt),
    // Covering indexes for the activity report: a period's interactions by author without touching rows.
    index('interactions_workspace_time').on(
      t.workspaceId,
      t.occurredAt,
      t.authorUserId,
      t.type,
      t.customerId,
    ),
    index('interactions_author_time').on(t.authorUserId, t.occurredAt, t.type, t.customerId, t.workspaceId),
  ],
)

export const DEAL_STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const
export type DealStage = (typeof DEAL_STAGES)[number]

/** 商机. */
export const deals = sqliteTable(
  'deals',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    title: text('title').notNull(),
    amountMinor: integer('amount_minor').notNull().default(0),
    currency: text('currency').notNull().default('CNY'),
    stage: text('stage', { enum: DEAL_STAGES }).notNull().default('lead'),
    /** Percent, 0..100; defaults from the stage. */
    probability: integer('probability').notNull(),
    expectedClose: text('expected_close'),
    ownerUserId: text('owner_user_id').references(() => users.id),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    /**
     * When the stage last changed: the latest `deal_stage_history` row's `changed_at`, null without one.
     * Kept beside the row so "moved within the period" is read off the pipeline's index, and the history
     * is only consulted for deals that changed again after the period.
     */
    stageChangedAt: integer('stage_changed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('deals_customer').on(t.customerId),
    // Covers the pipeline summary (pipeline-groups.ts): the deals of some stages and owners summed without
    // reading a row, in the order of its GROUP BY (stage, owner, currency).
    index('deals_workspace_stage').on(
      t.workspaceId,
      t.stage,
      t.ownerUserId,
      t.currency,
      t.closedAt,
      t.amountMinor,
      t.probability,
      t.stageChangedAt,
      t.id,
    ),
    index('deals_workspace_close').on(t.workspaceId, t.expectedClose),
    // Covers a period's won and lost deals for a whole workspace (the pipeline, the win rate).
    index('deals_workspace_closed_at').on(
      t.workspaceId,
      t.closedAt,
      t.stage,
      t.ownerUserId,
      t.currency,
      t.amountMinor,
      t.probability,
      t.stageChangedAt,
      t.id,
    ),
  ],
)

export const dealStageHistory = sqliteTable(
  'deal_stage_history',
  {
    id: text('id').primaryKey(),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id),
    fromStage: text('from_stage', { enum: DEAL_STAGES }),
    toStage: text('to_stage', { enum: DEAL_STAGES }).notNull(),
    changedByUserId: text('changed_by_user_id'),
    changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // With the time: "did this deal change within the period" is one index probe.
    index('deal_stage_history_deal').on(t.dealId, t.changedAt),
  ],
)

export const REMINDER_STATUSES = ['pending', 'sent', 'done', 'cancelled', 'failed'] as const
export type ReminderStatus = (typeof REMINDER_STATUSES)[number]

export const reminders = sqliteTable(
  'reminders',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    ownerUserId: text('owner_user_id')
      .notNull()
      .references(() => users.id),
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    text: text('text').notNull(),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    status: text('status', { enum: REMINDER_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    customerId: text('customer_id').references(() => customers.id),
    dealId: text('deal_id').references(() => deals.id),
    /** Until when (UTC ms) a scheduler that claimed this due reminder owns it; see `claimDueReminders`. */
    leaseUntil: integer('lease_until'),
    /** RFC 5545 RRULE (`FREQ=WEEKLY;BYDAY=MO`) of a recurring reminder; each occurrence is its own row. */
    recurrence: text('recurrence'),
    /** The first occurrence's id, shared by every occurrence of one series. */
    seriesId: text('series_id'),
    /** When this occurrence was scheduled for; a snooze moves `dueAt`, never this. */
    occurrenceAt: integer('occurrence_at', { mode: 'timestamp_ms' }),
    /** The zone the series' wall-clock time is kept in (09:00 stays 09:00 across daylight saving). */
    timeZone: text('time_zone'),
    createdAt: createdAt(),
  },
  (t) => [
    index('reminders_due').on(t.status, t.dueAt),
    index('reminders_owner').on(t.ownerUserId, t.status),
    uniqueIndex('reminders_series_occurrence').on(t.seriesId, t.occurrenceAt),
  ],
)

/**
 * A workspace's rules for pushes and the 公海 (public pool). A missing row means the defaults; times are
 * minutes after local midnight in each user's own zone.
 */
export const workspaceSettings = sqliteTable('workspace_settings', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  quietHoursEnabled: integer('quiet_hours_enabled', { mode: 'boolean' }).notNull().default(true),
  quietStartMinute: integer('quiet_start_minute')
    .notNull()
    .default(21 * 60),
  quietEndMinute: integer('quiet_end_minute')
    .notNull()
    .default(8 * 60),
  poolEnabled: integer('pool_enabled', { mode: 'boolean' }).notNull().default(false),
  poolNoFollowUpDays: integer('pool_no_follow_up_days').notNull().default(30),
  poolNoWonDays: integer('pool_no_won_days').notNull().default(90),
  poolWarnDays: integer('pool_warn_days').notNull().default(3),
  poolClaimLimit: integer('pool_claim_limit').notNull().default(50),
  nudgeDealDays: integer('nudge_deal_days').notNull().default(14),
  nudgeCustomerDays: integer('nudge_customer_days').notNull().default(60),
  updatedAt: updatedAt(),
})

/** When an owner was last nudged about a record (`deal:<id>`, `customer:<id>`): at most once a week each. */
export const nudgeLog = sqliteTable('nudge_log', {
  key: text('key').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  ownerUserId: text('owner_user_id').notNull(),
  lastSentAt: integer('last_sent_at', { mode: 'timestamp_ms' }),
  snoozedUntil: integer('snoozed_until', { mode: 'timestamp_ms' }),
})

export const CONSENT_STATUSES = ['granted', 'withdrawn'] as const

/** Whether a contact agreed to be contacted on a channel, and on what basis: kept as history, never edited. */
export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    channel: text('channel').notNull(),
    status: text('status', { enum: CONSENT_STATUSES }).notNull(),
    basis: text('basis'),
    recordedByUserId: text('recorded_by_user_id'),
    recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('consents_contact').on(t.contactId)],
)

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    actorUserId: text('actor_user_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('audit_entity').on(t.entityType, t.entityId),
    index('audit_workspace_at').on(t.workspaceId, t.at),
  ],
)

export const INBOUND_STATUSES = ['received', 'processed', 'failed', 'ignored'] as const

/**
 * Every chat message as it arrived, stored before anything that can fail. The unique key on the platform's
 * own message id is what turns a platform retry into a no-op.
 */
export const inboundMessages = sqliteTable(
  'inbound_messages',
  {
    id: text('id').primaryKey(),
    platform: text('platform').notNull(),
    platformWorkspaceId: text('platform_workspace_id').notNull(),
    platformMessageId: text('platform_message_id').notNull(),
    chatId: text('chat_id').notNull(),
    chatKind: text('chat_kind', { enum: ['direct', 'group'] }).notNull(),
    platformUserId: text('platform_user_id').notNull(),
    userName: text('user_name'),
    text: text('text').notNull(),
    mentioned: integer('mentioned', { mode: 'boolean' }).notNull().default(false),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
    status: text('status', { enum: INBOUND_STATUSES }).notNull().default('received'),
    reply: text('reply', { mode: 'json' }),
    error: text('error'),
  },
  (t) => [
    // No index on status: it would cost every stored message ~20% more, and the one query by status
    // (resuming unanswered messages on start) ranges over the time-ordered primary key instead.
    uniqueIndex('inbound_platform_message').on(t.platform, t.platformWorkspaceId, t.platformMessageId),
  ],
)

/**
 * A question the bot asked (which of several customers was meant), before pending_confirmations replaced it;
 * no longer written, kept so existing databases migrate additively.
 */
export const pendingChoices = sqliteTable('pending_choices', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  userId: text('user_id').notNull(),
  chatId: text('chat_id').notNull(),
  inboundMessageId: text('inbound_message_id').notNull(),
  options: text('options', { mode: 'json' }).$type<{ id: string; name: string }[]>().notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
})

/**
 * A write the bot proposed and holds until its user confirms it (src/chat/confirm/): one row per question,
 * answered at most once (`resolved_at`), and void after `expires_at`. `options` holds what each answer writes.
 */
export const pendingConfirmations = sqliteTable(
  'pending_confirmations',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    /** The CRM user the question is for: only their answer counts. */
    userId: text('user_id').notNull(),
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    /** The stored message the proposal reads; confirming re-runs it with the chosen option's reading. */
    inboundMessageId: text('inbound_message_id').notNull(),
    question: text('question').notNull(),
    options: text('options', { mode: 'json' }).$type<unknown[]>().notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    /** `confirmed` (with `chosen`, the option's index) or `rejected`. */
    outcome: text('outcome', { enum: ['confirmed', 'rejected'] }),
    chosen: integer('chosen'),
  },
  (t) => [index('pending_confirmations_user_chat').on(t.userId, t.chatId, t.createdAt)],
)

/** A chat platform's install in one workspace (a Slack team's bot token), its secret encrypted at rest. */
export const platformInstallations = sqliteTable(
  'platform_installations',
  {
    id: text('id').primaryKey(),
    platform: text('platform').notNull(),
    externalId: text('external_id').notNull(),
    botUserId: text('bot_user_id'),
    tokenCiphertext: text('token_ciphertext').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    installedAt: integer('installed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('platform_installations_key').on(t.platform, t.externalId)],
)

/** Once-a-day jobs that ran (the morning digest per user and day), so a restart never sends one twice. */
export const jobRuns = sqliteTable('job_runs', {
  key: text('key').primaryKey(),
  ranAt: integer('ran_at', { mode: 'timestamp_ms' }).notNull(),
})

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/**
 * Every reply and push, written before it is sent: the one way out of the app. A sender claims pending rows
 * by setting a lease (an atomic UPDATE … RETURNING), sends, and records the platform's message id; a row
 * whose lease ran out without a result (the process died) is claimed again and sent once more. The dedupe
 * key (`reply:<inbound id>`, `reminder:<id>:<due ms>`, `digest:<user>:<day>`) makes enqueueing idempotent.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    dedupeKey: text('dedupe_key').notNull(),
    platform: text('platform').notNull(),
    /** The platform's workspace (Slack team, WeCom corp), as `ChatTarget.workspaceId`. */
    workspaceId: text('workspace_id').notNull(),
    chatId: text('chat_id').notNull(),
    userPlatformId: text('user_platform_id'),
    /** Reply under this message (a Slack thread's `ts`). */
    threadId: text('thread_id'),
    /** The platform-neutral `Reply`, rendered by the platform's sender when it is sent. */
    reply: text('reply', { mode: 'json' }).notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    platformMessageId: text('platform_message_id'),
    error: text('error'),
    /** Sent later than meant (the server was down when it was due); its text says so. */
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [uniqueIndex('outbox_dedupe').on(t.dedupeKey), index('outbox_due').on(t.status, t.nextAttemptAt)],
)
/**
 * One-time web sign-in links (`crm login`, or `网页版` in a DM to the bot). Only the SHA-256 of the token is
 * kept, so a copy of the database cannot sign anyone in; a link works once, within 15 minutes.
 */
export const signInTokens = sqliteTable(
  'sign_in_tokens',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('sign_in_tokens_hash').on(t.tokenHash)],
)

/** Secrets the server made for itself (the session-cookie key when SESSION_SECRET is unset), kept across restarts. */
export const serverSecrets = sqliteTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * Keys of platform deliveries that carry no message id the inbound store could dedup on (a WeCom button
 * press): the first insert wins, so a redelivery, even after a restart, runs nothing twice.
 */
export const seenDeliveries = sqliteTable('seen_deliveries', {
  key: text('key').primaryKey(),
  seenAt: integer('seen_at', { mode: 'timestamp_ms' }).notNull(),
})
export const ALIAS_SOURCES = ['merge', 'manual', 'import'] as const

/**
 * Other names a customer goes by (`Huawei`, `华为技术`), matched by their company key. A merge keeps the
 * merged customer's name here, so a later note about it still finds the survivor.
 */
export const customerAliases = sqliteTable(
  'customer_aliases',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    alias: text('alias').notNull(),
    /** `companyKey(alias)`: what matching compares. */
    aliasKey: text('alias_key').notNull(),
    source: text('source', { enum: ALIAS_SOURCES }).notNull().default('manual'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('customer_aliases_key').on(t.workspaceId, t.aliasKey),
    index('customer_aliases_customer').on(t.customerId),
  ],
)

/** What a merge moved, by id, so it can be undone exactly. */
export interface MergeMoved {
  contacts: string[]
  deals: string[]
  interactions: string[]
  reminders: string[]
  /** Aliases the merged customer had, now the survivor's. */
  aliases: string[]
  /** Aliases the merge made (the merged customer's own name), removed on undo. */
  createdAliases: string[]
}

/** One customer merged into another: the merged one is archived, its records moved to the survivor. */
export const customerMerges = sqliteTable(
  'customer_merges',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    survivorId: text('survivor_id')
      .notNull()
      .references(() => customers.id),
    mergedId: text('merged_id')
      .notNull()
      .references(() => customers.id),
    /** The merged customer's status before the merge, restored on undo. */
    mergedStatus: text('merged_status', { enum: CUSTOMER_STATUSES }).notNull(),
    moved: text('moved', { mode: 'json' }).$type<MergeMoved>().notNull(),
    actorUserId: text('actor_user_id'),
    mergedAt: integer('merged_at', { mode: 'timestamp_ms' }).notNull(),
    undoneAt: integer('undone_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('customer_merges_workspace').on(t.workspaceId, t.mergedAt)],
)

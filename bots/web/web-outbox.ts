import type { ChatSender, Reply } from '../../src/chat/chat-message.ts'

/** Most pushes a chat keeps while nobody has the page open; older ones are dropped first. */
const MAX_PER_CHAT = 100

/**
 * Pushed messages (due reminders, digests) waiting for the web page to poll them. In memory: the web chat
 * is the local, single-process way to try the bot, and the reminder itself stays in the database.
 */
export function createWebOutbox() {
  const queues = new Map<string, Reply[]>()
  const sender: ChatSender = {
    platform: 'web',
    async send(target, reply) {
      const queue = queues.get(target.chatId) ?? []
      queue.push(reply)
      queues.set(target.chatId, queue.slice(-MAX_PER_CHAT))
    },
  }
  return {
    sender,
    take(chatId: string): Reply[] {
      const queue = queues.get(chatId) ?? []
      queues.delete(chatId)
      return queue
    },
  }
}

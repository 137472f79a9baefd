/**
 * E-mail through an SMTP server (nodemailer). Takes messages addressed to an
 * e-mail address, and reminders to a group (`role:<group>`), which go to the
 * group's reviewers that have an address. Each mail carries a Message-ID
 * made from the outbox message id, so a mail sent twice (at-least-once) is
 * recognisably the same mail.
 */
import nodemailer from 'nodemailer'
import type { OutboxMessage } from '../engine/store.js'
import type { Delivery, NotifyChannel } from './channel.js'
import { DEFAULT_LAYOUTS, renderLayout, type Layout, type Layouts } from './templates.js'

export interface SmtpConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
  url: string
  /** The From header, e.g. `Inloop <inloop@example.com>`. */
  from: string
  /** The text of the link's button (default “Open and answer”). */
  actionLabel?: string
  /** Per purpose, any of subject / text / html to use instead of the default. */
  layouts?: Partial<Record<keyof Layouts, Partial<Layout>>>
}

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/

export function createSmtpChannel(config: SmtpConfig, groupEmails: (group: string) => Promise<string[]>): NotifyChannel {
  const transport = nodemailer.createTransport(config.url)
  const layoutOf = (purpose: keyof Layouts): Layout => ({ ...DEFAULT_LAYOUTS[purpose], ...config.layouts?.[purpose] })

  const recipients = async (to: string): Promise<string[]> => (to.startsWith('role:') ? groupEmails(to.slice('role:'.length)) : EMAIL.test(to) ? [to] : [])

  return {
    name: 'smtp',
    accepts: (message: OutboxMessage) => EMAIL.test(message.to) || message.to.startsWith('role:'),
    async deliver({ message, link, run }: Delivery) {
      const to = await recipients(message.to)
      if (to.length === 0) return { detail: `no e-mail address for ${message.to}; nothing sent` }
      const layout = layoutOf(message.purpose)
      const data = { message, link, run, action: config.actionLabel ?? 'Open and answer' }
      const info = await transport.sendMail({
        from: config.from,
        to,
        subject: renderLayout(layout.subject, data, 'text').replace(/[\r\n]+/g, ' '),
        text: renderLayout(layout.text, data, 'text'),
        html: renderLayout(layout.html, data, 'html'),
        messageId: `<${message.id}@inloop>`,
        headers: { 'X-Inloop-Message-Id': message.id, 'X-Inloop-Run-Id': message.runId },
      })
      return { detail: String(info.response ?? 'sent') }
    },
    async close() {
      transport.close()
    },
  }
}

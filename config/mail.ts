import env from '#start/env'
import { defineConfig, transports } from '@adonisjs/mail'

/*
 * E-mail is optional: with MAIL_MAILER=smtp the background loop sends the mail outbox over SMTP;
 * without it notifications stay in-app (app/services/notifications/mail_outbox.ts says so once).
 */
const user = env.get('SMTP_USER')
const mailConfig = defineConfig({
  default: 'smtp',
  from: env.get('MAIL_FROM') ?? 'EcoShare <noreply@ecoshare.local>',
  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST') ?? '127.0.0.1',
      port: env.get('SMTP_PORT') ?? 25,
      secure: env.get('SMTP_SECURE') ?? false,
      ...(user
        ? { auth: { type: 'login', user, pass: env.get('SMTP_PASSWORD')?.release() ?? '' } }
        : {}),
    }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}

// Sends one mail. With SMTP_URL set it speaks SMTP; without, nodemailer's JSON transport builds the
// message without sending it, so development runs need no mail server and the dev mailbox
// (GET /api/dev/mailbox) shows what would have gone out.
import nodemailer from 'nodemailer';

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Derived from the outbox row, so a receiver can recognise a mail that was sent twice. */
  messageId: string;
  attachments: { filename: string; contentType: string; content: string }[];
};

export type Mailer = {
  send: (mail: OutgoingMail) => Promise<void>;
  close: () => void;
};

export function createMailer(smtpUrl: string | undefined): Mailer {
  const transport = smtpUrl
    ? nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
    : nodemailer.createTransport({ jsonTransport: true });
  return {
    send: async (mail) => {
      await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: mail.messageId,
        attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') })),
      });
    },
    close: () => transport.close(),
  };
}

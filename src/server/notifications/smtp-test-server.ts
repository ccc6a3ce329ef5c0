// A real SMTP server on a free local port for the integration tests: it accepts mail for the
// user harmonica/secret, parses each message with mailparser, and can refuse the next few.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type TestSmtpServer = {
  url: string;
  messages: ParsedMail[];
  /** The next `count` messages are refused with a temporary error (451). */
  refuseNext: (count: number) => void;
  /** Resolves when `count` messages have arrived in total. */
  waitForMessages: (count: number) => Promise<ParsedMail[]>;
  close: () => Promise<void>;
};

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  let toRefuse = 0;
  let waiters: { count: number; resolve: (m: ParsedMail[]) => void }[] = [];
  const settle = () => {
    waiters = waiters.filter((w) => (messages.length >= w.count ? (w.resolve(messages), false) : true));
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'harmonica' && auth.password === 'secret') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (toRefuse > 0) {
            toRefuse -= 1;
            const error = Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 });
            callback(error);
            return;
          }
          messages.push(mail);
          callback();
          settle();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://harmonica:secret@127.0.0.1:${port}`,
    messages,
    refuseNext: (count) => {
      toRefuse = count;
    },
    waitForMessages: (count) =>
      new Promise((resolve) => {
        waiters.push({ count, resolve });
        settle();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

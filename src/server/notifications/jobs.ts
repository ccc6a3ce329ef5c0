// The notification jobs on pg-boss: delivery of the outbox (woken by notify() after each commit
// and every minute for retries), the daily digest at 07:00, the hourly reminder run and the daily BIG re-registration reminders.
import type { Config } from '../config.js';
import type { Database } from '../db/open-database.js';
import { sendBigReminders } from '../journey/big-checklist.js';
import { sendDigests } from './digest.js';
import { createMailer } from './mailer.js';
import { deliverOutbox } from './outbox.js';
import { sendReminders } from './reminders.js';
import { configureNotifications, QUEUES } from './settings.js';

export async function startNotificationJobs(database: Database, config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>) {
  const boss = await database.startQueue();
  const mailer = createMailer(config.smtpUrl);
  for (const name of Object.values(QUEUES)) await boss.createQueue(name, { notify: true });
  configureNotifications({ settings: { smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, publicUrl: config.publicUrl }, boss });

  // A batch of wake-ups needs one delivery run, which sends everything that is due.
  const batch = { batchSize: 20, burstWhenBatchFull: true } as const;
  await boss.work(QUEUES.deliver, batch, async () => {
    await deliverOutbox(database.db, mailer, { from: config.mailFrom });
  });
  await boss.work(QUEUES.digest, batch, async () => {
    await sendDigests(database.db);
  });
  await boss.work(QUEUES.remind, batch, async () => {
    await sendReminders(database.db);
  });
  await boss.schedule(QUEUES.deliver, '* * * * *');
  await boss.schedule(QUEUES.digest, '0 7 * * *', null, { tz: 'Europe/Amsterdam' });
  await boss.work(QUEUES.bigReminders, batch, async () => {
    await sendBigReminders(database.db);
  });
  await boss.schedule(QUEUES.remind, '5 * * * *');
  await boss.schedule(QUEUES.bigReminders, '0 8 * * *', null, { tz: 'Europe/Amsterdam' });

  return {
    stop: async () => {
      for (const name of Object.values(QUEUES)) await boss.offWork(name);
      configureNotifications({ boss: null });
      mailer.close();
    },
  };
}

import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { isIanaTimeZone, LOCALES } from '@wk/domain';
import type { Locale } from '@wk/domain';
import { PlatformToolsModule } from './app/platform-tools.module';
import { OperatorAuthService } from './auth/operator-auth.service';
import { loadConfig } from './config/config';
import { prepareDatabase } from './database/prepare-database';
import { PlatformOrganisationsService } from './platform/platform-organisations.service';

const USAGE = `Usage:
  npm run operator -- add <email> [--name "Full name"]   create a platform operator; prints a generated password once
  npm run operator -- reset-password <email>             a new password (ends the operator's sessions, lifts locks)
  npm run operator -- list                               the platform operators
  npm run org -- create "<name>" [--slug s] [--locale nl|en] [--time-zone Europe/Amsterdam]
                        [--admin-email a@b --admin-name "Name"]   the admin is invited by mail
  npm run org -- list                                    organisations with their usage (counts only)
  npm run org -- invite-admin <slug> --admin-email a@b --admin-name "Name"
  npm run org -- suspend <slug> | resume <slug>
  npm run org -- delete <slug> --confirm <slug>          removes the organisation and all its data`;

const EMAIL = /^[^@\s]+@[^@\s]+$/;

class UsageError extends Error {}

/** The platform's command line: operators and organisations live above every organisation. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      locale: { type: 'string' },
      'time-zone': { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      confirm: { type: 'string' },
    },
  });
  const [area, command, subject] = positionals;
  if (!['operator', 'org'].includes(area) || !command) throw new UsageError();
  const config = loadConfig();
  await prepareDatabase(config.DATABASE_URL);
  const context = await NestFactory.createApplicationContext(PlatformToolsModule.with(config), {
    logger: ['error', 'warn'],
  });
  try {
    return area === 'operator'
      ? await operatorCommand(context, command, subject, values)
      : await orgCommand(context, command, subject, values);
  } finally {
    await context.close();
  }
}

async function operatorCommand(
  context: INestApplicationContext,
  command: string,
  email: string | undefined,
  values: { name?: string },
): Promise<number> {
  const operators = context.get(OperatorAuthService);
  const chosen = process.env.OPERATOR_PASSWORD;
  if (command === 'list') {
    for (const o of await operators.list())
      console.log(`${o.email}\t${o.name}\tlast sign-in ${o.lastLoginAt?.toISOString() ?? 'never'}`);
    return 0;
  }
  if (!email || !EMAIL.test(email)) throw new UsageError('an e-mail address is required');
  if (command === 'add') {
    const { password } = await operators.create(email, values.name ?? email, chosen);
    console.log(`Operator ${email} created.${chosen ? '' : ` Password (shown once): ${password}`}`);
    console.log(`Sign in at ${loadConfig().publicUrl}/operator`);
    return 0;
  }
  if (command === 'reset-password') {
    const password = await operators.resetPassword(email, chosen);
    if (password === null) return fail(`No operator ${email}`);
    console.log(chosen ? 'Password set.' : `New password (shown once): ${password}`);
    return 0;
  }
  throw new UsageError(`unknown command "${command}"`);
}

async function orgCommand(
  context: INestApplicationContext,
  command: string,
  subject: string | undefined,
  values: Record<string, string | undefined>,
): Promise<number> {
  const organisations = context.get(PlatformOrganisationsService);
  const admin = () => {
    const email = values['admin-email'];
    if (!email) return undefined;
    if (!EMAIL.test(email)) throw new UsageError('--admin-email must be an e-mail address');
    return { email, name: values['admin-name'] ?? email };
  };
  if (command === 'list') {
    for (const o of await organisations.list())
      console.log(
        [
          o.slug,
          o.status,
          o.name,
          `${o.people.active} active / ${o.people.invited} invited`,
          `${o.roundsLast30Days} rounds, ${o.responsesLast30Days} responses in 30 days`,
        ].join('\t'),
      );
    return 0;
  }
  if (command === 'create') {
    if (!subject) throw new UsageError('the organisation name is required');
    const locale = values.locale;
    if (locale && !(LOCALES as readonly string[]).includes(locale))
      throw new UsageError('--locale must be nl or en');
    const timeZone = values['time-zone'];
    if (timeZone && !isIanaTimeZone(timeZone)) throw new UsageError('--time-zone must be an IANA time zone');
    const created = await organisations.create({
      name: subject,
      slug: values.slug,
      locale: locale as Locale | undefined,
      timeZone,
      admin: admin(),
    });
    console.log(`Organisation "${created.name}" created (${created.slug}, ${created.id}).`);
    if (values['admin-email']) console.log(invitationNote(values['admin-email']));
    return 0;
  }
  if (!['invite-admin', 'suspend', 'resume', 'delete'].includes(command))
    throw new UsageError(`unknown command "${command}"`);
  if (!subject) throw new UsageError('the organisation slug is required');
  const found = (await organisations.list()).find((o) => o.slug === subject);
  if (!found) return fail(`No organisation "${subject}"`);
  if (command === 'invite-admin') {
    const invited = admin();
    if (!invited) throw new UsageError('--admin-email is required');
    await organisations.inviteAdmin(found.id, invited);
    console.log(invitationNote(invited.email));
    return 0;
  }
  if (command === 'suspend' || command === 'resume') {
    await organisations.setStatus(found.id, command === 'suspend' ? 'suspended' : 'active');
    console.log(`Organisation ${found.slug} ${command === 'suspend' ? 'suspended' : 'resumed'}.`);
    return 0;
  }
  if (command === 'delete') {
    await organisations.delete(found.id, values.confirm ?? '');
    console.log(`Organisation ${found.slug} deleted with all its data.`);
    return 0;
  }
  throw new UsageError(`unknown command "${command}"`);
}

/** Mail goes through the outbox; without SMTP_URL it waits there (the Outbox page shows it). */
const invitationNote = (email: string) =>
  process.env.SMTP_URL
    ? `Invitation to ${email} queued for sending.`
    : `Invitation to ${email} stored in the outbox (sent once SMTP_URL is set).`;

function fail(message: string): number {
  console.error(message);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      if (error.message) console.error(error.message);
      console.error(USAGE);
      process.exit(2);
    }
    // Domain errors (a taken slug, a wrong confirmation) say what is wrong without a stack.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { OperatorToolsModule } from './app/operator-tools.module';
import { OperatorAuthService } from './auth/operator-auth.service';
import { loadConfig } from './config/config';
import { prepareDatabase } from './database/prepare-database';

const USAGE = `Usage: npm run operator -- <command>
  add <email> [--name "Full name"]   create a platform operator; prints a generated password once
  reset-password <email>             generate a new password (ends the operator's sessions)
  list                               list platform operators`;

/** The operator command line: platform operators live outside every organisation, so no page creates them. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' } },
  });
  const [area, command, email] = positionals;
  if (area !== 'operator' || !command) return usage();
  const config = loadConfig();
  await prepareDatabase(config.DATABASE_URL);
  const context = await NestFactory.createApplicationContext(OperatorToolsModule.with(config), {
    logger: ['error', 'warn'],
  });
  try {
    const operators = context.get(OperatorAuthService);
    if (command === 'list') {
      for (const o of await operators.list())
        console.log(`${o.email}\t${o.name}\tlast sign-in ${o.lastLoginAt?.toISOString() ?? 'never'}`);
      return 0;
    }
    if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) return usage('an e-mail address is required');
    if (command === 'add') {
      const { password } = await operators.create(email, values.name ?? email, process.env.OPERATOR_PASSWORD);
      console.log(`Operator ${email} created.`);
      if (!process.env.OPERATOR_PASSWORD) console.log(`Password (shown once): ${password}`);
      console.log(`Sign in at ${config.publicUrl}/operator`);
      return 0;
    }
    if (command === 'reset-password') {
      const password = await operators.resetPassword(email, process.env.OPERATOR_PASSWORD);
      if (password === null) {
        console.error(`No operator ${email}`);
        return 1;
      }
      console.log(process.env.OPERATOR_PASSWORD ? 'Password set.' : `New password (shown once): ${password}`);
      return 0;
    }
    return usage(`unknown command "${command}"`);
  } finally {
    await context.close();
  }
}

function usage(problem?: string): number {
  if (problem) console.error(problem);
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

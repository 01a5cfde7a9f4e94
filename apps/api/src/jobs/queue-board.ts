import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { roleHas } from '@wk/contracts';
import { tokenFrom } from '../auth/auth.guard';
import { SessionService } from '../auth/session.service';
import { QUEUES } from './queues';

export const QUEUE_BOARD_PATH = '/api/admin/queues';

/**
 * Bull Board for admins: every queue, its jobs, failures and retries. It is plain Express, outside
 * Nest's guards, so the same session check and role map guard it here.
 */
export function mountQueueBoard(app: INestApplication): void {
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Waardenkompas' } },
  });
  const sessions = app.get(SessionService);
  const adminsOnly = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = tokenFrom(req);
      const auth = token ? await sessions.resolve(token) : null;
      if (!auth)
        return void res
          .status(401)
          .json({ statusCode: 401, code: 'unauthenticated', message: 'Sign in first' });
      if (!roleHas(auth.role, 'queues.read'))
        return void res
          .status(403)
          .json({ statusCode: 403, code: 'forbidden', message: `Your role (${auth.role}) may not do this` });
      next();
    } catch (error) {
      next(error);
    }
  };
  app.use(QUEUE_BOARD_PATH, adminsOnly, board.getRouter());
}

import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { operatorTokenFrom } from '../auth/auth.guard';
import { OperatorAuthService } from '../auth/operator-auth.service';
import { QUEUES } from './queues';

export const QUEUE_BOARD_PATH = '/api/operator/queues';

/**
 * Bull Board, for the platform operator only: its queues are shared by every organisation, so no
 * organisation role may reach it (admins see their own jobs at GET /api/jobs). It is plain Express,
 * outside Nest's guards, so the operator session is checked here.
 */
export function mountQueueBoard(app: INestApplication): void {
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Waardenkompas' } },
  });
  const operators = app.get(OperatorAuthService);
  const operatorsOnly = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = operatorTokenFrom(req);
      if (!token || !(await operators.resolve(token)))
        return void res
          .status(401)
          .json({ statusCode: 401, code: 'unauthenticated', message: 'Sign in as platform operator first' });
      next();
    } catch (error) {
      next(error);
    }
  };
  app.use(QUEUE_BOARD_PATH, operatorsOnly, board.getRouter());
}

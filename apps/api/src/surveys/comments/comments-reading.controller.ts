import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommentsPage } from '@wk/contracts';
import { Authenticated, CurrentUser } from '../../auth/authenticated.decorator';
import type { AuthContext } from '../../auth/authenticated.decorator';
import { CommentsQueryDto } from './comments-reading.dto';
import { CommentsReadingService } from './comments-reading.service';

@ApiTags('customer surveys')
@Controller('comments')
export class CommentsReadingController {
  constructor(private readonly comments: CommentsReadingService) {}

  @Get()
  @Authenticated({ permission: 'surveys.read' })
  @ApiOperation({
    summary:
      'Customer comments to read, newest first and paged (nextCursor): search and filter by survey, journey, touchpoint, value and month or quarter; only cells at or above the comment minimum',
  })
  page(@CurrentUser() auth: AuthContext, @Query() query: CommentsQueryDto): Promise<CommentsPage> {
    return this.comments.page(auth, query);
  }
}

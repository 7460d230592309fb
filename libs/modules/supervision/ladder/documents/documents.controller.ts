import { Controller, Get, Inject, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { ReminderLetterService } from './reminder-letter.service';

/** Reminder letters (提醒函) as DOCX, with the same bearer token and access rules as GraphQL. */
@Controller('documents')
export class SupervisionDocumentsController {
  constructor(@Inject(ReminderLetterService) private readonly letters: ReminderLetterService) {}

  @Allow('read', 'SupervisionAction')
  @Get('reminders/:id.docx')
  async reminder(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, content } = await this.letters.docx(ctx, id);
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="reminder.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      )
      .send(content);
  }
}

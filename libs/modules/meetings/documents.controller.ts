import { Controller, Get, Inject, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { MinutesDocumentService } from './minutes-document.service';

/** Document downloads, with the same bearer token and access rules as GraphQL. */
@Controller('documents')
export class DocumentsController {
  constructor(@Inject(MinutesDocumentService) private readonly documents: MinutesDocumentService) {}

  @Allow('read', 'Minutes')
  @Get('minutes/:id.docx')
  async minutes(@Ctx() ctx: RequestContext, @Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response): Promise<void> {
    const { filename, content } = await this.documents.docx(ctx, id);
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .setHeader('Content-Disposition', `attachment; filename="minutes.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .send(content);
  }
}

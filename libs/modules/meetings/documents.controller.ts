import { Controller, Get, Inject, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AppError } from '@engine/errors';
import { AgreedItemsExportService } from './agreed-items-export.service';
import { MinutesDocumentService } from './minutes-document.service';

/** Document downloads, with the same bearer token and access rules as GraphQL. */
@Controller('documents')
export class DocumentsController {
  constructor(
    @Inject(MinutesDocumentService) private readonly documents: MinutesDocumentService,
    @Inject(AgreedItemsExportService) private readonly ledger: AgreedItemsExportService,
  ) {}

  @Allow('read', 'AgreedItem')
  @Get('agreed-items/:tenantCode.xlsx')
  async agreedItems(
    @Ctx() ctx: RequestContext,
    @Param('tenantCode') tenantCode: string,
    @Res() res: Response,
  ): Promise<void> {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(tenantCode)) throw AppError.notFound(`Tenant "${tenantCode}"`);
    const { filename, content } = await this.ledger.xlsx(ctx, tenantCode);
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="agreed-items.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      )
      .send(content);
  }

  @Allow('read', 'Minutes')
  @Get('minutes/:id.docx')
  async minutes(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, content } = await this.documents.docx(ctx, id);
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="minutes.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      )
      .send(content);
  }
}

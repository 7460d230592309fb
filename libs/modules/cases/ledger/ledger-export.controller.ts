import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, Ctx } from '@engine/access';
import type { RequestContext } from '@engine/context';
import { AppError } from '@engine/errors';
import { CASE_ERRORS } from '../cases.errors';
import { CODE_PATTERN } from '@engine/validation';
import { LedgerLevel } from '../case-records.entity';
import { LedgerExportService } from './ledger-export.service';

/** `GET /documents/case-ledger/<tenantCode>.xlsx?level=TOWN|COMMUNITY`, same bearer token and rules as GraphQL. */
@Controller('documents')
export class LedgerExportController {
  constructor(@Inject(LedgerExportService) private readonly exports: LedgerExportService) {}

  @Allow('read', 'PetitionCase')
  @Get('case-ledger/:tenantCode.xlsx')
  async caseLedger(
    @Ctx() ctx: RequestContext,
    @Param('tenantCode') tenantCode: string,
    @Query('level') level: unknown,
    @Res() res: Response,
  ): Promise<void> {
    if (!CODE_PATTERN.test(tenantCode)) throw AppError.notFound(`Tenant "${tenantCode}"`);
    if (level !== undefined && !(typeof level === 'string' && (Object.values(LedgerLevel) as string[]).includes(level)))
      throw CASE_ERRORS.badInput('level', 'NOT_TOWN_OR_COMMUNITY');
    const { filename, content } = await this.exports.xlsx(ctx, tenantCode, (level as LedgerLevel | undefined) ?? null);
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="case-ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      )
      .send(content);
  }
}

import { defineContext } from '@engine/manifest';
import { CASES_KEYED_LISTS } from './keyed-lists';
import { CasesModule } from './cases.module';
import { PetitionCase } from './case.entity';
import { CasePetitioner, CaseLink } from './case-petitioner.entity';
import { CaseEvent } from './case-event.entity';
import {
  CaseProgressReport,
  CaseLedgerEntry,
  CaseExtension,
  ReceptionRoster,
  CaseScreening,
} from './case-records.entity';
import { CaseReview } from './case-review.entity';
import { CaseLine, CaseWorkingGroup, CaseWorkingGroupCase } from './ledger/ledger-rules.entity';
import { CaseAreaCadre, CaseAreaScreening } from './screening/area-screening.entity';
import { casesRules } from './cases.abilities';
export * from './cases.module';
export * from './cases.abilities';
export * from './case.enums';
export * from './case.entity';
export * from './case-petitioner.entity';
export * from './case-event.entity';
export * from './case-records.entity';
export * from './case-review.entity';
export * from './case-sweep.service';

/** The cases context's manifest, listed in apps/api/contexts.ts. */
export const casesContext = defineContext({
  name: 'cases',
  module: CasesModule,
  entities: [
    PetitionCase,
    CasePetitioner,
    CaseLink,
    CaseEvent,
    CaseProgressReport,
    CaseLedgerEntry,
    CaseExtension,
    CaseReview,
    ReceptionRoster,
    CaseScreening,
    CaseLine,
    CaseWorkingGroup,
    CaseWorkingGroupCase,
    CaseAreaCadre,
    CaseAreaScreening,
  ],
  rules: [casesRules],
  keyedLists: CASES_KEYED_LISTS,
});

import { ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SupervisionAction } from '../ladder/action.entity';
import { DeadlineBasis, storedBasis } from '../deadline-basis';
import { SupervisionActionKind } from '../enums';
import { groupOf, InterviewForm } from './interview-form';

/** Typed views of an interview's detail: its form, its group, and where its rectification deadline comes from. */
@Resolver(() => SupervisionAction)
export class InterviewFieldsResolver {
  @ResolveField(() => InterviewForm, {
    nullable: true,
    description: 'Interviews: INDIVIDUAL (个别约谈) or GROUP (集中约谈).',
  })
  interviewForm(@Parent() action: SupervisionAction): InterviewForm | null {
    if (action.kind !== SupervisionActionKind.INTERVIEW) return null;
    return action.detail.form === InterviewForm.GROUP ? InterviewForm.GROUP : InterviewForm.INDIVIDUAL;
  }

  @ResolveField(() => [ID], {
    description:
      'A group interview: the actions of every unit interviewed together (this one included); empty otherwise.',
  })
  interviewGroupActionIds(@Parent() action: SupervisionAction): string[] {
    return groupOf(action.detail)?.actionIds ?? [];
  }

  @ResolveField(() => DeadlineBasis, {
    nullable: true,
    description:
      "A held interview, or accountability ordering rectification within the plugin's time limit (责令限期整改): the rectification report's deadline and the article that states its figure, or that it is a default (D5); null for the conveners' own date (see accountabilityDecision).",
  })
  rectificationDeadline(@Parent() action: SupervisionAction): DeadlineBasis | null {
    const due = action.detail.rectificationDue as Record<string, unknown> | undefined;
    return storedBasis(due?.basis);
  }
}

import { EndingCard } from '../../components/conversation/EndingCard';
import type { RunContext } from '../../engine/machine';
import type { Scenario } from '../../engine/model';

/** How the story ends, before the debrief. */
export function EndingView(props: {
  scenario: Scenario;
  context: RunContext;
  onContinue: () => void;
}) {
  const ending = props.scenario.endings[props.context.ending ?? ''];
  if (!ending) return null;
  return (
    <EndingCard
      customer={props.scenario.customer}
      ending={ending}
      meters={props.context.meters}
      headingLevel={1}
      followFocus
      lang={props.scenario.locale}
      onContinue={props.onContinue}
    />
  );
}

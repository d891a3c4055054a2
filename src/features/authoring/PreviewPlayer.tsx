// A drill's look (customer, meters, answers, ending) comes with the preview's run, not before the
// editor; the map's node details (narration, bubble) show only once a draft validates, as the run does.
import '../../styles/drill.css';
import { useState } from 'react';
import { MotionScope } from '../../components/MotionScope';
import type { Scenario } from '../../engine/model';
import { startFor, type StartState } from '../../engine/selectors/preview-start';
import { PreviewRun } from './PreviewRun';
import { PreviewStart } from './PreviewStart';

/**
 * The preview's play-through with its motion: loaded on its own, once a draft validates (or in idle
 * time after the editor shows), so the editor does not wait for the machine, framer-motion and the
 * conversation components. It keeps the author's start state and clock choice across restarts.
 */
export default function PreviewPlayer(props: { runKey: string; scenario: Scenario; lang: string }) {
  const [chosen, setChosen] = useState<StartState | null>(null);
  const [clock, setClock] = useState(false);
  const start = startFor(props.scenario, chosen);
  const startKey = JSON.stringify(start);
  return (
    <MotionScope>
      <PreviewStart
        scenario={props.scenario}
        start={start}
        onStart={setChosen}
        clock={clock}
        onClock={setClock}
      />
      <PreviewRun
        key={`${props.runKey}:${startKey}`}
        scenario={props.scenario}
        lang={props.lang}
        start={start}
        clock={clock}
        onTake={setChosen}
      />
    </MotionScope>
  );
}

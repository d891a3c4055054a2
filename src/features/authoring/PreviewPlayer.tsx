// A drill's look (customer, meters, answers, ending) comes with the preview's run, not before the
// editor; the map's node details (narration, bubble) show only once a draft validates, as the run does.
import '../../styles/drill.css';
import { MotionScope } from '../../components/MotionScope';
import type { Scenario } from '../../engine/model';
import { PreviewRun } from './PreviewRun';

/**
 * The preview's play-through with its motion: loaded on its own, once a draft validates (or in idle
 * time after the editor shows), so the editor does not wait for the machine, framer-motion and the
 * conversation components.
 */
export default function PreviewPlayer(props: { runKey: string; scenario: Scenario; lang: string }) {
  return (
    <MotionScope>
      <PreviewRun key={props.runKey} scenario={props.scenario} lang={props.lang} />
    </MotionScope>
  );
}

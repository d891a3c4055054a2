// The bench's floor (scripts/bench.ts): an empty Vite + React app built and served exactly like the
// app, so every figure of the app is read beside what React and Vite alone cost on this machine.
// A heading and a button; each click renders a new `<p data-said>` (a fresh element, as the app's
// reaction is), which the answer-click timing watches for.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Floor() {
  const [said, setSaid] = useState(0);
  return (
    <main>
      <h1>Floor</h1>
      <button type="button" data-floor-answer="" onClick={() => setSaid((n) => n + 1)}>
        Answer
      </button>
      {said > 0 && (
        <p key={said} data-said="">
          Said {said}
        </p>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Floor />
  </StrictMode>,
);

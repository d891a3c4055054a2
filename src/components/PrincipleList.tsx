import type { Principle } from '../engine/vocabulary';
import { useLocale, useT } from '../lib/i18n';
import { principleCard } from '../lib/principles';

/** The course concepts a choice cites, each as a small card with its idea. */
export function PrincipleList(props: { principles: readonly Principle[] }) {
  const locale = useLocale();
  const t = useT();
  if (!props.principles.length) return null;
  return (
    <ul className="principles" aria-label={t('principle')}>
      {props.principles.map((p) => {
        const card = principleCard(p, locale);
        return (
          <li key={p} className="principle-card" data-principle={p}>
            <strong>{card.name}</strong>
            <span>{card.idea}</span>
          </li>
        );
      })}
    </ul>
  );
}

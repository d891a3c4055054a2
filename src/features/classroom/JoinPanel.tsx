// For helper F (the projector's layout): the join panel wants a square of about 14–18 rem for the QR
// code plus two lines under it (the code in large type, ~3 rem, and the address in small type); it
// shrinks with its container (the QR is an SVG at 100% width, max 18 rem). Props: the room's code and
// key from `session.config.phones` (render it only when they are there).
import { useEffect, useMemo, useState } from 'react';
import { encode } from 'uqr';
import { joinUrl } from '../../engine/relay-protocol';
import { useMessages } from '../../lib/i18n';
import { relayInfo } from '../../lib/relay-info';
import { phoneMessages } from './phone-messages';
import './phones.css';

/** The QR code of `text` as SVG elements (one path of dark modules), never markup from a string. */
export function QrCode(props: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const qr = encode(props.text, { ecc: 'M', border: 2 });
    let d = '';
    qr.data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return { size: qr.size, path: d };
  }, [props.text]);
  return (
    <svg
      className="join-qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={props.label}
      shapeRendering="crispEdges"
      data-qr=""
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** The projector's join panel: the QR code of the join URL and the short code in large type. */
export function JoinPanel(props: { code: string; roomKey: string }) {
  const t = useMessages(phoneMessages);
  const [base, setBase] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void relayInfo().then((r) => {
      if (live) setBase(r?.joinBase ?? null);
    });
    return () => {
      live = false;
    };
  }, []);
  const url = base ? joinUrl(base, props.code, props.roomKey) : null;
  return (
    <section className="join-panel" aria-label={t('joinTitle')} data-join-url={url ?? undefined}>
      {url && <QrCode text={url} label={t('qrLabel')} />}
      <p className="join-panel-code">
        <span className="visually-hidden">{t('roomCode')} </span>
        <strong data-room-code={props.code}>{props.code}</strong>
      </p>
      {base ? (
        // The address breaks after the host, if it must, not inside it.
        <p className="join-panel-url">
          {base.replace(/^https?:\/\//, '')}
          <wbr />
          /#/join
        </p>
      ) : (
        base === null && <p className="join-panel-url">{t('noRelay')}</p>
      )}
    </section>
  );
}

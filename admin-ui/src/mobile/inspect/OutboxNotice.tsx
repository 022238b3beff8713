/**
 * The forms waiting on this phone ("2 份排查待发送"), each with its house, when it was filled and its
 * state; a refused one shows the server's reason and can be deleted.
 */
import type { Outbox } from './useOutbox.ts';
import type { QueuedInspection } from './outbox.ts';
import { INSPECT_TEXT, shortTime } from './text.ts';

function Item({ item, onDiscard }: { item: QueuedInspection; onDiscard: () => void }) {
  const failed = item.status === 'failed';
  return (
    <li className={`outbox-item outbox-${item.status}`} data-inspection={item.id}>
      <div className="outbox-head">
        <span className="outbox-address">{item.address}</span>
        <span className="outbox-status">{failed ? INSPECT_TEXT.statusFailed : INSPECT_TEXT.statusPending}</span>
      </div>
      <p className="outbox-time">{shortTime(item.inspectedAt)}</p>
      {item.reason && <p className="outbox-reason">{item.reason}</p>}
      {failed && (
        <button type="button" className="outbox-discard" onClick={() => window.confirm(INSPECT_TEXT.discardConfirm) && onDiscard()}>
          {INSPECT_TEXT.discard}
        </button>
      )}
    </li>
  );
}

export function OutboxNotice({ outbox }: { outbox: Outbox }) {
  const { items } = outbox;
  if (items.length === 0) return null;
  const pending = items.filter((i) => i.status === 'pending').length;
  const failed = items.length - pending;
  return (
    <section className="scan-card outbox" aria-labelledby="outbox-title">
      <h2 className="outbox-title" id="outbox-title">
        {[pending > 0 && INSPECT_TEXT.outboxPending(pending), failed > 0 && INSPECT_TEXT.outboxFailed(failed)].filter(Boolean).join('，')}
      </h2>
      <ul className="outbox-list">
        {items.map((item) => (
          <Item key={item.id} item={item} onDiscard={() => outbox.discard(item.id)} />
        ))}
      </ul>
      {pending > 0 && (
        <button type="button" className="scan-button secondary" onClick={outbox.sendNow} disabled={outbox.sending}>
          {outbox.sending ? INSPECT_TEXT.sending : INSPECT_TEXT.sendNow}
        </button>
      )}
    </section>
  );
}

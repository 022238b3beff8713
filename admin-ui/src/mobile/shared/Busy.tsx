/** A placeholder card while something is being asked of the server, named for screen readers. */
export function Busy({ label }: { label: string }) {
  return (
    <section className="scan-card" aria-busy="true" aria-label={label}>
      <div className="scan-skeleton" style={{ width: '40%' }} />
      <div className="scan-skeleton" style={{ width: '80%', height: 24 }} />
    </section>
  );
}

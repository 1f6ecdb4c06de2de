// One figure of a summary row (the live view's "Checked in 412 of 1,200 expected"): a label, the
// number large enough to read from across a room, a line of detail, a coloured edge for its state.
export function Tile({ label, value, detail, tone = 'plain', testId }: { label: string; value: string; detail: string; tone?: 'ok' | 'warn' | 'bad' | 'plain'; testId: string }) {
  return (
    <div className={`tile tile--${tone}`} data-testid={testId}>
      <span className="tile__label">{label}</span>
      <span className="tile__value" data-testid={`${testId}-value`}>
        {value}
      </span>
      <span className="tile__detail">{detail}</span>
    </div>
  );
}

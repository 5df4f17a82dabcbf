/** A small bar chart drawn as SVG, with its figures also in a table for screen readers. */
export interface Bar {
  label: string;
  value: number;
}

const HEIGHT = 120;
const BAR_WIDTH = 28;
const GAP = 8;

export function BarChart({
  bars,
  caption,
  format = String,
}: {
  bars: Bar[];
  caption: string;
  /** How a value is written (hours with a decimal, in the interface language). */
  format?: (value: number) => string;
}) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const width = bars.length * (BAR_WIDTH + GAP);
  return (
    // Focusable: at a phone's width the chart scrolls sideways, by keyboard too.
    <figure class="chart" tabIndex={0}>
      <svg viewBox={`0 0 ${width} ${HEIGHT + 34}`} width={width} height={HEIGHT + 34} aria-hidden="true" focusable="false">
        {bars.map((bar, index) => {
          const height = Math.round((bar.value / max) * HEIGHT);
          const x = index * (BAR_WIDTH + GAP);
          return (
            <g key={bar.label}>
              <rect class="bar" x={x} y={HEIGHT - height + 14} width={BAR_WIDTH} height={height} rx={3} />
              <text class="bar-value" x={x + BAR_WIDTH / 2} y={HEIGHT - height + 10} text-anchor="middle">
                {format(bar.value)}
              </text>
              <text class="bar-label" x={x + BAR_WIDTH / 2} y={HEIGHT + 30} text-anchor="middle">
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{caption}</figcaption>
      <table class="visually-hidden">
        <caption>{caption}</caption>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{format(bar.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

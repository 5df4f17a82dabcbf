/**
 * One choice among a few, all in view, as the segments of one control: radios under the hood, so
 * the arrows move the choice and a screen reader says "2 of 4", the group named by its legend.
 */
import type { ComponentChildren } from 'preact';

export interface Segment<V extends string> {
  value: V;
  label: string;
}

export interface SegmentedControlProps<V extends string> {
  legend: string;
  /** The radios' name: unique on the page. */
  name: string;
  segments: Segment<V>[];
  value: V;
  onChange: (value: V) => void;
  /** Said under the segments: a hint, an alert. */
  children?: ComponentChildren;
}

export function SegmentedControl<V extends string>({ legend, name, segments, value, onChange, children }: SegmentedControlProps<V>) {
  return (
    <fieldset class="segmented">
      <legend>{legend}</legend>
      <span class="segments">
        {segments.map((segment) => (
          <label key={segment.value} class="segment">
            <input
              type="radio"
              name={name}
              value={segment.value}
              checked={segment.value === value}
              onChange={() => onChange(segment.value)}
            />
            {segment.label}
          </label>
        ))}
      </span>
      {children}
    </fieldset>
  );
}

/**
 * One choice in a list too long for a segmented control (a country, a city): the browser's own
 * select, so that a phone opens its picker and a screen reader says it as one, drawn as the
 * design system's field with a chevron of the icon set instead of the platform's arrow.
 */
import { ChevronDown } from 'lucide';
import { Icon } from './Icon';

export interface SelectProps {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}

export function Select({ label, value, options, onChange }: SelectProps) {
  return (
    <label class="select-field">
      <span class="select-label">{label}</span>
      <span class="select-box">
        <select value={value} onChange={(event) => onChange(event.currentTarget.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <Icon node={ChevronDown} size={18} />
      </span>
    </label>
  );
}

/**
 * The send-window fields: weekdays, from and until (recipient's local time), the fallback time zone
 * and holidays. Controlled: the caller holds the draft (see windowDraft/toWindow in campaign-lib) and
 * shows the server's field errors through `errorFor`, asked for `${prefix}days`, `${prefix}startHour`…
 * (`window.` on a campaign, `defaultSendWindow.` on the organization's policies).
 */
import { useId, useState } from 'react';
import { Field } from '../../../components/ui.tsx';
import { WEEKDAYS, type WindowDraft } from './campaign-lib.ts';

const TIME_ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

export function SendWindowFields({
  value,
  onChange,
  errorFor,
  prefix,
}: {
  value: WindowDraft;
  onChange: (next: WindowDraft) => void;
  errorFor: (field: string) => string | undefined;
  /** Put before each field name when asking `errorFor`, e.g. "window.". */
  prefix: string;
}) {
  const id = useId();
  const [holiday, setHoliday] = useState('');
  const { days, start, end, holidays, timeZone } = value;
  const set = <K extends keyof WindowDraft>(k: K, v: WindowDraft[K]) => onChange({ ...value, [k]: v });
  const err = (field: string) => errorFor(`${prefix}${field}`);
  return (
    <>
      <fieldset className="plain-fieldset">
        <legend>Days</legend>
        <div className="weekday-grid">
          {WEEKDAYS.map(([d, short, long]) => (
            <label key={d} className="check-inline">
              <input
                type="checkbox"
                checked={days.includes(d)}
                onChange={(e) => set('days', e.target.checked ? [...days, d] : days.filter((y) => y !== d))}
              />
              <span aria-hidden="true">{short}</span>
              <span className="visually-hidden">{long}</span>
            </label>
          ))}
        </div>
        {err('days') ? <p className="field-error">{err('days')}</p> : null}
      </fieldset>
      <div className="form-row">
        <Field label="From (local time)" error={err('startHour') ?? err('startMinute')}>
          {(p) => <input {...p} type="time" value={start} onChange={(e) => set('start', e.target.value)} />}
        </Field>
        <Field
          label="Until (local time)"
          hint="Type 24:00 for the end of the day."
          error={err('endHour') ?? err('endMinute')}
        >
          {(p) => (
            <input
              {...p}
              value={end}
              inputMode="numeric"
              pattern="\d{1,2}:\d{2}"
              placeholder="11:00"
              onChange={(e) => set('end', e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Time zone for recipients without one"
          hint="Only used when a profile has no valid zone."
          error={err('timeZone')}
        >
          {(p) => (
            <>
              <input
                {...p}
                list={`${id}-zones`}
                value={timeZone}
                onChange={(e) => set('timeZone', e.target.value)}
              />
              <datalist id={`${id}-zones`}>
                {TIME_ZONES.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <div className="field">
        <label htmlFor={`${id}-holiday`}>Holidays (no sends, not counted as business days)</label>
        <div className="inline-form">
          <input
            id={`${id}-holiday`}
            type="date"
            value={holiday}
            className="auto-width"
            onChange={(e) => setHoliday(e.target.value)}
          />
          <button
            type="button"
            className="btn"
            disabled={!holiday || holidays.includes(holiday)}
            onClick={() => {
              set('holidays', [...holidays, holiday].sort());
              setHoliday('');
            }}
          >
            Add holiday
          </button>
        </div>
        {holidays.length ? (
          <ul className="chips" aria-label="Holidays">
            {holidays.map((h) => (
              <li key={h} className="chip">
                {h}{' '}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove holiday ${h}`}
                  onClick={() =>
                    set(
                      'holidays',
                      holidays.filter((y) => y !== h),
                    )
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {err('holidays') ? <p className="field-error">{err('holidays')}</p> : null}
      </div>
    </>
  );
}

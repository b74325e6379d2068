/**
 * The sequence builder: up to ten steps, each a kind, a wait for a response in business days, and
 * its text (written here with merge fields, taken from a template, or chosen per candidate from a
 * template set).
 */
import { useId, useRef, useState } from 'react';
import type { StepKind, Template, TemplateSet } from '../../../api/types.ts';
import { Counter } from '../../../components/ui.tsx';
import { insertAtCaret, MergeFieldHelp, SlotPreview } from '../../../components/recruiting.tsx';
import { STEP_KIND_LABEL, STEP_KIND_SHORT } from './campaign-lib.ts';

export interface StepDraft {
  key: string;
  kind: StepKind;
  delay: string;
  source: 'text' | 'template' | 'set';
  subject: string;
  body: string;
  templateId: string;
  templateSetId: string;
}

export const MAX_STEPS = 10;
const NOTE_MAX = 300;
const SUBJECT_MAX = 200;
const BODY_MAX = 2000;

let nextKey = 0;
export function newStep(kind: StepKind, delay = 3): StepDraft {
  nextKey += 1;
  return {
    key: `s${nextKey}`,
    kind,
    delay: String(delay),
    source: 'text',
    subject: '',
    body: '',
    templateId: '',
    templateSetId: '',
  };
}

/** Problems the server would refuse too, shown while building (the server stays the judge). */
function localProblems(steps: StepDraft[], i: number): string[] {
  const s = steps[i]!;
  const out: string[] = [];
  const opened = steps.slice(0, i).some((x) => x.kind === 'inmail' || x.kind === 'message');
  if (s.kind === 'follow_up' && !opened) {
    out.push(
      i === 0
        ? 'A sequence cannot start with a follow-up.'
        : 'A follow-up needs an earlier InMail or message step to follow up on.',
    );
  }
  if (s.kind === 'connection_request' && steps.slice(0, i).some((x) => x.kind === 'connection_request')) {
    out.push('A sequence can send only one connection request.');
  }
  return out;
}

export function SequenceBuilder({
  steps,
  onChange,
  templates,
  sets,
  errorFor,
}: {
  steps: StepDraft[];
  onChange: (steps: StepDraft[]) => void;
  templates: Template[];
  sets: TemplateSet[];
  errorFor: (path: string) => string | undefined;
}) {
  // A step just added takes focus (on its kind); moved steps keep focus on the button pressed.
  const [added, setAdded] = useState<string | null>(null);
  const update = (key: string, patch: Partial<StepDraft>) =>
    onChange(steps.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...steps];
    const [s] = next.splice(i, 1);
    next.splice(i + by, 0, s!);
    onChange(next);
  };

  return (
    <div className="sequence" data-testid="sequence-builder">
      <ol className="steps">
        {steps.map((s, i) => (
          <li key={s.key} className="step-item">
            <StepCard
              step={s}
              index={i}
              count={steps.length}
              problems={localProblems(steps, i)}
              templates={templates}
              sets={sets}
              errorFor={(f) => errorFor(`steps.${i}.${f}`)}
              autoFocus={added === s.key}
              onChange={(patch) => update(s.key, patch)}
              onMove={(by) => move(i, by)}
              onRemove={() => onChange(steps.filter((x) => x.key !== s.key))}
            />
            {i < steps.length - 1 ? (
              <p className="step-wait" aria-hidden="true">
                ↓ no response within {s.delay || '0'} business day{s.delay === '1' ? '' : 's'}
              </p>
            ) : (
              <p className="step-wait" aria-hidden="true">
                ↓ no response within {s.delay || '0'} business day{s.delay === '1' ? '' : 's'}: done, “no
                response”
              </p>
            )}
          </li>
        ))}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="btn"
          disabled={steps.length >= MAX_STEPS}
          onClick={() => {
            const s = newStep(steps.length === 0 ? 'inmail' : 'follow_up');
            setAdded(s.key);
            onChange([...steps, s]);
          }}
        >
          Add a step
        </button>
        <span className="small muted">
          {steps.length} of {MAX_STEPS} steps. Anyone who accepts, replies or declines leaves the sequence.
        </span>
      </div>
    </div>
  );
}

function StepCard({
  step: s,
  index: i,
  count,
  problems,
  templates,
  sets,
  errorFor,
  autoFocus,
  onChange,
  onMove,
  onRemove,
}: {
  step: StepDraft;
  index: number;
  count: number;
  problems: string[];
  templates: Template[];
  sets: TemplateSet[];
  errorFor: (field: string) => string | undefined;
  autoFocus: boolean;
  onChange: (patch: Partial<StepDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // Where a merge field goes: the subject or the message, whichever was last in focus.
  const [lastField, setLastField] = useState<'subject' | 'body'>('body');

  const n = i + 1;
  const note = s.kind === 'connection_request';
  const needsSubject = s.kind === 'inmail' || s.kind === 'message';
  const template = templates.find((t) => t.id === s.templateId);
  const hasSlotText = /\{\{\s*personalization\s*\}\}/.test(`${s.subject} ${s.body}`);
  const subjectError = errorFor('subject');
  const bodyError = errorFor('body');
  const kindError = errorFor('kind');
  const delayError = errorFor('delayBusinessDays');
  const sourceError = errorFor('templateId') ?? errorFor('templateSetId');
  const shared = templates.filter((t) => t.visibility === 'shared');
  const personal = templates.filter((t) => t.visibility === 'personal');

  return (
    <fieldset className="card step-card" aria-describedby={problems.length ? `${id}-problems` : undefined}>
      <legend>
        Step {n}: {STEP_KIND_SHORT[s.kind]}
      </legend>
      <div className="step-tools">
        <button
          type="button"
          className="btn btn-quiet btn-small"
          onClick={() => onMove(-1)}
          disabled={i === 0}
          aria-label={`Move step ${n} up`}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn btn-quiet btn-small"
          onClick={() => onMove(1)}
          disabled={i === count - 1}
          aria-label={`Move step ${n} down`}
        >
          ↓
        </button>
        <button
          type="button"
          className="btn btn-quiet btn-small"
          onClick={onRemove}
          disabled={count === 1}
          aria-label={`Remove step ${n}`}
        >
          Remove
        </button>
      </div>
      <div className="form-row">
        <div className={`field${kindError ? ' has-error' : ''}`}>
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            autoFocus={autoFocus}
            value={s.kind}
            aria-invalid={kindError ? true : undefined}
            onChange={(e) => onChange({ kind: e.target.value as StepKind })}
          >
            {(Object.keys(STEP_KIND_LABEL) as StepKind[]).map((k) => (
              <option key={k} value={k}>
                {STEP_KIND_LABEL[k]}
              </option>
            ))}
          </select>
          {kindError ? <p className="field-error">{kindError}</p> : null}
        </div>
        <div className={`field${delayError ? ' has-error' : ''}`}>
          <label htmlFor={`${id}-delay`}>Then wait for a response (business days)</label>
          <input
            id={`${id}-delay`}
            type="number"
            min={0}
            max={65}
            inputMode="numeric"
            value={s.delay}
            aria-describedby={`${id}-delay-hint`}
            aria-invalid={delayError ? true : undefined}
            onChange={(e) => onChange({ delay: e.target.value })}
          />
          <p id={`${id}-delay-hint`} className="hint">
            Monday to Friday in the candidate’s time zone, holidays left out.{' '}
            {n < count ? `Then step ${n + 1}.` : 'Then the sequence ends as “no response”.'}
          </p>
          {delayError ? <p className="field-error">{delayError}</p> : null}
        </div>
      </div>
      {problems.length ? (
        <div id={`${id}-problems`} className="alert alert-warn small">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}

      {note ? null : (
        <fieldset className="plain-fieldset source">
          <legend className="small">Text</legend>
          {(
            [
              ['text', 'Write it here'],
              ['template', 'From a template'],
              ['set', 'From a template set (by seniority)'],
            ] as const
          ).map(([v, label]) => (
            <label key={v} className="check-inline spaced">
              <input
                type="radio"
                name={`${id}-source`}
                value={v}
                checked={s.source === v}
                onChange={() => onChange({ source: v })}
              />
              {label}
            </label>
          ))}
        </fieldset>
      )}

      {s.source === 'template' && !note ? (
        <div className={`field${sourceError ? ' has-error' : ''}`}>
          <label htmlFor={`${id}-template`}>Template</label>
          <select
            id={`${id}-template`}
            value={s.templateId}
            onChange={(e) => onChange({ templateId: e.target.value })}
          >
            <option value="">Choose a template…</option>
            {personal.length ? (
              <optgroup label="Your templates">
                {personal.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} (v{t.latestVersion})
                  </option>
                ))}
              </optgroup>
            ) : null}
            {shared.length ? (
              <optgroup label="Shared templates">
                {shared.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} (v{t.latestVersion})
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
          <p className="hint">
            Its text is copied into the campaign with its version when you save; later edits of the template
            do not change this campaign.
          </p>
          {sourceError ? <p className="field-error">{sourceError}</p> : null}
          {template ? (
            <div className="template-peek">
              <p className="small">
                <strong>Subject:</strong> {template.subject}
              </p>
              <SlotPreview text={template.body} personalization="" />
              {template.hasPersonalizationSlot ? (
                <p className="small slot-note">
                  Has a <code>{'{{personalization}}'}</code> slot: each recipient waits in the personalization
                  queue until you write their sentence.
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : s.source === 'set' && !note ? (
        <div className={`field${sourceError ? ' has-error' : ''}`}>
          <label htmlFor={`${id}-set`}>Template set</label>
          <select
            id={`${id}-set`}
            value={s.templateSetId}
            onChange={(e) => onChange({ templateSetId: e.target.value })}
          >
            <option value="">Choose a template set…</option>
            {sets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <p className="hint">
            When the step is due, each candidate gets the set’s template for their seniority (or its segment,
            or the default).
          </p>
          {sets.length === 0 ? (
            <p className="small muted">No template sets yet: create one on the Templates page.</p>
          ) : null}
          {sourceError ? <p className="field-error">{sourceError}</p> : null}
        </div>
      ) : (
        <>
          {needsSubject ? (
            <div className={`field${subjectError ? ' has-error' : ''}`}>
              <div className="field-label-row">
                <label htmlFor={`${id}-subject`}>Subject</label>
                <Counter id={`${id}-subject-count`} value={s.subject} max={SUBJECT_MAX} />
              </div>
              <input
                id={`${id}-subject`}
                ref={subjectRef}
                value={s.subject}
                aria-describedby={`${id}-subject-count`}
                aria-invalid={subjectError ? true : undefined}
                onFocus={() => setLastField('subject')}
                onChange={(e) => onChange({ subject: e.target.value })}
              />
              {subjectError ? <p className="field-error">{subjectError}</p> : null}
            </div>
          ) : null}
          <div className={`field${bodyError ? ' has-error' : ''}`}>
            <div className="field-label-row">
              <label htmlFor={`${id}-body`}>{note ? 'Invitation note (optional)' : 'Message'}</label>
              <Counter id={`${id}-body-count`} value={s.body} max={note ? NOTE_MAX : BODY_MAX} />
            </div>
            <textarea
              id={`${id}-body`}
              ref={bodyRef}
              rows={note ? 3 : 6}
              value={s.body}
              aria-describedby={`${id}-body-count ${id}-body-hint`}
              aria-invalid={bodyError ? true : undefined}
              onFocus={() => setLastField('body')}
              onChange={(e) => onChange({ body: e.target.value })}
            />
            <p id={`${id}-body-hint`} className="hint">
              {s.kind === 'follow_up'
                ? 'Sent in the thread the earlier step opened; no credit.'
                : s.kind === 'message'
                  ? 'Only delivered to 1st-degree connections; others pass over this step.'
                  : note
                    ? 'At most 300 characters.'
                    : 'Plain text. Short messages with a question get the most answers.'}
            </p>
            {bodyError ? <p className="field-error">{bodyError}</p> : null}
          </div>
          {hasSlotText ? (
            <p className="small slot-note">
              This step has a <code>{'{{personalization}}'}</code> slot: each recipient waits in the
              personalization queue until you write their sentence.
            </p>
          ) : null}
          <MergeFieldHelp
            target={`step ${n} ${lastField === 'subject' && needsSubject ? 'subject' : 'message'}`}
            onInsert={(tag) => {
              if (lastField === 'subject' && needsSubject) {
                insertAtCaret(subjectRef.current, s.subject, tag, (v) => onChange({ subject: v }));
              } else {
                insertAtCaret(bodyRef.current, s.body, tag, (v) => onChange({ body: v }));
              }
            }}
          />
        </>
      )}
    </fieldset>
  );
}

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CategoryRow } from '../../api/categories.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { isFieldInvalid } from '../../components/field-error.util.ts';
import { FormError } from '../../components/FormError.tsx';
import {
  problemFromError,
  useProblemText,
  type FormProblem,
} from '../../components/form-problem.hook.ts';
import { useSaveCategory } from './categories.query.ts';

interface Props {
  /** The category being renamed; null to add a new one. */
  editing: CategoryRow | null;
  onDone(): void;
}

/** Adds a category, or renames one; render it with a `key` so switching resets the input. */
export function CategoryEditor({ editing, onDone }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const problemText = useProblemText();
  const save = useSaveCategory();
  const [name, setName] = useState(editing?.name ?? '');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    if (editing) inputRef.current?.select();
  }, [editing]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setProblem({ field: 'name', key: 'categories.nameRequired' });
      inputRef.current?.focus();
      return;
    }
    setProblem(null);
    try {
      await save.mutateAsync({ id: editing?.id, name: trimmed });
      toast.show(t(editing ? 'categories.renamed' : 'categories.created', { name: trimmed }));
      setName('');
      onDone();
    } catch (error) {
      setProblem(problemFromError(error));
      inputRef.current?.focus();
    }
  }

  // A refusal without a field (say, a network error) is still about the only input there is.
  const invalid = problem !== null && (!problem.field || isFieldInvalid(problem.field, 'name'));

  return (
    <form className="panel form" data-testid="category-form" onSubmit={handleSubmit} noValidate>
      <h2 className="panel-title">
        {editing ? t('categories.renameTitle', { name: editing.name }) : t('categories.newTitle')}
      </h2>
      <FormError id={errorId} text={problemText(problem)} />
      <div className="field">
        <label htmlFor={inputId}>{t('categories.name')}</label>
        <input
          id={inputId}
          ref={inputRef}
          data-testid="category-name"
          data-field="name"
          maxLength={100}
          autoComplete="off"
          autoFocus={editing !== null}
          value={name}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && editing) onDone();
          }}
        />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="category-save"
          disabled={save.isPending}
        >
          {save.isPending
            ? t('common.saving')
            : editing
              ? t('categories.saveRename')
              : t('categories.add')}
        </button>
        {editing && (
          <button type="button" className="btn btn-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

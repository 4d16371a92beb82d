import { useId, useState, type FormEvent } from 'react';
import type { Review } from '../../api/reviews.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { useToast } from '../../app/toast/toast.context.ts';
import { FormError } from '../../components/FormError.tsx';
import {
  problemFromError,
  useProblemText,
  type FormProblem,
} from '../../components/form-problem.hook.ts';
import { useReplyToReview } from './reviews.query.ts';

const MAX_LENGTH = 2000;

interface Props {
  review: Review;
  /** Present when changing an existing reply, which can be abandoned. */
  onCancel?: () => void;
  onSaved(): void;
}

export function ReviewReplyForm({ review, onCancel, onSaved }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const problemText = useProblemText();
  const reply = useReplyToReview();
  const [content, setContent] = useState(review.admin_reply?.content ?? '');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const uid = useId();
  const empty = content.trim() === '';

  async function handleSubmit(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (empty || reply.isPending) return;
    setProblem(null);
    try {
      await reply.mutateAsync({ reviewId: review.id, content: content.trim() });
      toast.show(t('reviews.replySaved'));
      onSaved();
    } catch (error) {
      setProblem(problemFromError(error));
    }
  }

  const errorText = problemText(problem);

  return (
    <form className="reply-form" onSubmit={handleSubmit} noValidate>
      <label htmlFor={`${uid}-reply`} className="visually-hidden">
        {t('reviews.replyLabel', { name: review.user.username })}
      </label>
      <textarea
        id={`${uid}-reply`}
        data-testid="review-reply"
        rows={2}
        maxLength={MAX_LENGTH}
        placeholder={t('reviews.replyPlaceholder')}
        value={content}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={errorText ? `${uid}-error` : `${uid}-hint`}
        onChange={(e) => setContent(e.target.value)}
        onKeyDown={(e) => {
          // Ctrl+Enter (⌘+Enter on a Mac) sends, as in most chat and review tools.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void handleSubmit();
          if (e.key === 'Escape' && onCancel) onCancel();
        }}
      />
      <FormError id={`${uid}-error`} text={errorText} />
      <div className="reply-actions">
        <span id={`${uid}-hint`} className="muted small">
          {t('reviews.replyHint')}
        </span>
        {onCancel && (
          <button type="button" className="btn btn-secondary btn-sm" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button
          type="submit"
          className="btn btn-primary btn-sm"
          data-testid="review-reply-save"
          disabled={empty || reply.isPending}
        >
          {reply.isPending ? t('common.saving') : t('reviews.sendReply')}
        </button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import type { Review } from '../../api/reviews.api.ts';
import { useI18n } from '../../app/i18n/i18n.context.ts';
import { StarRating } from '../../components/StarRating.tsx';
import { formatDateTime } from '../status/status.format.ts';
import { ReviewReplyForm } from './ReviewReplyForm.tsx';

/** A customer's review, the shop's reply if any, and the box to write or change one. */
export function ReviewRow({ review }: { review: Review }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const reply = review.admin_reply;

  return (
    <li className="panel review" data-testid="review-row" data-review-id={review.id}>
      <div className="review-head">
        <span className="avatar" aria-hidden="true">
          {review.user.username.trim().charAt(0).toUpperCase() || '?'}
        </span>
        <div>
          <div className="cell-title">{review.user.username}</div>
          <div className="muted small">
            <time dateTime={review.created_at}>{formatDateTime(review.created_at, locale)}</time>
            {' · '}
            {review.id}
          </div>
        </div>
        <StarRating value={review.rating} />
      </div>

      {review.content ? (
        <p className="review-content">{review.content}</p>
      ) : (
        <p className="review-content muted">{t('reviews.noComment')}</p>
      )}

      {reply && !editing && (
        <div className="review-reply" data-testid="review-admin-reply">
          <div className="review-reply-head">
            <strong>{t('reviews.shopReply')}</strong>
            <span className="muted small">
              <time dateTime={reply.replied_at}>{formatDateTime(reply.replied_at, locale)}</time>
            </span>
            <button
              type="button"
              className="btn btn-link"
              data-testid="review-reply-edit"
              onClick={() => setEditing(true)}
            >
              {t('reviews.editReply')}
            </button>
          </div>
          <p>{reply.content}</p>
        </div>
      )}

      {(!reply || editing) && (
        <ReviewReplyForm
          review={review}
          onCancel={reply ? () => setEditing(false) : undefined}
          onSaved={() => setEditing(false)}
        />
      )}
    </li>
  );
}

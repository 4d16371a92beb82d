import { useState } from 'react';
import { PromotionEditor } from './PromotionEditor.tsx';
import { PromotionList } from './PromotionList.tsx';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; id: number };

/** The list, or the form for one promotion; the list keeps its page meanwhile. */
export function PromotionsPage() {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [page, setPage] = useState(1);

  return (
    <section className="page page-wide" data-testid="promotions-page" aria-labelledby="page-title">
      {view.kind === 'list' ? (
        <PromotionList
          page={page}
          onPage={setPage}
          onNew={() => setView({ kind: 'new' })}
          onEdit={(id) => setView({ kind: 'edit', id })}
        />
      ) : (
        <PromotionEditor
          key={view.kind === 'edit' ? view.id : 'new'}
          id={view.kind === 'edit' ? view.id : null}
          onClose={() => setView({ kind: 'list' })}
        />
      )}
    </section>
  );
}

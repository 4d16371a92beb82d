import { useState } from 'react';
import { ProductEditor } from './ProductEditor.tsx';
import { ProductList } from './ProductList.tsx';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; id: number };

/** The list, or the form for one product; the list keeps its search and page meanwhile. */
export function ProductsPage() {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const backToList = () => setView({ kind: 'list' });

  return (
    <section className="page" data-testid="products-page" aria-labelledby="page-title">
      {view.kind === 'list' ? (
        <ProductList
          search={search}
          page={page}
          onSearch={(text) => {
            setSearch(text);
            setPage(1);
          }}
          onPage={setPage}
          onNew={() => setView({ kind: 'new' })}
          onEdit={(id) => setView({ kind: 'edit', id })}
        />
      ) : (
        <ProductEditor
          key={view.kind === 'edit' ? view.id : 'new'}
          id={view.kind === 'edit' ? view.id : null}
          onClose={backToList}
        />
      )}
    </section>
  );
}
